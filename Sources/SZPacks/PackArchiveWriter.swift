import Crypto

/// A `.szp` produced by ``PackArchiveWriter``.
public struct PackArchive: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Lowercase hex SHA-256 of `bytes`: what releases are signed over and blobs are stored under.
    public let sha256: String
    /// OS junk that was left out, with why.
    public let skippedFiles: [SkippedFile]

    init(bytes: [UInt8], skippedFiles: [SkippedFile]) {
        self.bytes = bytes
        sha256 = Self.sha256(of: bytes)
        self.skippedFiles = skippedFiles
    }

    /// Lowercase hex SHA-256 of any bytes, such as an archive someone else wrote.
    public static func sha256(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}

public struct SkippedFile: Sendable, Equatable {
    public let path: String
    public let reason: String
}

/// Builds `.szp` archives deterministically: the same files always give the same bytes and the
/// same SHA-256, whatever the platform, the order of files on disk or their timestamps and modes.
/// Entries are sorted bytewise by UTF-8 path; folders are not stored (they follow from the paths,
/// so empty folders are dropped); the byte layout is documented on `ZipWriter` and `Deflater` in the sources.
///
/// It applies the reader's rules first, with the same ``ArchiveLimits``, so it never writes an
/// archive ``PackArchiveReader`` would refuse. Entries that would exceed the reader's compression
/// ratio are stored uncompressed instead. OS junk (`.DS_Store`, `__MACOSX/`, `._*`, `Thumbs.db`)
/// is skipped and reported in ``PackArchive/skippedFiles``.
public struct PackArchiveWriter: Sendable {
    public var limits: ArchiveLimits
    /// Whether `szpack.json` must be among the files; off for other archives written the same way (a game
    /// export).
    public var requiresManifest: Bool

    public init(limits: ArchiveLimits = ArchiveLimits(), requiresManifest: Bool = true) {
        self.limits = limits
        self.requiresManifest = requiresManifest
    }

    public func write(_ contents: PackArchiveContents) throws(PackArchiveError) -> PackArchive {
        var skipped: [SkippedFile] = []
        var files: [PackArchiveContents.File] = []
        for file in contents.files {
            if let reason = PackPath.junkReason(file.path) {
                skipped.append(SkippedFile(path: file.path, reason: reason))
            } else {
                files.append(file)
            }
        }
        try check(files)
        var writer = ZipWriter()
        for file in files {
            try writer.addFile(path: file.path, bytes: file.bytes, limits: limits)
        }
        let bytes = try writer.finish()
        if bytes.count > limits.maximumArchiveSize {
            throw .archiveTooLarge(size: bytes.count, limit: limits.maximumArchiveSize)
        }
        return PackArchive(bytes: bytes, skippedFiles: skipped)
    }

    /// Packs the regular files under `path`. Symbolic links and other special files are refused,
    /// so nothing outside the folder can be reached.
    public func write(folderAtPath path: String) throws(PackArchiveError) -> PackArchive {
        let scan = try PackFolderScanner(limits: limits).scan(path)
        let archive = try write(PackArchiveContents(sorting: scan.files, ignoredEntries: []))
        return PackArchive(bytes: archive.bytes, skippedFiles: scan.skipped + archive.skippedFiles)
    }

    private func check(_ files: [PackArchiveContents.File]) throws(PackArchiveError) {
        if files.count > limits.maximumEntryCount {
            throw .tooManyEntries(count: files.count, limit: limits.maximumEntryCount)
        }
        var collisions = PathCollisionDetector()
        var totalSize = 0
        for file in files {
            try PackPath.validate(file.path, limits: limits)
            try collisions.add(file: file.path)
            let limit = limits.maximumSize(ofEntry: file.path)
            if file.bytes.count > limit { throw .entryTooLarge(entry: file.path, size: file.bytes.count, limit: limit) }
            totalSize += file.bytes.count
            if totalSize > limits.maximumTotalSize {
                throw .totalSizeTooLarge(size: totalSize, limit: limits.maximumTotalSize)
            }
        }
        if requiresManifest { try PackContentRules.requireManifest(among: files.map(\.path)) }
        for file in files {
            try PackContentRules.check(file.path, bytes: file.bytes, limits: limits)
        }
    }
}
