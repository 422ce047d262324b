/// A file of the blob store (an image or an audio track), named by the SHA-256 of its bytes as 64 lower-case
/// hex digits. Only blob ids reach the tabletop, never URLs, so a client cannot make others load an outside
/// address (pyvtt accepted any URL for a token).
public struct BlobID: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    public init(hex: String, field: String = "image") throws(RoomError) {
        let isHexDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        guard hex.unicodeScalars.count == 64, hex.unicodeScalars.allSatisfy(isHexDigit) else {
            throw .invalid(field: field, reason: "must be a SHA-256 as 64 lower-case hex digits")
        }
        self.hex = hex
    }

    public var description: String { hex }
}

extension BlobID: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(hex: text, field: decoder.codingPath.fieldName)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.detail))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
