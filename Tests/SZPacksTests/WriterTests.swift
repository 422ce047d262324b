import Foundation
import SZPacks
import Testing

@Suite struct WriterTests {
    let writer = PackArchiveWriter()
    let reader = PackArchiveReader()

    static let packFiles: [(String, String)] = [
        ("szpack.json", #"{"id": "goblins", "version": "1.0.0"}"#),
        ("objects/datasets/monsters.json", #"[{"name": "Goblin", "hp": 7}, {"name": "Hobgoblin", "hp": 11}]"#),
        ("objects/character-templates/fighter.json", #"{"groups": []}"#),
        ("objects/session-templates/one-shot.json", #"{"scenes": ["cave"]}"#),
        ("media/images/cave.png", "not really a png"),
        ("media/images/Ünïcödé map.png", "still not a png"),
    ]

    private func makePackFolder(order: [(String, String)] = packFiles) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (path, text) in order { try folder.write(path, text) }
        return folder
    }

    @Test func aFolderRoundTripsThroughAnArchive() throws {
        let folder = try makePackFolder()
        let archive = try writer.write(folderAtPath: folder.path)
        let contents = try reader.read(archive.bytes)
        #expect(
            contents
                == PackArchiveContents(
                    files: Dictionary(uniqueKeysWithValues: Self.packFiles.map { ($0.0, Array($0.1.utf8)) })
                )
        )
        #expect(archive.skippedFiles.isEmpty)
    }

    @Test func theSameContentAlwaysGivesTheSameBytes() throws {
        let firstFolder = try makePackFolder()
        let secondFolder = try makePackFolder(order: Self.packFiles.reversed())
        let first = try writer.write(folderAtPath: firstFolder.path)
        let second = try writer.write(folderAtPath: secondFolder.path)
        let fromMemory = try writer.write(
            PackArchiveContents(
                files: Dictionary(uniqueKeysWithValues: Self.packFiles.map { ($0.0, Array($0.1.utf8)) })
            )
        )
        #expect(first.bytes == second.bytes)
        #expect(first.bytes == fromMemory.bytes)
        #expect(first.sha256 == second.sha256)
        #expect(first.sha256.count == 64 && first.sha256.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func timestampsAndPermissionsOnDiskDoNotMatter() throws {
        let folder = try makePackFolder()
        let before = try writer.write(folderAtPath: folder.path)
        let file = folder.path("objects/datasets/monsters.json")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_234_567_890), .posixPermissions: 0o600],
            ofItemAtPath: file
        )
        #expect(try writer.write(folderAtPath: folder.path).bytes == before.bytes)
    }

    /// Pins the byte format: a change here changes the hash of every published pack.
    @Test func theByteFormatIsStable() throws {
        let contents = PackArchiveContents(files: [
            "szpack.json": Array(#"{"id": "golden", "version": "1.0.0"}"#.utf8),
            "objects/datasets/numbers.json": Array(
                ("[" + repeatElement("[1, 2, 3]", count: 20).joined(separator: ", ") + "]").utf8
            ),
        ])
        let archive = try writer.write(contents)
        #expect(archive.sha256 == "1acbc6a31cc93f7a0039ca32759ce28ecb447886fac56542a6e0643ba45947e1")
        // The first local header: version 2.0, UTF-8 flag, deflate, time 00:00, date 1980-01-01.
        #expect(Array(archive.bytes[4..<14]) == [20, 0, 0, 8, 8, 0, 0, 0, 0x21, 0])
    }

    @Test func osJunkIsSkippedWithANote() throws {
        let folder = try makePackFolder()
        try folder.write(".DS_Store", "finder")
        try folder.write("media/Thumbs.db", "thumbnails")
        try folder.write("__MACOSX/._szpack.json", "fork")
        try folder.write("media/._cave.png", "fork")
        let archive = try writer.write(folderAtPath: folder.path)
        #expect(
            archive.skippedFiles.map(\.path) == [".DS_Store", "__MACOSX", "media/._cave.png", "media/Thumbs.db"]
        )
        #expect(archive.skippedFiles.first?.reason == "macOS Finder metadata (.DS_Store)")
        #expect(try reader.read(archive.bytes).paths.count == Self.packFiles.count)
    }

    @Test func symbolicLinksInTheFolderAreRefused() throws {
        let folder = try makePackFolder()
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("media/images/passwd"),
            withDestinationPath: "/etc/passwd"
        )
        let error = #expect(throws: PackArchiveError.self) { try writer.write(folderAtPath: folder.path) }
        #expect(error == .symbolicLink(entry: "media/images/passwd"))
    }

    @Test func theWriterRefusesWhatTheReaderWouldRefuse() throws {
        var limits = ArchiveLimits()
        limits.maximumEntryCount = 3
        let folder = try makePackFolder()
        let tooMany = #expect(throws: PackArchiveError.self) {
            try PackArchiveWriter(limits: limits).write(folderAtPath: folder.path)
        }
        #expect(tooMany == .tooManyEntries(count: 4, limit: 3))

        let manifest = ("szpack.json", Array("{}".utf8))
        let cases: [([String: [UInt8]], PackArchiveError)] = [
            (["a.json": Array("{}".utf8)], .missingManifest),
            (
                [manifest.0: manifest.1, "../evil.json": Array("{}".utf8)],
                .parentDirectorySegment(entry: "../evil.json")
            ),
            (
                [manifest.0: manifest.1, "Map.png": [1], "map.png": [2]],
                .collidingEntries(first: "Map.png", second: "map.png")
            ),
            ([manifest.0: manifest.1, "inner.zip": [1]], .nestedArchive(entry: "inner.zip")),
            ([manifest.0: Array("[]".utf8)], .manifestNotAnObject(found: "an array")),
            (
                [manifest.0: manifest.1, "big.json": Array(repeating: 32, count: 8 * 1_024 * 1_024 + 1)],
                .entryTooLarge(entry: "big.json", size: 8 * 1_024 * 1_024 + 1, limit: 8 * 1_024 * 1_024)
            ),
        ]
        for (files, expected) in cases {
            #expect(throws: expected) { try writer.write(PackArchiveContents(files: files)) }
        }
    }

    @Test func highlyCompressibleFilesAreStoredSoTheReaderAcceptsThem() throws {
        let blank = [UInt8](repeating: 0, count: 1_000_000)
        let archive = try writer.write(
            PackArchiveContents(files: ["szpack.json": Array("{}".utf8), "media/blank.png": blank])
        )
        #expect(archive.bytes.count > blank.count)
        #expect(try reader.read(archive.bytes)["media/blank.png"] == blank)
    }

    @Test func invalidJSONIsRefusedBeforePacking() throws {
        let folder = try makePackFolder()
        try folder.write("objects/datasets/broken.json", #"{"a": }"#)
        let error = #expect(throws: PackArchiveError.self) { try writer.write(folderAtPath: folder.path) }
        #expect(
            error?.description
                == "\"objects/datasets/broken.json\" is not valid JSON: line 1, column 7: unexpected '}', a value was expected"
        )
    }
}
