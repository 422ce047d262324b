@testable import SZPacks

/// One entry of a hand-built archive. Every field can be set to a value no honest zip tool writes.
struct TestZipEntry {
    var name: [UInt8]
    /// The bytes as they sit in the archive (compressed when `method` is 8).
    var data: [UInt8]
    var method: UInt16 = 0
    var crc32: UInt32
    var uncompressedSize: UInt32
    var flags: UInt16 = 0x0800
    var versionMadeBy: UInt16 = 3 << 8 | 20
    var externalAttributes: UInt32 = 0o100644 << 16
    /// Overrides for the local header only.
    var localName: [UInt8]?
    var localMethod: UInt16?

    static func stored(_ name: String, _ text: String) -> TestZipEntry {
        stored(name, bytes: Array(text.utf8))
    }

    static func stored(_ name: String, bytes: [UInt8]) -> TestZipEntry {
        TestZipEntry(
            name: Array(name.utf8),
            data: bytes,
            crc32: CRC32.checksum(bytes),
            uncompressedSize: UInt32(bytes.count)
        )
    }

    static func deflated(_ name: String, bytes: [UInt8]) -> TestZipEntry {
        TestZipEntry(
            name: Array(name.utf8),
            data: Deflater.deflate(bytes),
            method: 8,
            crc32: CRC32.checksum(bytes),
            uncompressedSize: UInt32(bytes.count)
        )
    }

    static let manifest = stored("szpack.json", #"{"id": "test-pack", "version": "1.0.0"}"#)
}

/// Lays out archives byte by byte, so that tests can build hostile ones without binary fixtures.
struct TestZip {
    var entries: [TestZipEntry]

    init(_ entries: [TestZipEntry]) {
        self.entries = entries
    }

    /// Entries one after the other, then the central directory and the end record.
    var bytes: [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            directory += Self.centralRecord(entry, offset: archive.count)
            archive += Self.localRecord(entry)
        }
        return archive + directory + Self.endRecord(count: entries.count, directory: directory, at: archive.count)
    }

    static func localRecord(_ entry: TestZipEntry) -> [UInt8] {
        let name = entry.localName ?? entry.name
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(0x0403_4B50))
        bytes.appendLittleEndian(UInt16(20))
        bytes.appendLittleEndian(entry.flags)
        bytes.appendLittleEndian(entry.localMethod ?? entry.method)
        bytes.appendLittleEndian(UInt32(0x0021_0000))  // time 00:00, date 1980-01-01
        bytes.appendLittleEndian(entry.crc32)
        bytes.appendLittleEndian(UInt32(entry.data.count))
        bytes.appendLittleEndian(entry.uncompressedSize)
        bytes.appendLittleEndian(UInt16(name.count))
        bytes.appendLittleEndian(UInt16(0))
        return bytes + name + entry.data
    }

    static func centralRecord(_ entry: TestZipEntry, offset: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(0x0201_4B50))
        bytes.appendLittleEndian(entry.versionMadeBy)
        bytes.appendLittleEndian(UInt16(20))
        bytes.appendLittleEndian(entry.flags)
        bytes.appendLittleEndian(entry.method)
        bytes.appendLittleEndian(UInt32(0x0021_0000))
        bytes.appendLittleEndian(entry.crc32)
        bytes.appendLittleEndian(UInt32(entry.data.count))
        bytes.appendLittleEndian(entry.uncompressedSize)
        bytes.appendLittleEndian(UInt16(entry.name.count))
        bytes += [0, 0, 0, 0, 0, 0, 0, 0]  // extra and comment lengths, disk, internal attributes
        bytes.appendLittleEndian(entry.externalAttributes)
        bytes.appendLittleEndian(UInt32(offset))
        return bytes + entry.name
    }

    static func endRecord(count: Int, directory: [UInt8], at offset: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes += [0, 0, 0, 0]  // disk numbers
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt16(count))
        bytes.appendLittleEndian(UInt32(directory.count))
        bytes.appendLittleEndian(UInt32(offset))
        bytes += [0, 0]
        return bytes
    }
}

/// A deflate stream of `prefix`, then `count` copies of `byte`, then `suffix`, written as
/// fixed-Huffman matches of 258 bytes (13 bits each): 100 MB takes about 630 KB and no 100 MB buffer.
func runLengthDeflateStream(prefix: [UInt8] = [], repeating byte: UInt8, count: Int, suffix: [UInt8] = []) -> [UInt8] {
    let literals = HuffmanEncoder(lengths: DeflateTables.fixedLiteralLengths)
    var writer = BitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    for literal in prefix + [byte] { writer.write(Int(literal), with: literals) }
    var remaining = count - 1
    while remaining >= 258 {
        writer.write(285, with: literals)
        writer.write(0, bits: 5)  // distance code 0: one byte back
        remaining -= 258
    }
    for literal in Array(repeating: byte, count: remaining) + suffix { writer.write(Int(literal), with: literals) }
    writer.write(256, with: literals)
    return writer.finish()
}
