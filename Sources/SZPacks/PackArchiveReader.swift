/// Reads `.szp` pack archives without trusting them.
///
/// **Structure first, data after.** Before any entry data is read, the reader parses the
/// end-of-central-directory record and the central directory itself and refuses, each with its own
/// ``PackArchiveError`` case naming the entry:
/// - archives over ``ArchiveLimits/maximumArchiveSize``, with more than
///   ``ArchiveLimits/maximumEntryCount`` entries, split over several disks, or using ZIP64 (packs
///   are capped far below 4 GiB, so ZIP64 is never needed); an end record that does not end the
///   file exactly (truncated files, appended bytes) or a central directory that does not fill the
///   space before it;
/// - names that are not valid UTF-8, or not plain ASCII without the UTF-8 flag; absolute paths,
///   `..`, empty or `.` segments, backslashes, drive letters, control characters and `<>:"|?*`;
///   paths over ``ArchiveLimits/maximumPathLength`` bytes or ``ArchiveLimits/maximumPathDepth``
///   segments;
/// - duplicate names, names that collide once case-folded and Unicode-normalised (they would
///   overwrite each other on macOS and Windows), and a path used both as a file and a folder;
/// - symbolic links and every other non-regular entry (by Unix mode and DOS/Windows attributes),
///   encrypted entries, methods other than stored (0) and deflate (8), nested archives (a `.zip`
///   or `.szp` name, or content starting with a zip signature: refused, never opened);
/// - entries over ``ArchiveLimits/maximumEntrySize`` (``ArchiveLimits/maximumJSONEntrySize`` for
///   `*.json`), a total over ``ArchiveLimits/maximumTotalSize``, and entries larger than
///   ``ArchiveLimits/compressionRatioThreshold`` that expand more than
///   ``ArchiveLimits/maximumCompressionRatio`` times;
/// - local headers that disagree with the central directory (signature, flags, method, name,
///   CRC-32 and sizes, or the data descriptor's), entries that extend past the end of the file, that
///   share bytes with each other (the "overlapping files" zip bomb) or run into the central directory;
/// - a pack without `szpack.json` at its root.
///
/// **Then the data**, one entry at a time in path order, with our own DEFLATE decoder: it stops the
/// moment an entry would inflate past its declared size, fails on a stream that ends early or
/// leaves bytes over, and every entry's size and CRC-32 must match the central directory. Every
/// `*.json` entry must then parse with the strict ``JSONParser`` within
/// ``ArchiveLimits/maximumJSONDepth``, and `szpack.json` must hold an object.
///
/// OS junk (`__MACOSX/`, `.DS_Store`, `._*`, `Thumbs.db`) passes the structural checks and is then
/// left out. Folder entries are accepted and carry no data. Permissions, timestamps and comments in
/// the archive are ignored. ZIPFoundation is not used: it does not enforce declared sizes, and its
/// Linux inflater trusts the stream to end (it hands zlib a full buffer's length for a short last
/// chunk and keeps asking for input after the file ends).
public struct PackArchiveReader: Sendable {
    public var limits: ArchiveLimits
    /// Whether `szpack.json` must be at the root. Other archives read with the same checks (a game export)
    /// turn it off.
    public var requiresManifest: Bool

    public init(limits: ArchiveLimits = ArchiveLimits(), requiresManifest: Bool = true) {
        self.limits = limits
        self.requiresManifest = requiresManifest
    }

    /// Reads and checks a whole archive held in memory.
    public func read(_ archive: [UInt8]) throws(PackArchiveError) -> PackArchiveContents {
        let inspection = try ArchiveInspection(archive, limits: limits, requiresManifest: requiresManifest)
        var files: [PackArchiveContents.File] = []
        try forEachFile(of: inspection, in: archive) { path, bytes throws(PackArchiveError) in
            files.append(PackArchiveContents.File(path: path, bytes: bytes))
        }
        return PackArchiveContents(sorting: files, ignoredEntries: inspection.ignoredEntries)
    }

    /// Reads and checks the archive at `path`, refusing a file over the archive size limit before
    /// reading it.
    public func read(fileAtPath path: String) throws(PackArchiveError) -> PackArchiveContents {
        try read(FileSystem.readArchive(at: path, limit: limits.maximumArchiveSize))
    }

    /// Checks the archive and extracts its files into `targetPath`, all or nothing: the structural
    /// checks run before anything is written, then the files go to a temporary folder beside the target, which is renamed into place only once every entry has
    /// passed every check. On failure nothing is left behind. The target must not exist or must be
    /// an empty folder; its parent must exist.
    public func extract(_ archive: [UInt8], toDirectoryAtPath targetPath: String) throws(PackArchiveError) {
        let inspection = try ArchiveInspection(archive, limits: limits, requiresManifest: requiresManifest)
        let staging = try StagingDirectory(target: targetPath)
        do throws(PackArchiveError) {
            try forEachFile(of: inspection, in: archive) { path, bytes throws(PackArchiveError) in
                try staging.write(bytes, to: path)
            }
            try staging.moveIntoPlace()
        } catch {
            staging.discard()
            throw error
        }
    }

    public func extract(fileAtPath path: String, toDirectoryAtPath targetPath: String) throws(PackArchiveError) {
        try extract(FileSystem.readArchive(at: path, limit: limits.maximumArchiveSize), toDirectoryAtPath: targetPath)
    }

    /// Decompresses and checks each regular file of an inspected archive, in path order, and hands
    /// over its verified bytes.
    private func forEachFile(
        of inspection: ArchiveInspection,
        in archive: [UInt8],
        _ body: (String, [UInt8]) throws(PackArchiveError) -> Void
    ) throws(PackArchiveError) {
        for entry in inspection.files {
            let bytes = try decompress(entry, in: archive)
            try PackContentRules.check(entry.path, bytes: bytes, limits: limits)
            try body(entry.path, bytes)
        }
    }

    private func decompress(_ entry: InspectedEntry, in archive: [UInt8]) throws(PackArchiveError) -> [UInt8] {
        let bytes: [UInt8]
        if entry.method == ZipFormat.storedMethod {
            bytes = Array(archive[entry.dataRange])
        } else {
            do throws(InflateFailure) {
                bytes = try Inflater.inflate(archive, range: entry.dataRange, outputLimit: entry.uncompressedSize)
            } catch {
                throw Self.describe(error, entry: entry)
            }
        }
        if bytes.count != entry.uncompressedSize {
            throw .sizeMismatch(entry: entry.path, declared: entry.uncompressedSize, actual: bytes.count)
        }
        let checksum = CRC32.checksum(bytes)
        if checksum != entry.crc32 {
            throw .checksumMismatch(entry: entry.path, declared: entry.crc32, actual: checksum)
        }
        return bytes
    }

    private static func describe(_ failure: InflateFailure, entry: InspectedEntry) -> PackArchiveError {
        switch failure {
        case .outputLimitExceeded:
            .declaredSizeExceeded(entry: entry.path, declared: entry.uncompressedSize)
        case .truncated:
            .corruptData(entry: entry.path, detail: "the compressed bytes end before the deflate stream does")
        case .trailingBytes(let count):
            .corruptData(entry: entry.path, detail: "\(count) bytes follow the end of the deflate stream")
        case .invalid(let detail):
            .corruptData(entry: entry.path, detail: "the deflate stream has \(detail)")
        }
    }
}
