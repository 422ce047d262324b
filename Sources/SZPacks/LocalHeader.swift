/// Where an entry's data lies, read from its local header once that header is proven to agree with
/// the central directory (a disagreement lets two zip readers see two different files).
struct LocalHeader {
    /// The compressed bytes.
    let data: Range<Int>
    /// Everything the entry occupies: local header, data and data descriptor.
    let span: Range<Int>

    init(_ archive: [UInt8], record: CentralDirectoryRecord, path: String) throws(PackArchiveError) {
        let start = Int(record.localHeaderOffset)
        try Self.requireInside(archive, start, ZipFormat.localHeaderSize, path: path)
        guard archive.littleEndianUInt32(at: start) == ZipFormat.localHeaderSignature else {
            throw .localHeaderMismatch(entry: path, field: "signature (there is no local header at byte \(start))")
        }
        let flags = archive.littleEndianUInt16(at: start + 6)
        if flags & (ZipFormat.encryptedFlag | ZipFormat.strongEncryptionFlag) != 0 {
            throw .encryptedEntry(entry: path)
        }
        let comparedFlags = ZipFormat.dataDescriptorFlag | ZipFormat.utf8Flag
        guard flags & comparedFlags == record.flags & comparedFlags else {
            throw .localHeaderMismatch(entry: path, field: "flags")
        }
        guard archive.littleEndianUInt16(at: start + 8) == record.method else {
            throw .localHeaderMismatch(entry: path, field: "compression method")
        }
        let nameLength = Int(archive.littleEndianUInt16(at: start + 26))
        let extraLength = Int(archive.littleEndianUInt16(at: start + 28))
        let nameStart = start + ZipFormat.localHeaderSize
        try Self.requireInside(archive, nameStart, nameLength + extraLength, path: path)
        guard archive[nameStart..<nameStart + nameLength].elementsEqual(record.nameBytes) else {
            throw .localHeaderMismatch(entry: path, field: "file name")
        }
        let hasDescriptor = record.flags & ZipFormat.dataDescriptorFlag != 0
        // With a data descriptor the local header may leave CRC and sizes as zero.
        try Self.compare(
            Self.values(archive, at: start + 14, label: ""),
            with: record,
            path: path,
            allowingZero: hasDescriptor
        )

        let dataStart = nameStart + nameLength + extraLength
        try Self.requireInside(archive, dataStart, Int(record.compressedSize), path: path)
        let dataEnd = dataStart + Int(record.compressedSize)
        var end = dataEnd
        if hasDescriptor {
            try Self.requireInside(archive, dataEnd, 12, path: path)
            let signed = archive.littleEndianUInt32(at: dataEnd) == ZipFormat.dataDescriptorSignature
            let valuesStart = signed ? dataEnd + 4 : dataEnd
            try Self.requireInside(archive, valuesStart, 12, path: path)
            try Self.compare(
                Self.values(archive, at: valuesStart, label: "data descriptor's "),
                with: record,
                path: path,
                allowingZero: false
            )
            end = valuesStart + 12
        }
        data = dataStart..<dataEnd
        span = start..<end
    }

    private static func requireInside(
        _ archive: [UInt8],
        _ offset: Int,
        _ length: Int,
        path: String
    ) throws(PackArchiveError) {
        if !archive.contains(offset: offset, length: length) {
            throw .dataOutsideArchive(entry: path, end: offset + length, archiveSize: archive.count)
        }
    }

    /// CRC-32, compressed size, uncompressed size: the layout shared by local headers and descriptors.
    private static func values(
        _ archive: [UInt8],
        at offset: Int,
        label: String
    ) -> [(field: String, value: UInt32)] {
        [
            (label + "CRC-32", archive.littleEndianUInt32(at: offset)),
            (label + "compressed size", archive.littleEndianUInt32(at: offset + 4)),
            (label + "uncompressed size", archive.littleEndianUInt32(at: offset + 8)),
        ]
    }

    private static func compare(
        _ values: [(field: String, value: UInt32)],
        with record: CentralDirectoryRecord,
        path: String,
        allowingZero: Bool
    ) throws(PackArchiveError) {
        let expected = [record.crc32, record.compressedSize, record.uncompressedSize]
        for ((field, value), expected) in zip(values, expected) where value != expected && !(allowingZero && value == 0)
        {
            throw .localHeaderMismatch(entry: path, field: field)
        }
    }
}
