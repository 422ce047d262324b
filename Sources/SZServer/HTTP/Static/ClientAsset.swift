import Crypto
import Foundation
import NIOCore
import SZPacks

/// One file of the browser client as the server sends it: the bytes, their gzip form when that is smaller, and a
/// strong ETag for each form.
struct ClientAsset: Sendable {
    let contentType: String
    let identity: ByteBuffer
    let identityTag: String
    let gzipped: ByteBuffer?
    let gzippedTag: String?

    /// Text files shrink well; images and fonts are compressed already, so gzip would only cost time.
    init(bytes: [UInt8], contentType: String) {
        self.contentType = contentType
        identity = ByteBuffer(bytes: bytes)
        let digest = Self.hex(SHA256.hash(data: bytes)).prefix(32)
        identityTag = "\"\(digest)\""
        let compressed = Self.isCompressible(contentType) ? Gzip.compress(bytes) : nil
        if let compressed, compressed.count < bytes.count {
            gzipped = ByteBuffer(bytes: compressed)
            gzippedTag = "\"\(digest)-gz\""
        } else {
            gzipped = nil
            gzippedTag = nil
        }
    }

    private static func isCompressible(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/") || contentType.hasPrefix("application/json")
            || contentType.hasPrefix("image/svg+xml") || contentType.hasPrefix("application/manifest+json")
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// The media type of a client file, by its extension; the server refuses to ship a file it cannot name.
    static func contentType(ofPath path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return mediaTypes[path[path.index(after: dot)...].lowercased()]
    }

    private static let mediaTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "webmanifest": "application/manifest+json",
    ]
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
