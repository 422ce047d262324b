/// A file entry that passed every check that can be made without reading its data.
struct InspectedEntry {
    let path: String
    let method: UInt16
    let crc32: UInt32
    let uncompressedSize: Int
    let dataRange: Range<Int>
}

/// The structural pass over an untrusted archive: the end record, the central directory, every
/// name, kind, flag, method and declared size, the local headers and the byte ranges of entries.
/// Nothing here decompresses or returns entry data.
struct ArchiveInspection {
    /// Regular files to decompress, sorted by path.
    let files: [InspectedEntry]
    /// OS junk that is left out.
    let ignoredEntries: [String]

    init(_ archive: [UInt8], limits: ArchiveLimits, requiresManifest: Bool = true) throws(PackArchiveError) {
        if archive.count > limits.maximumArchiveSize {
            throw .archiveTooLarge(size: archive.count, limit: limits.maximumArchiveSize)
        }
        let directory = try CentralDirectory(parsing: archive, limits: limits)
        var collisions = PathCollisionDetector()
        var totalSize = 0
        var described: [(record: CentralDirectoryRecord, entry: DescribedEntry)] = []
        for record in directory.records {
            let entry = try DescribedEntry(record, limits: limits)
            switch entry.kind {
            case .folder: try collisions.add(folder: entry.path)
            case .file, .junk: try collisions.add(file: entry.path)
            }
            totalSize += entry.uncompressedSize
            if totalSize > limits.maximumTotalSize {
                throw .totalSizeTooLarge(size: totalSize, limit: limits.maximumTotalSize)
            }
            described.append((record, entry))
        }
        if requiresManifest {
            try PackContentRules.requireManifest(
                among: described.lazy.filter { $0.entry.kind == .file }.map(\.entry.path)
            )
        }

        var spans: [(range: Range<Int>, path: String)] = []
        var files: [InspectedEntry] = []
        var ignored: [String] = []
        for (record, entry) in described {
            let layout = try LocalHeader(archive, record: record, path: entry.path)
            spans.append((layout.span, entry.path))
            switch entry.kind {
            case .folder: break
            case .junk: ignored.append(entry.path)
            case .file:
                files.append(
                    InspectedEntry(
                        path: entry.path,
                        method: record.method,
                        crc32: record.crc32,
                        uncompressedSize: entry.uncompressedSize,
                        dataRange: layout.data
                    )
                )
            }
        }
        try Self.checkOverlaps(spans, directoryOffset: directory.offset)
        self.files = files.sorted { PackPath.precedes($0.path, $1.path) }
        self.ignoredEntries = ignored
    }

    /// Refuses entries that share bytes: the "overlapping files" zip bomb points many entries at one
    /// highly compressed stream.
    private static func checkOverlaps(
        _ spans: [(range: Range<Int>, path: String)],
        directoryOffset: Int
    ) throws(PackArchiveError) {
        let ordered = spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
        for (previous, next) in zip(ordered, ordered.dropFirst())
        where next.range.lowerBound < previous.range.upperBound {
            throw .overlappingEntries(first: previous.path, second: next.path)
        }
        if let last = ordered.last, last.range.upperBound > directoryOffset {
            throw .entryOverlapsCentralDirectory(entry: last.path)
        }
    }
}

/// What a central-directory record says about its entry, once its name, kind, encoding and sizes
/// are checked.
private struct DescribedEntry {
    enum Kind { case file, folder, junk }

    let path: String
    let kind: Kind
    let uncompressedSize: Int

    init(_ record: CentralDirectoryRecord, limits: ArchiveLimits) throws(PackArchiveError) {
        let name = try Self.decodeName(record)
        let namedAsFolder = name.hasSuffix("/")
        let path = namedAsFolder ? String(name.dropLast()) : name
        try PackPath.validate(path, limits: limits)
        try Self.checkKind(record, path: path, namedAsFolder: namedAsFolder)
        if record.flags & (ZipFormat.encryptedFlag | ZipFormat.strongEncryptionFlag | ZipFormat.maskedHeaderFlag) != 0
            || record.method == 99
        {
            throw .encryptedEntry(entry: path)
        }
        if record.method != ZipFormat.storedMethod && record.method != ZipFormat.deflateMethod {
            throw .unsupportedCompressionMethod(entry: path, method: Int(record.method))
        }
        if record.compressedSize == 0xFFFF_FFFF || record.uncompressedSize == 0xFFFF_FFFF
            || record.localHeaderOffset == 0xFFFF_FFFF
        {
            throw .zip64NotSupported(entry: path)
        }
        if record.diskStart != 0 { throw .multiDiskArchive }
        let compressed = Int(record.compressedSize)
        let uncompressed = Int(record.uncompressedSize)
        if namedAsFolder, compressed != 0 || uncompressed != 0 {
            throw .inconsistentSizes(entry: path, detail: "a folder entry carries \(compressed) bytes of data")
        }
        if record.method == ZipFormat.storedMethod, compressed != uncompressed {
            throw .inconsistentSizes(
                entry: path,
                detail: "stored without compression but declares \(compressed) compressed and \(uncompressed) "
                    + "uncompressed bytes"
            )
        }
        let limit = limits.maximumSize(ofEntry: path)
        if uncompressed > limit { throw .entryTooLarge(entry: path, size: uncompressed, limit: limit) }
        if limits.exceedsCompressionRatio(uncompressed: uncompressed, compressed: compressed) {
            throw .compressionRatioTooHigh(
                entry: path,
                ratio: uncompressed / max(compressed, 1),
                limit: limits.maximumCompressionRatio
            )
        }
        if !namedAsFolder, PackContentRules.isArchiveName(path) { throw .nestedArchive(entry: path) }
        self.path = path
        self.uncompressedSize = uncompressed
        if namedAsFolder {
            kind = .folder
        } else {
            kind = PackPath.junkReason(path) == nil ? .file : .junk
        }
    }

    private static func decodeName(_ record: CentralDirectoryRecord) throws(PackArchiveError) -> String {
        if record.flags & ZipFormat.utf8Flag != 0 {
            guard let name = String(validating: record.nameBytes, as: UTF8.self) else {
                throw .invalidUTF8Name(entry: record.displayName)
            }
            return name
        }
        guard record.nameBytes.allSatisfy({ $0 < 0x80 }) else {
            throw .nonASCIINameWithoutUTF8Flag(entry: record.displayName)
        }
        return record.displayName
    }

    /// Only regular files and folders: the Unix mode (for Unix and macOS hosts) and the DOS
    /// attributes (for every host) must agree with the name.
    private static func checkKind(
        _ record: CentralDirectoryRecord,
        path: String,
        namedAsFolder: Bool
    ) throws(PackArchiveError) {
        let attributes = record.externalAttributes
        if ZipFormat.unixHosts.contains(UInt8(record.versionMadeBy >> 8)) {
            switch (attributes >> 16) & ZipFormat.unixTypeMask {
            case 0: break
            case ZipFormat.unixRegularFile where !namedAsFolder: break
            case ZipFormat.unixRegularFile:
                throw .notARegularFile(entry: path, kind: "a file named like a folder")
            case ZipFormat.unixDirectory where namedAsFolder: break
            case ZipFormat.unixDirectory:
                throw .notARegularFile(entry: path, kind: "a folder whose name does not end with '/'")
            case ZipFormat.unixSymbolicLink: throw .symbolicLink(entry: path)
            case 0o010000: throw .notARegularFile(entry: path, kind: "a named pipe")
            case 0o020000: throw .notARegularFile(entry: path, kind: "a character device")
            case 0o060000: throw .notARegularFile(entry: path, kind: "a block device")
            case 0o140000: throw .notARegularFile(entry: path, kind: "a socket")
            default: throw .notARegularFile(entry: path, kind: "an entry of unknown type")
            }
        }
        if attributes & ZipFormat.windowsReparsePointAttribute != 0 { throw .symbolicLink(entry: path) }
        if attributes & ZipFormat.dosVolumeLabelAttribute != 0 {
            throw .notARegularFile(entry: path, kind: "a volume label")
        }
        if attributes & ZipFormat.dosDirectoryAttribute != 0, !namedAsFolder {
            throw .notARegularFile(entry: path, kind: "a folder whose name does not end with '/'")
        }
    }
}
