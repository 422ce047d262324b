/// A player's colour as `#rrggbb`. Checked on the server because clients paste it into markup (pyvtt accepted
/// `red);" onmouseover="…` and broadcast it). Stored lower-case so two spellings of one colour compare equal.
public struct PlayerColour: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    public init(_ text: String, field: String = "colour") throws(RoomError) {
        let scalars = Array(text.lowercased().unicodeScalars)
        let isHexDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
        guard scalars.count == 7, scalars[0] == "#", scalars.dropFirst().allSatisfy(isHexDigit) else {
            throw .invalid(
                field: field,
                reason: "must be a colour written #rrggbb (six hex digits), not \(quoted(text))"
            )
        }
        hex = String(String.UnicodeScalarView(scalars))
    }

    public var description: String { hex }
}

extension PlayerColour: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text, field: decoder.codingPath.fieldName)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.detail))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

/// A client-supplied text shown back in an error, cut short so an error cannot be used to echo a large frame.
func quoted(_ text: String) -> String {
    let limit = 40
    return "\"" + (text.count > limit ? text.prefix(limit) + "…" : text) + "\""
}
