import SZStore

extension SniffedImage {
    /// How much of a stored file is read first: every header we sniff fits, bar JPEGs with large metadata.
    static let headBytes = 64 * 1024

    /// What a stored blob is, read from its header; nil when it is not stored or not an image (a track, a pack).
    static func stored(_ sha256: String, in blobs: BlobStore) throws -> SniffedImage? {
        guard let head = try blobs.head(sha256, count: headBytes) else { return nil }
        do throws(ImageError) {
            return try sniff(head)
        } catch .truncated where head.count == headBytes {
            // The size comes after more metadata than the head holds: read the whole file.
            guard let bytes = try blobs.bytes(sha256) else { return nil }
            return try? sniff(bytes)
        } catch {
            return nil
        }
    }
}
