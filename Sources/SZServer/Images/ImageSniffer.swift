/// What an uploaded file really is, read from its first bytes: the claimed type and file name are ignored, so a
/// page renamed `.png` is refused (pyvtt trusted the extension and served whatever it was given).
struct SniffedImage: Equatable, Sendable {
    enum Kind: String, Sendable {
        case png, jpeg, webp, gif

        var mediaType: String { "image/\(rawValue)" }
    }

    let kind: Kind
    let width: Int
    let height: Int

    /// Images larger than this on either side are refused: decoding them would take too much memory in browsers.
    static let maxSide = 16_384

    static func sniff(_ bytes: [UInt8]) throws(ImageError) -> SniffedImage {
        let reader = ByteReader(bytes: bytes)
        let image: SniffedImage
        if reader.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            // The IHDR chunk comes first: its width and height follow the 8-byte signature and chunk header.
            guard reader.matches("IHDR", at: 12) else { throw .damaged(.png, "has no IHDR chunk at byte 12") }
            image = SniffedImage(
                kind: .png,
                width: try reader.bigEndian32(at: 16),
                height: try reader.bigEndian32(at: 20)
            )
        } else if reader.matches("GIF87a", at: 0) || reader.matches("GIF89a", at: 0) {
            image = SniffedImage(
                kind: .gif,
                width: try reader.littleEndian(at: 6, bytes: 2),
                height: try reader.littleEndian(at: 8, bytes: 2)
            )
        } else if reader.matches("RIFF", at: 0) && reader.matches("WEBP", at: 8) {
            image = try webp(reader)
        } else if reader.starts(with: [0xFF, 0xD8, 0xFF]) {
            image = try jpeg(reader)
        } else {
            throw .unsupported(firstBytes: Array(bytes.prefix(8)))
        }
        guard image.width > 0, image.height > 0 else {
            throw .damaged(image.kind, "says it is \(image.width)×\(image.height) pixels")
        }
        guard image.width <= maxSide, image.height <= maxSide else {
            throw .tooManyPixels(width: image.width, height: image.height, maxSide: maxSide)
        }
        return image
    }

    private static func webp(_ reader: ByteReader) throws(ImageError) -> SniffedImage {
        if reader.matches("VP8 ", at: 12) {
            // Lossy: a key frame starts with the start code 9D 01 2A, then 14-bit width and height.
            guard reader.byte(at: 23) == 0x9D, reader.byte(at: 24) == 0x01, reader.byte(at: 25) == 0x2A else {
                throw .damaged(.webp, "has no VP8 key frame at byte 23")
            }
            return SniffedImage(
                kind: .webp,
                width: try reader.littleEndian(at: 26, bytes: 2) & 0x3FFF,
                height: try reader.littleEndian(at: 28, bytes: 2) & 0x3FFF
            )
        }
        if reader.matches("VP8L", at: 12) {
            guard reader.byte(at: 20) == 0x2F else { throw .damaged(.webp, "has no VP8L signature at byte 20") }
            let bits = try reader.littleEndian(at: 21, bytes: 4)
            return SniffedImage(kind: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        }
        if reader.matches("VP8X", at: 12) {
            return SniffedImage(
                kind: .webp,
                width: try reader.littleEndian(at: 24, bytes: 3) + 1,
                height: try reader.littleEndian(at: 27, bytes: 3) + 1
            )
        }
        throw .damaged(.webp, "has no VP8, VP8L or VP8X chunk at byte 12")
    }

    /// Walks the segments up to the first start-of-frame marker, which holds the size.
    private static func jpeg(_ reader: ByteReader) throws(ImageError) -> SniffedImage {
        var offset = 2
        while true {
            guard reader.byte(at: offset) == 0xFF, let marker = reader.byte(at: offset + 1) else {
                throw .damaged(.jpeg, "has no segment marker at byte \(offset)")
            }
            if marker == 0xFF {
                offset += 1
                continue
            }
            let length = try reader.bigEndian16(at: offset + 2)
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isStartOfFrame {
                return SniffedImage(
                    kind: .jpeg,
                    width: try reader.bigEndian16(at: offset + 7),
                    height: try reader.bigEndian16(at: offset + 5)
                )
            }
            guard length >= 2 else { throw .damaged(.jpeg, "has a segment of length \(length) at byte \(offset)") }
            offset += 2 + length
        }
    }
}

enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    case unsupported(firstBytes: [UInt8])
    case damaged(SniffedImage.Kind, String)
    case tooManyPixels(width: Int, height: Int, maxSide: Int)
    /// The file ends at `length` bytes, inside its header.
    case truncated(length: Int)

    var description: String {
        switch self {
        case .unsupported(let bytes):
            let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
            return "the file is not a PNG, JPEG, WebP or GIF image (it starts with \(hex)); whatever its name says"
        case .damaged(let kind, let problem): return "the \(kind.rawValue.uppercased()) image is damaged: it \(problem)"
        case .tooManyPixels(let width, let height, let maxSide):
            return "the image is \(width)×\(height) pixels; each side may be at most \(maxSide)"
        case .truncated(let length): return "the file ends after \(length) bytes, inside its image header"
        }
    }
}

/// Bounds-checked reads from the start of a file; reading past its end means the file is cut short.
private struct ByteReader {
    let bytes: [UInt8]

    func byte(at offset: Int) -> UInt8? {
        bytes.indices.contains(offset) ? bytes[offset] : nil
    }

    func starts(with prefix: [UInt8]) -> Bool {
        bytes.starts(with: prefix)
    }

    func matches(_ text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset + expected.count <= bytes.count && Array(bytes[offset..<offset + expected.count]) == expected
    }

    func bigEndian16(at offset: Int) throws(ImageError) -> Int {
        try read(at: offset, count: 2).reduce(0) { $0 << 8 | Int($1) }
    }

    func bigEndian32(at offset: Int) throws(ImageError) -> Int {
        try read(at: offset, count: 4).reduce(0) { $0 << 8 | Int($1) }
    }

    func littleEndian(at offset: Int, bytes count: Int) throws(ImageError) -> Int {
        try read(at: offset, count: count).reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private func read(at offset: Int, count: Int) throws(ImageError) -> ArraySlice<UInt8> {
        guard offset >= 0, offset + count <= bytes.count else {
            throw .truncated(length: bytes.count)
        }
        return bytes[offset..<offset + count]
    }
}
