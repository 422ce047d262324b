import SZPacks
import SZStore

/// The images and tracks an imported archive names: each is read from the archive, sniffed from its bytes and
/// named by its SHA-256 (never by its file name). They are kept here and stored only once the whole import has
/// passed its checks, so a refused archive leaves nothing in the blob store.
struct ArchiveMedia {
    let contents: PackArchiveContents
    private(set) var files: [String: [UInt8]] = [:]

    init(_ contents: PackArchiveContents) {
        self.contents = contents
    }

    /// The image at `path`; `referrer` and `pointer` name what asked for it in errors.
    mutating func image(_ path: String, referrer: String, pointer: String) throws(GameImportError) -> String {
        let bytes = try file(path, referrer: referrer, pointer: pointer)
        do throws(ImageError) {
            _ = try SniffedImage.sniff(bytes)
        } catch {
            throw GameImportError(file: path, error.description)
        }
        return keep(bytes)
    }

    mutating func track(_ path: String, referrer: String, pointer: String) throws(GameImportError) -> String {
        let bytes = try file(path, referrer: referrer, pointer: pointer)
        do throws(AudioError) {
            _ = try SniffedAudio.sniff(bytes)
        } catch {
            throw GameImportError(file: path, error.description)
        }
        return keep(bytes)
    }

    func store(in blobs: BlobStore) throws {
        for bytes in files.values { try blobs.store(bytes) }
    }

    private func file(_ path: String, referrer: String, pointer: String) throws(GameImportError) -> [UInt8] {
        guard let bytes = contents[path] else {
            throw GameImportError(file: referrer, pointer: pointer, "names \(path), which the archive does not hold")
        }
        return bytes
    }

    private mutating func keep(_ bytes: [UInt8]) -> String {
        let hash = BlobStore.sha256(of: bytes)
        files[hash] = bytes
        return hash
    }
}
