import Foundation

/// The file-system side of reading and extracting, with every failure turned into a
/// ``PackArchiveError`` that names the path.
enum FileSystem {
    private static let chunkSize = 1 << 20

    /// Reads a whole archive, refusing one over `limit` before and while reading it.
    static func readArchive(at path: String, limit: Int) throws(PackArchiveError) -> [UInt8] {
        try mappingErrors(path: path) {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }  // A read-only handle: closing cannot lose data.
            let size = Int(try handle.seekToEnd())
            if size > limit { throw PackArchiveError.archiveTooLarge(size: size, limit: limit) }
            try handle.seek(toOffset: 0)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                if bytes.count + chunk.count > limit {
                    throw PackArchiveError.archiveTooLarge(size: bytes.count + chunk.count, limit: limit)
                }
                bytes.append(contentsOf: chunk)
            }
            return bytes
        }
    }

    static func mappingErrors<Value>(path: String, _ body: () throws -> Value) throws(PackArchiveError) -> Value {
        do {
            return try body()
        } catch let error as PackArchiveError {
            throw error
        } catch {
            throw .fileSystem(path: path, detail: error.localizedDescription)
        }
    }
}

/// A hidden folder beside the extraction target that receives the files and is renamed onto the
/// target only when everything succeeded, so that a failure leaves nothing behind.
struct StagingDirectory {
    private let target: URL
    private let staging: URL

    init(target path: String) throws(PackArchiveError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileSystem(path: parent.path, detail: "the folder to extract into does not exist")
        }
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let isEmptyFolder =
                isDirectory.boolValue && (try? manager.contentsOfDirectory(atPath: target.path).isEmpty) == true
            if !isEmptyFolder { throw .targetNotEmpty(path: target.path) }
        }
        self.target = target
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        let staging = staging
        try FileSystem.mappingErrors(path: staging.path) {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        }
    }

    /// Writes one file; `path` has passed ``PackPath/validate(_:limits:)``, so it stays inside.
    func write(_ bytes: [UInt8], to path: String) throws(PackArchiveError) {
        let file = staging.appendingPathComponent(path)
        try FileSystem.mappingErrors(path: path) {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(bytes).write(to: file, options: .withoutOverwriting)
        }
    }

    func moveIntoPlace() throws(PackArchiveError) {
        try FileSystem.mappingErrors(path: target.path) {
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: target)
            }
            try FileManager.default.moveItem(at: staging, to: target)
        }
    }

    func discard() {
        // Best effort: the extraction already failed with the error worth reporting.
        try? FileManager.default.removeItem(at: staging)
    }
}
