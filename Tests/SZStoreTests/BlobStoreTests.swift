import Foundation
import SZStore
import Testing

@Suite struct BlobStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sz-blobs-\(UUID().uuidString)")
    var store: BlobStore { BlobStore(folder: folder) }

    @Test func bytesAreStoredOnceUnderTheirSHA256() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let hash = try store.store(Array("hello".utf8))
        #expect(hash == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(try store.store(Array("hello".utf8)) == hash)
        #expect(try store.bytes(hash) == Array("hello".utf8))
        #expect(try store.allHashes() == [hash])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("2c/" + hash).path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func unknownOrMalformedNamesFindNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try store.bytes(String(repeating: "a", count: 64)) == nil)
        #expect(try store.bytes("../../etc/passwd") == nil)
        #expect(try store.bytes(String(repeating: "A", count: 64)) == nil)
        #expect(!store.contains("2c/../x"))
    }

    @Test func removingForgetsTheBlob() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let hash = try store.store([1, 2, 3])
        try store.remove(hash)
        #expect(!store.contains(hash))
        try store.remove(hash)
        #expect(try store.allHashes() == [])
    }

    @Test func anUnwritableFolderIsAClearError() throws {
        let blocked = FileManager.default.temporaryDirectory.appendingPathComponent("sz-blocked-\(UUID().uuidString)")
        try Data("a file, not a folder".utf8).write(to: blocked)
        defer { try? FileManager.default.removeItem(at: blocked) }
        #expect(throws: BlobStoreError.self) { try BlobStore(folder: blocked).store([1]) }
    }
}
