import Testing

@testable import SZPacks

@Suite struct ReaderStructureTests {
    let reader = PackArchiveReader()

    private func readError(_ archive: [UInt8], reader: PackArchiveReader = PackArchiveReader()) -> PackArchiveError? {
        #expect(throws: PackArchiveError.self) { try reader.read(archive) }
    }

    @Test func symbolicLinksAreRefused() {
        var link = TestZipEntry.stored("media/images/link.png", "../../../etc/passwd")
        link.externalAttributes = 0o120777 << 16
        let error = readError(TestZip([.manifest, link]).bytes)
        #expect(error == .symbolicLink(entry: "media/images/link.png"))
        #expect(error?.description.contains("is a symbolic link") == true)
    }

    @Test func windowsReparsePointsAreRefusedAsLinks() {
        var link = TestZipEntry.stored("media/link", "target")
        link.versionMadeBy = 10 << 8 | 20  // NTFS
        link.externalAttributes = 0x400
        #expect(readError(TestZip([.manifest, link]).bytes) == .symbolicLink(entry: "media/link"))
    }

    @Test(arguments: [
        (UInt32(0o010644), "a named pipe"), (0o020644, "a character device"), (0o060644, "a block device"),
        (0o140644, "a socket"), (0o040755, "a folder whose name does not end with '/'"),
    ])
    func specialFilesAreRefused(mode: UInt32, kind: String) {
        var entry = TestZipEntry.stored("media/special", "")
        entry.externalAttributes = mode << 16
        let error = readError(TestZip([.manifest, entry]).bytes)
        #expect(error == .notARegularFile(entry: "media/special", kind: kind))
    }

    @Test func duplicateEntriesAreRefused() {
        let error = readError(TestZip([.manifest, .stored("a.txt", "1"), .stored("a.txt", "2")]).bytes)
        #expect(error == .duplicateEntry(entry: "a.txt"))
        #expect(error?.description.contains("appears more than once") == true)
    }

    @Test func caseCollidingEntriesAreRefused() {
        let error = readError(TestZip([.manifest, .stored("Media/Map.png", "1"), .stored("media/map.png", "2")]).bytes)
        #expect(error == .collidingEntries(first: "Media", second: "media"))
        #expect(error?.description.contains("differ only in letter case or Unicode normalisation") == true)
        let manifests = readError(TestZip([.manifest, .stored("SZPACK.json", "{}")]).bytes)
        #expect(manifests == .collidingEntries(first: "szpack.json", second: "SZPACK.json"))
    }

    @Test func unicodeNormalisationCollisionsAreRefused() {
        let composed = "caf\u{E9}.json"
        let decomposed = "cafe\u{301}.json"
        let error = readError(TestZip([.manifest, .stored(composed, "{}"), .stored(decomposed, "{}")]).bytes)
        #expect(error == .collidingEntries(first: composed, second: decomposed))
    }

    @Test func aPathCannotBeBothAFileAndAFolder() {
        let error = readError(TestZip([.manifest, .stored("media", "x"), .stored("media/a.png", "y")]).bytes)
        #expect(error == .fileFolderConflict(entry: "media/a.png"))
    }

    @Test func encryptedEntriesAreRefused() {
        var entry = TestZipEntry.stored("secret.json", "{}")
        entry.flags |= 1
        let error = readError(TestZip([.manifest, entry]).bytes)
        #expect(error == .encryptedEntry(entry: "secret.json"))
        #expect(error?.description.contains("is encrypted") == true)
    }

    @Test func unsupportedCompressionMethodsAreRefused() {
        var entry = TestZipEntry.stored("data.bin", "BZh91AY&SY")
        entry.method = 12
        let error = readError(TestZip([.manifest, entry]).bytes)
        #expect(error == .unsupportedCompressionMethod(entry: "data.bin", method: 12))
        #expect(error?.description.contains("only stored (0) and deflate (8)") == true)
    }

    @Test func localHeadersMustAgreeWithTheCentralDirectory() {
        var renamed = TestZipEntry.stored("notes.txt", "x")
        renamed.localName = Array("other.txt".utf8)
        let error = readError(TestZip([.manifest, renamed]).bytes)
        #expect(error == .localHeaderMismatch(entry: "notes.txt", field: "file name"))
        #expect(error?.description.contains("local header disagrees with the central directory") == true)

        var remethod = TestZipEntry.stored("notes.txt", "x")
        remethod.localMethod = 8
        #expect(
            readError(TestZip([.manifest, remethod]).bytes)
                == .localHeaderMismatch(entry: "notes.txt", field: "compression method")
        )
    }

    @Test func overlappingEntriesAreRefused() {
        // "b.json" lies inside the data of "a.bin": two entries reading the same bytes.
        let inner = TestZipEntry.stored("b.json", "{}")
        let outer = TestZipEntry.stored("a.bin", bytes: TestZip.localRecord(inner))
        let innerOffset = 30 + outer.name.count
        let entries = [(outer, 0), (inner, innerOffset)]
        var archive = TestZip.localRecord(outer)
        let manifestOffset = archive.count
        archive += TestZip.localRecord(.manifest)
        var directory: [UInt8] = []
        for (entry, offset) in entries + [(.manifest, manifestOffset)] {
            directory += TestZip.centralRecord(entry, offset: offset)
        }
        archive += directory + TestZip.endRecord(count: 3, directory: directory, at: archive.count)
        let error = readError(archive)
        #expect(error == .overlappingEntries(first: "a.bin", second: "b.json"))
        #expect(error?.description.contains("overlapping entries") == true)
    }

    @Test func truncatedArchivesAreRefused() {
        let archive = TestZip([.manifest, .stored("objects/datasets/a.json", "[]")]).bytes
        let cut = Array(archive.dropLast(10))
        let error = readError(cut)
        #expect(error?.description.contains("no end-of-central-directory record") == true)
        #expect(error?.description.contains("truncated") == true)
        #expect(readError(Array(archive.prefix(3))) == .notAZipArchive(detail: "the file is only 3 bytes long"))
    }

    @Test func entriesPastTheEndOfTheFileAreRefused() {
        var directory = TestZip.centralRecord(.manifest, offset: 0)
        directory += TestZip.centralRecord(.stored("late.json", "{}"), offset: 5_000)
        let local = TestZip.localRecord(.manifest)
        let archive = local + directory + TestZip.endRecord(count: 2, directory: directory, at: local.count)
        let error = readError(archive)
        #expect(error == .dataOutsideArchive(entry: "late.json", end: 5_030, archiveSize: archive.count))
        #expect(error?.description.contains("the file is truncated") == true)
    }

    @Test func appendedBytesAreRefused() {
        let archive = TestZip([.manifest]).bytes + [1, 2, 3]
        #expect(readError(archive)?.description.contains("has bytes appended") == true)
    }

    @Test func tenThousandTinyEntriesAreRefusedBeforeTheirHeadersAreRead() {
        let entries = (0..<10_000).map { TestZipEntry.stored("objects/datasets/\($0).json", "0") }
        let error = readError(TestZip([.manifest] + entries).bytes)
        #expect(error == .tooManyEntries(count: 10_001, limit: 4_096))
        #expect(error?.description.contains("10001 entries, over the limit of 4096") == true)
    }

    @Test func multiDiskAndZip64ArchivesAreRefused() {
        var archive = TestZip([.manifest]).bytes
        archive[archive.count - 18] = 1  // number of this disk
        #expect(readError(archive) == .multiDiskArchive)

        var zip64 = TestZip([.manifest]).bytes
        for index in zip64.count - 6..<zip64.count - 2 { zip64[index] = 0xFF }  // central directory offset
        #expect(readError(zip64) == .zip64NotSupported(entry: nil))
    }

    @Test func aMalformedCentralDirectoryIsRefused() {
        var archive = TestZip([.manifest]).bytes
        let directoryStart = archive.count - 22 - 46 - 11
        archive[directoryStart] = 0
        let error = readError(archive)
        #expect(error == .malformedCentralDirectory(detail: "record 1 at byte \(directoryStart) has no valid header"))
    }

    @Test func folderEntriesAndDataDescriptorsFromOtherToolsAreAccepted() throws {
        var folder = TestZipEntry.stored("objects/", "")
        folder.externalAttributes = 0o040755 << 16 | 0x10
        // A streaming tool: zero CRC and sizes in the local header, the real ones after the data.
        let text = #"{"name": "Goblin"}"#
        var streamed = TestZipEntry.deflated("objects/datasets/monsters.json", bytes: Array(text.utf8))
        streamed.flags |= 1 << 3
        var local = TestZip.localRecord(streamed)
        for index in 14..<26 { local[index] = 0 }
        var descriptor: [UInt8] = []
        descriptor.appendLittleEndian(UInt32(0x0807_4B50))
        descriptor.appendLittleEndian(streamed.crc32)
        descriptor.appendLittleEndian(UInt32(streamed.data.count))
        descriptor.appendLittleEndian(streamed.uncompressedSize)
        let manifest = TestZip.localRecord(.manifest)
        let folderRecord = TestZip.localRecord(folder)
        let archiveBody = manifest + folderRecord + local + descriptor
        let directory =
            TestZip.centralRecord(.manifest, offset: 0) + TestZip.centralRecord(folder, offset: manifest.count)
            + TestZip.centralRecord(streamed, offset: manifest.count + folderRecord.count)
        let archive = archiveBody + directory + TestZip.endRecord(count: 3, directory: directory, at: archiveBody.count)

        let contents = try reader.read(archive)
        #expect(contents.paths == ["objects/datasets/monsters.json", "szpack.json"])
        #expect(contents["objects/datasets/monsters.json"] == Array(text.utf8))
    }

    @Test func osJunkIsLeftOutButStillChecked() throws {
        let archive = TestZip([.manifest, .stored("__MACOSX/._szpack.json", "junk"), .stored(".DS_Store", "junk")])
            .bytes
        let contents = try reader.read(archive)
        #expect(contents.paths == ["szpack.json"])
        #expect(contents.ignoredEntries == [".DS_Store", "__MACOSX/._szpack.json"])

        var link = TestZipEntry.stored(".DS_Store", "/etc/passwd")
        link.externalAttributes = 0o120777 << 16
        #expect(readError(TestZip([.manifest, link]).bytes) == .symbolicLink(entry: ".DS_Store"))
    }

    @Test func archivesOverTheSizeLimitAreRefusedBeforeParsing() {
        var limits = ArchiveLimits()
        limits.maximumArchiveSize = 100
        let archive = TestZip([.manifest, .stored("a.txt", String(repeating: "a", count: 200))]).bytes
        #expect(
            readError(archive, reader: PackArchiveReader(limits: limits))
                == .archiveTooLarge(size: archive.count, limit: 100)
        )
    }
}
