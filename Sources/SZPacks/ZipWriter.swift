/// Lays out a zip archive deterministically: entries in the order given, no extra fields or
/// comments, the UTF-8 flag always set, the DOS time fixed at 1980-01-01 00:00:00, every entry a
/// regular file with mode 0644 made on Unix, and no data descriptors, folders or ZIP64 records.
struct ZipWriter {
    private static let versionMadeBy: UInt16 = 3 << 8 | 20
    private static let fixedTime: UInt16 = 0
    private static let fixedDate: UInt16 = 1 << 5 | 1
    private static let regularFileAttributes: UInt32 = (ZipFormat.unixRegularFile | 0o644) << 16

    private var archive: [UInt8] = []
    private var directory: [UInt8] = []
    private var entryCount = 0

    /// Adds a file, deflated unless that does not make it smaller or makes it expand more than the
    /// reader accepts (then it is stored as is).
    mutating func addFile(path: String, bytes: [UInt8], limits: ArchiveLimits) throws(PackArchiveError) {
        let name = Array(path.utf8)
        let deflated = Deflater.deflate(bytes)
        let useDeflate =
            deflated.count < bytes.count
            && !limits.exceedsCompressionRatio(uncompressed: bytes.count, compressed: deflated.count)
        let data = useDeflate ? deflated : bytes
        let offset = archive.count
        guard offset + ZipFormat.localHeaderSize + name.count + data.count < Int(UInt32.max),
            name.count <= Int(UInt16.max)
        else { throw .zip64NotSupported(entry: path) }

        let header = EntryHeader(
            method: useDeflate ? ZipFormat.deflateMethod : ZipFormat.storedMethod,
            crc32: CRC32.checksum(bytes),
            compressedSize: UInt32(data.count),
            uncompressedSize: UInt32(bytes.count),
            nameLength: UInt16(name.count)
        )
        archive.appendLittleEndian(ZipFormat.localHeaderSignature)
        header.append(to: &archive)
        archive.appendLittleEndian(UInt16(0))  // extra field length
        archive += name
        archive += data

        directory.appendLittleEndian(ZipFormat.centralHeaderSignature)
        directory.appendLittleEndian(Self.versionMadeBy)
        header.append(to: &directory)
        directory.appendLittleEndian(UInt16(0))  // extra field length
        directory.appendLittleEndian(UInt16(0))  // comment length
        directory.appendLittleEndian(UInt16(0))  // disk number
        directory.appendLittleEndian(UInt16(0))  // internal attributes
        directory.appendLittleEndian(Self.regularFileAttributes)
        directory.appendLittleEndian(UInt32(offset))
        directory += name
        entryCount += 1
    }

    consuming func finish() throws(PackArchiveError) -> [UInt8] {
        let directoryOffset = archive.count
        guard entryCount <= Int(UInt16.max), directoryOffset + directory.count < Int(UInt32.max) else {
            throw .zip64NotSupported(entry: nil)
        }
        archive += directory
        archive.appendLittleEndian(ZipFormat.endRecordSignature)
        archive.appendLittleEndian(UInt16(0))  // this disk
        archive.appendLittleEndian(UInt16(0))  // disk with the central directory
        archive.appendLittleEndian(UInt16(entryCount))
        archive.appendLittleEndian(UInt16(entryCount))
        archive.appendLittleEndian(UInt32(directory.count))
        archive.appendLittleEndian(UInt32(directoryOffset))
        archive.appendLittleEndian(UInt16(0))  // comment length
        return archive
    }

    /// The fields local and central headers share, from "version needed" to the name length.
    private struct EntryHeader {
        let method: UInt16
        let crc32: UInt32
        let compressedSize: UInt32
        let uncompressedSize: UInt32
        let nameLength: UInt16

        func append(to bytes: inout [UInt8]) {
            bytes.appendLittleEndian(UInt16(method == ZipFormat.deflateMethod ? 20 : 10))  // version needed
            bytes.appendLittleEndian(ZipFormat.utf8Flag)
            bytes.appendLittleEndian(method)
            bytes.appendLittleEndian(ZipWriter.fixedTime)
            bytes.appendLittleEndian(ZipWriter.fixedDate)
            bytes.appendLittleEndian(crc32)
            bytes.appendLittleEndian(compressedSize)
            bytes.appendLittleEndian(uncompressedSize)
            bytes.appendLittleEndian(nameLength)
        }
    }
}
