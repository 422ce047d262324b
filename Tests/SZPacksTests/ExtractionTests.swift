import Foundation
import SZPacks
import Testing

@Suite struct ExtractionTests {
    let reader = PackArchiveReader()

    private let pack = TestZip([
        .manifest,
        .stored("objects/datasets/monsters.json", #"[{"name": "Goblin"}]"#),
        .deflated("media/images/cave.png", bytes: Array(repeating: 3, count: 2_000)),
    ])

    @Test func extractionWritesEveryFileAndNothingElse() throws {
        let parent = try TemporaryFolder()
        let target = parent.path("goblins")
        try reader.extract(pack.bytes, toDirectoryAtPath: target)
        #expect(
            try parent.listFiles() == [
                "goblins", "goblins/media", "goblins/media/images", "goblins/media/images/cave.png", "goblins/objects",
                "goblins/objects/datasets", "goblins/objects/datasets/monsters.json", "goblins/szpack.json",
            ]
        )
        let monsters = try Data(contentsOf: URL(fileURLWithPath: target + "/objects/datasets/monsters.json"))
        #expect(String(decoding: monsters, as: UTF8.self) == #"[{"name": "Goblin"}]"#)
    }

    @Test func anEmptyTargetFolderIsFilled() throws {
        let parent = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: parent.path("pack"), withIntermediateDirectories: false)
        try reader.extract(pack.bytes, toDirectoryAtPath: parent.path("pack"))
        #expect(try parent.listFiles("pack").contains("szpack.json"))
    }

    @Test func aNonEmptyTargetIsRefusedAndLeftAlone() throws {
        let parent = try TemporaryFolder()
        try parent.write("pack/keep.txt", "mine")
        let error = #expect(throws: PackArchiveError.self) {
            try reader.extract(pack.bytes, toDirectoryAtPath: parent.path("pack"))
        }
        #expect(error?.description.contains("already exists and is not an empty folder") == true)
        #expect(try parent.listFiles() == ["pack", "pack/keep.txt"])
    }

    @Test func aFailureMidwayLeavesNoFiles() throws {
        // Entries are extracted in path order; the last one fails its CRC after three were written.
        var corrupt = TestZipEntry.deflated("zz-last.json", bytes: Array(#"{"late": true}"#.utf8))
        corrupt.crc32 ^= 0xFF
        let archive = TestZip(pack.entries + [corrupt]).bytes
        let parent = try TemporaryFolder()
        let error = #expect(throws: PackArchiveError.self) {
            try reader.extract(archive, toDirectoryAtPath: parent.path("pack"))
        }
        #expect(
            error == .checksumMismatch(entry: "zz-last.json", declared: corrupt.crc32, actual: corrupt.crc32 ^ 0xFF)
        )
        #expect(try parent.listFiles().isEmpty)
    }

    @Test func hostileArchivesWriteNothingAnywhere() throws {
        let parent = try TemporaryFolder()
        let slip = TestZip(pack.entries + [.stored("../evil.txt", "owned")]).bytes
        #expect(throws: PackArchiveError.parentDirectorySegment(entry: "../evil.txt")) {
            try reader.extract(slip, toDirectoryAtPath: parent.path("inner/pack"))
        }
        try FileManager.default.createDirectory(atPath: parent.path("inner"), withIntermediateDirectories: false)
        #expect(throws: PackArchiveError.parentDirectorySegment(entry: "../evil.txt")) {
            try reader.extract(slip, toDirectoryAtPath: parent.path("inner/pack"))
        }
        #expect(try parent.listFiles() == ["inner"])
    }

    @Test func archivesAreReadFromFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("goblins.szp", bytes: pack.bytes)
        let contents = try reader.read(fileAtPath: folder.path("goblins.szp"))
        #expect(contents.paths == ["media/images/cave.png", "objects/datasets/monsters.json", "szpack.json"])
        try reader.extract(fileAtPath: folder.path("goblins.szp"), toDirectoryAtPath: folder.path("goblins"))
        #expect(try folder.listFiles("goblins").count == 8 - 1)

        let missing = #expect(throws: PackArchiveError.self) { try reader.read(fileAtPath: folder.path("nope.szp")) }
        guard case .fileSystem(let path, _)? = missing else {
            Issue.record("expected a file-system error, got \(String(describing: missing))")
            return
        }
        #expect(path == folder.path("nope.szp"))
    }
}
