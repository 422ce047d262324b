/// One central-directory record as the archive states it, before any of it is trusted.
struct CentralDirectoryRecord {
    let versionMadeBy: UInt16
    let flags: UInt16
    let method: UInt16
    let crc32: UInt32
    let compressedSize: UInt32
    let uncompressedSize: UInt32
    let nameBytes: [UInt8]
    let diskStart: UInt16
    let externalAttributes: UInt32
    let localHeaderOffset: UInt32

    /// The name for messages, even when it is not valid UTF-8.
    var displayName: String { String(decoding: nameBytes, as: UTF8.self) }
}

/// The end-of-central-directory record and the central directory it points to, parsed from the
/// tail of the archive without reading any entry data.
struct CentralDirectory {
    let records: [CentralDirectoryRecord]
    /// Where the central directory starts: entry data must end before it.
    let offset: Int

    init(parsing archive: [UInt8], limits: ArchiveLimits) throws(PackArchiveError) {
        let endRecord = try Self.locateEndRecord(in: archive)
        let diskNumber = archive.littleEndianUInt16(at: endRecord + 4)
        let directoryDisk = archive.littleEndianUInt16(at: endRecord + 6)
        let entriesOnDisk = archive.littleEndianUInt16(at: endRecord + 8)
        let entryCount = archive.littleEndianUInt16(at: endRecord + 10)
        let directorySize = archive.littleEndianUInt32(at: endRecord + 12)
        let directoryOffset = archive.littleEndianUInt32(at: endRecord + 16)

        let hasZip64Locator =
            endRecord >= ZipFormat.zip64LocatorSize
            && archive.littleEndianUInt32(at: endRecord - ZipFormat.zip64LocatorSize) == ZipFormat.zip64LocatorSignature
        if hasZip64Locator || entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .zip64NotSupported(entry: nil)
        }
        if diskNumber != 0 || directoryDisk != 0 || entriesOnDisk != entryCount { throw .multiDiskArchive }
        if Int(entryCount) > limits.maximumEntryCount {
            throw .tooManyEntries(count: Int(entryCount), limit: limits.maximumEntryCount)
        }
        let start = Int(directoryOffset)
        let end = start + Int(directorySize)
        if end != endRecord {
            throw .malformedCentralDirectory(
                detail: "it spans bytes \(start)..<\(end) but the end record is at byte \(endRecord)"
            )
        }
        if Int(entryCount) * ZipFormat.centralHeaderSize > Int(directorySize) {
            throw .malformedCentralDirectory(
                detail: "\(entryCount) entries cannot fit in its \(directorySize) bytes"
            )
        }
        records = try Self.parseRecords(archive, from: start, to: end, count: Int(entryCount))
        offset = start
    }

    /// Finds the end record: the last signature whose comment reaches exactly the end of the file,
    /// so neither a signature inside the comment nor bytes appended to the archive are accepted.
    private static func locateEndRecord(in archive: [UInt8]) throws(PackArchiveError) -> Int {
        guard archive.count >= ZipFormat.endRecordSize else {
            throw .notAZipArchive(detail: "the file is only \(archive.count) bytes long")
        }
        let latest = archive.count - ZipFormat.endRecordSize
        let earliest = max(0, latest - ZipFormat.maximumCommentLength)
        for candidate in stride(from: latest, through: earliest, by: -1)
        where archive.littleEndianUInt32(at: candidate) == ZipFormat.endRecordSignature {
            let commentLength = Int(archive.littleEndianUInt16(at: candidate + 20))
            if candidate + ZipFormat.endRecordSize + commentLength == archive.count { return candidate }
        }
        throw .notAZipArchive(
            detail: "no end-of-central-directory record at the end of the file (it is truncated, "
                + "has bytes appended, or is not a zip archive)"
        )
    }

    private static func parseRecords(
        _ archive: [UInt8],
        from start: Int,
        to end: Int,
        count: Int
    ) throws(PackArchiveError) -> [CentralDirectoryRecord] {
        var records: [CentralDirectoryRecord] = []
        records.reserveCapacity(count)
        var position = start
        for index in 0..<count {
            guard position + ZipFormat.centralHeaderSize <= end,
                archive.littleEndianUInt32(at: position) == ZipFormat.centralHeaderSignature
            else {
                throw .malformedCentralDirectory(detail: "record \(index + 1) at byte \(position) has no valid header")
            }
            let nameLength = Int(archive.littleEndianUInt16(at: position + 28))
            let extraLength = Int(archive.littleEndianUInt16(at: position + 30))
            let commentLength = Int(archive.littleEndianUInt16(at: position + 32))
            let nameStart = position + ZipFormat.centralHeaderSize
            let next = nameStart + nameLength + extraLength + commentLength
            guard next <= end else {
                throw .malformedCentralDirectory(
                    detail: "record \(index + 1) at byte \(position) runs past the end of the directory"
                )
            }
            records.append(
                CentralDirectoryRecord(
                    versionMadeBy: archive.littleEndianUInt16(at: position + 4),
                    flags: archive.littleEndianUInt16(at: position + 8),
                    method: archive.littleEndianUInt16(at: position + 10),
                    crc32: archive.littleEndianUInt32(at: position + 16),
                    compressedSize: archive.littleEndianUInt32(at: position + 20),
                    uncompressedSize: archive.littleEndianUInt32(at: position + 24),
                    nameBytes: Array(archive[nameStart..<nameStart + nameLength]),
                    diskStart: archive.littleEndianUInt16(at: position + 34),
                    externalAttributes: archive.littleEndianUInt32(at: position + 38),
                    localHeaderOffset: archive.littleEndianUInt32(at: position + 42)
                )
            )
            position = next
        }
        if position != end {
            throw .malformedCentralDirectory(detail: "\(end - position) unexplained bytes after the last record")
        }
        return records
    }
}
