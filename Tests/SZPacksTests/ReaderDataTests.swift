import Testing

@testable import SZPacks

@Suite struct ReaderDataTests {
    let reader = PackArchiveReader()

    private func readError(_ entries: [TestZipEntry]) -> PackArchiveError? {
        #expect(throws: PackArchiveError.self) { try reader.read(TestZip([.manifest] + entries).bytes) }
    }

    private func deflatedRun(_ name: String, count: Int, declaring declared: Int) -> TestZipEntry {
        TestZipEntry(
            name: Array(name.utf8),
            data: runLengthDeflateStream(repeating: 0, count: count),
            method: 8,
            crc32: 0,  // never reached: these entries are refused before their data is checked
            uncompressedSize: UInt32(declared)
        )
    }

    @Test func zipBombsAreRefusedByTheirCompressionRatio() {
        let bomb = deflatedRun("media/images/bomb.png", count: 30_000_000, declaring: 30_000_000)
        let error = readError([bomb])
        #expect(
            error
                == .compressionRatioTooHigh(
                    entry: "media/images/bomb.png",
                    ratio: 30_000_000 / bomb.data.count,
                    limit: 100
                )
        )
        #expect(error?.description.contains("a zip bomb") == true)
    }

    @Test func aDeclaredSizeLieStopsAtTheDeclaredSize() {
        // 100 MB of zeros behind a header that declares 100 bytes: inflating stops at byte 101.
        let liar = deflatedRun("media/images/small.png", count: 100_000_000, declaring: 100)
        let error = readError([liar])
        #expect(error == .declaredSizeExceeded(entry: "media/images/small.png", declared: 100))
        #expect(error?.description.contains("inflates to more than the 100 bytes its header declares") == true)
    }

    @Test func aStreamShorterThanDeclaredIsRefused() {
        var short = TestZipEntry.deflated("notes.txt", bytes: Array("hello".utf8))
        short.uncompressedSize = 10
        #expect(readError([short]) == .sizeMismatch(entry: "notes.txt", declared: 10, actual: 5))
    }

    @Test func checksumMismatchesAreRefused() {
        var entry = TestZipEntry.deflated("objects/datasets/a.json", bytes: Array(#"{"a": 1}"#.utf8))
        entry.crc32 ^= 1
        let error = readError([entry])
        #expect(
            error == .checksumMismatch(entry: "objects/datasets/a.json", declared: entry.crc32, actual: entry.crc32 ^ 1)
        )
        #expect(error?.description.contains("the data is corrupt") == true)
    }

    @Test func aHundredMegabyteStringInTheManifestIsRefusedByThePerEntryCap() {
        let prefix = Array(#"{"name": ""#.utf8)
        let suffix = Array(#""}"#.utf8)
        let count = 100_000_000
        let manifest = TestZipEntry(
            name: Array("szpack.json".utf8),
            data: runLengthDeflateStream(prefix: prefix, repeating: UInt8(ascii: "a"), count: count, suffix: suffix),
            method: 8,
            crc32: 0,
            uncompressedSize: UInt32(prefix.count + count + suffix.count)
        )
        let error = #expect(throws: PackArchiveError.self) { try reader.read(TestZip([manifest]).bytes) }
        #expect(error == .entryTooLarge(entry: "szpack.json", size: 100_000_012, limit: 8 * 1_024 * 1_024))
        #expect(error?.description.contains("over the limit of 8388608 bytes") == true)
    }

    @Test func totalSizeIsCapped() {
        var limits = ArchiveLimits()
        limits.maximumTotalSize = 1_000
        let entries = (0..<3).map { TestZipEntry.stored("media/\($0).png", bytes: Array(repeating: 7, count: 400)) }
        let error = #expect(throws: PackArchiveError.self) {
            try PackArchiveReader(limits: limits).read(TestZip([.manifest] + entries).bytes)
        }
        #expect(error == .totalSizeTooLarge(size: 1_200 + TestZipEntry.manifest.data.count, limit: 1_000))
    }

    @Test func nestedArchivesAreRefusedByNameAndByContent() {
        #expect(readError([.stored("media/inner.szp", "anything")]) == .nestedArchive(entry: "media/inner.szp"))
        let zipInside = TestZip([.manifest]).bytes
        let error = readError([.stored("media/images/cover.png", bytes: zipInside)])
        #expect(error == .nestedArchive(entry: "media/images/cover.png"))
        #expect(error?.description.contains("is itself a zip archive") == true)
    }

    @Test func corruptDeflateStreamsAreRefusedWithoutHanging() {
        let good = TestZipEntry.deflated("notes.txt", bytes: Array(String(repeating: "notes ", count: 50).utf8))
        var truncated = good
        truncated.data.removeLast(good.data.count / 2)
        #expect(
            readError([truncated])
                == .corruptData(entry: "notes.txt", detail: "the compressed bytes end before the deflate stream does")
        )
        var padded = good
        padded.data += [0, 0]
        #expect(
            readError([padded])
                == .corruptData(entry: "notes.txt", detail: "2 bytes follow the end of the deflate stream")
        )
        var reserved = good
        reserved.data = [0x07]  // final block of reserved type 3
        #expect(
            readError([reserved])
                == .corruptData(entry: "notes.txt", detail: "the deflate stream has a block of reserved type 3")
        )
    }

    @Test func storedEntriesMustDeclareEqualSizes() {
        var entry = TestZipEntry.stored("notes.txt", "hello")
        entry.uncompressedSize = 50
        let error = readError([entry])
        #expect(error?.description.contains("stored without compression but declares 5 compressed and 50") == true)
    }
}
