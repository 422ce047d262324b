/// The files of a pack held in memory: what the reader returns and what the writer packs.
/// Files are sorted by path, bytewise by UTF-8, which is also the order of the archive entries.
public struct PackArchiveContents: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// Relative, `/`-separated, e.g. `objects/datasets/spells.json`.
        public let path: String
        public internal(set) var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    public private(set) var files: [File]
    /// OS junk the reader found and left out (`.DS_Store`, `__MACOSX/…`, `Thumbs.db`, `._*`): it
    /// passed every structural check but is never decompressed, returned or extracted.
    public let ignoredEntries: [String]

    public init(files: [String: [UInt8]]) {
        self.init(sorting: files.map { File(path: $0.key, bytes: $0.value) }, ignoredEntries: [])
    }

    init(sorting files: [File], ignoredEntries: [String]) {
        self.files = files.sorted { PackPath.precedes($0.path, $1.path) }
        self.ignoredEntries = ignoredEntries.sorted(by: PackPath.precedes)
    }

    public var paths: [String] { files.map(\.path) }

    /// Frees the bytes of the file at `index` (its path stays): the validator lets go of each document once
    /// it is read, so a large pack is not held in memory twice, as bytes and as values.
    mutating func releaseBytes(at index: Int) {
        files[index].bytes = []
    }

    public subscript(path: String) -> [UInt8]? {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if PackPath.precedes(files[middle].path, path) { low = middle + 1 } else { high = middle }
        }
        guard low < files.count, files[low].path.utf8.elementsEqual(path.utf8) else { return nil }
        return files[low].bytes
    }
}
