public import Foundation
import SZPacks

/// Files kept once by content: `blobs/ab/abcdef…` under the data folder, named by the lowercase hex
/// SHA-256 of their bytes. Storing the same bytes twice keeps one file. A blob is written to a
/// temporary file, flushed and renamed into place, so a reader never sees half a blob and an
/// acknowledged store survives a crash.
public struct BlobStore: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Stores `bytes` and returns their SHA-256.
    @discardableResult
    public func store(_ bytes: [UInt8]) throws(BlobStoreError) -> String {
        let hash = Self.sha256(of: bytes)
        let target = url(for: hash)
        if FileManager.default.fileExists(atPath: target.path) { return hash }
        try mappingErrors(hash) {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            let temporary = folder.appendingPathComponent(".incoming-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw BlobStoreError.unwritable(folder: folder.path)
            }
            do {
                let handle = try FileHandle(forWritingTo: temporary)
                try handle.write(contentsOf: bytes)
                try handle.synchronize()
                try handle.close()
                // rename(2) replaces atomically; a concurrent store of the same bytes wrote the same content.
                guard rename(temporary.path, target.path) == 0 else {
                    throw BlobStoreError.unwritable(folder: folder.path)
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
        }
        return hash
    }

    /// The bytes stored under `sha256`, or nil when there are none (or the name is not a SHA-256).
    public func bytes(_ sha256: String) throws(BlobStoreError) -> [UInt8]? {
        guard Self.isSHA256(sha256) else { return nil }
        let url = url(for: sha256)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try mappingErrors(sha256) { [UInt8](try Data(contentsOf: url)) }
    }

    /// At most the first `count` bytes stored under `sha256`, or nil when there are none: enough to read an
    /// image's header without loading the whole file.
    public func head(_ sha256: String, count: Int) throws(BlobStoreError) -> [UInt8]? {
        guard contains(sha256) else { return nil }
        return try mappingErrors(sha256) {
            let handle = try FileHandle(forReadingFrom: url(for: sha256))
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        }
    }

    public func contains(_ sha256: String) -> Bool {
        Self.isSHA256(sha256) && FileManager.default.fileExists(atPath: url(for: sha256).path)
    }

    /// Removes a blob; removing one that is not there is not an error.
    public func remove(_ sha256: String) throws(BlobStoreError) {
        guard contains(sha256) else { return }
        try mappingErrors(sha256) { try FileManager.default.removeItem(at: url(for: sha256)) }
    }

    /// Every stored hash, for clean-up.
    public func allHashes() throws(BlobStoreError) -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let prefixes = try mappingErrors("") { try FileManager.default.contentsOfDirectory(atPath: folder.path) }
        var hashes: [String] = []
        for prefix in prefixes where prefix.count == 2 {
            let names = try mappingErrors(prefix) {
                try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(prefix).path)
            }
            hashes += names.filter(Self.isSHA256)
        }
        return hashes.sorted()
    }

    /// The name a blob is stored under: the same lowercase hex SHA-256 as a pack archive's.
    public static func sha256(of bytes: [UInt8]) -> String {
        PackArchive.sha256(of: bytes)
    }

    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private func url(for hash: String) -> URL {
        folder.appendingPathComponent(String(hash.prefix(2))).appendingPathComponent(hash)
    }

    private func mappingErrors<Value>(_ hash: String, _ body: () throws -> Value) throws(BlobStoreError) -> Value {
        do {
            return try body()
        } catch let error as BlobStoreError {
            throw error
        } catch {
            throw .ioFailure(blob: hash, detail: error.localizedDescription)
        }
    }
}

public enum BlobStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case unwritable(folder: String)
    case ioFailure(blob: String, detail: String)

    public var description: String {
        switch self {
        case .unwritable(let folder): "cannot write to the blob folder \(folder); check its permissions and free space"
        case .ioFailure(let blob, let detail): "blob \(blob.isEmpty ? "folder" : blob): \(detail)"
        }
    }
}
