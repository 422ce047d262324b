/// A thumbnail the browser made of an uploaded image with a canvas (the server has no image library): small by
/// bytes and by pixels, and only of the kinds every browser's canvas can write.
enum Thumbnail {
    static let maxBytes = 64 * 1024
    static let maxSide = 320
    static let kinds: Set<SniffedImage.Kind> = [.png, .jpeg, .webp]

    /// Reads what the bytes are and checks them against the limits.
    static func check(_ bytes: [UInt8]) throws(ThumbnailError) -> SniffedImage {
        guard bytes.count <= maxBytes else { throw .tooLarge }
        let image: SniffedImage
        do throws(ImageError) {
            image = try SniffedImage.sniff(bytes)
        } catch {
            throw .notAnImage(error)
        }
        guard kinds.contains(image.kind) else { throw .unsupportedKind(image.kind) }
        guard image.width <= maxSide, image.height <= maxSide else {
            throw .tooManyPixels(width: image.width, height: image.height)
        }
        return image
    }
}

enum ThumbnailError: Error, Equatable, CustomStringConvertible {
    case tooLarge
    case notAnImage(ImageError)
    case unsupportedKind(SniffedImage.Kind)
    case tooManyPixels(width: Int, height: Int)

    var description: String {
        switch self {
        case .tooLarge: "a thumbnail may be at most \(Thumbnail.maxBytes / 1024) KiB (\(Thumbnail.maxBytes) bytes)"
        case .notAnImage(let error): "the thumbnail is not usable: \(error.description)"
        case .unsupportedKind(let kind):
            "a thumbnail must be a PNG, JPEG or WebP image, not \(kind.rawValue.uppercased())"
        case .tooManyPixels(let width, let height):
            "the thumbnail is \(width)×\(height) pixels; each side may be at most \(Thumbnail.maxSide)"
        }
    }
}
