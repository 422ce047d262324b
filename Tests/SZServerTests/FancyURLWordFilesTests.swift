import Foundation
import SZCore
import SZServer
import Testing

@Suite("Fancy URL word lists")
struct FancyURLWordFilesTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sz-fancy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("fancyurl"),
            withIntermediateDirectories: true
        )
        return folder
    }

    @Test("The shipped lists make at least 10^9 names")
    func shippedLists() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = try FancyURLWordFiles.load(dataFolder: DataFolder(path: folder.path))
        let product = generator.verbs.words.count * generator.adjectives.words.count * generator.nouns.words.count
        #expect(product == generator.combinations)
        #expect(product >= 1_000_000_000)
    }

    @Test("A file in fancyurl/ of the data folder replaces its list only")
    func override() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("roll\nthink\n".utf8).write(to: folder.appendingPathComponent("fancyurl/verbs.txt"))
        let generator = try FancyURLWordFiles.load(dataFolder: DataFolder(path: folder.path))
        #expect(generator.verbs.words == ["roll", "think"])
        #expect(generator.nouns.words.count > 1000)
    }

    @Test("A bad override stops with the file's path and line")
    func badOverride() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nouns = folder.appendingPathComponent("fancyurl/nouns.txt")
        try Data("day\nDragon\n".utf8).write(to: nouns)
        #expect(
            throws: DataFolderError(
                "\(nouns.path):2: \"Dragon\" is not a word of lowercase ASCII letters (a-z only, one word per line)"
            )
        ) {
            try FancyURLWordFiles.load(dataFolder: DataFolder(path: folder.path))
        }
    }
}
