import Foundation
import JSONSchema
import SZCore
import SZPacks
import SZStore
import Testing

/// The example packs built into archives once, and a library over a scratch database and blob folder.
enum LibraryFixture {
    static let examples = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "examples/packs")

    static func archive(_ name: String) throws -> [UInt8] {
        try PackArchiveWriter().write(folderAtPath: examples.appending(path: name).path).bytes
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func withLibrary(
        on database: ScratchDatabase,
        _ body: (Store, PackLibrary, BlobStore, UserRecord, UserRecord) async throws -> Void
    ) async throws {
        let blobFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sz-lib-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: blobFolder) }
        try await database.withStore { store in
            let blobs = BlobStore(folder: blobFolder)
            let alice = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: now)
            let bob = try await store.users.create(name: "bob", role: nil, passwordHash: nil, now: now)
            try await body(store, PackLibrary(store: store, blobs: blobs), blobs, alice, bob)
        }
    }
}

@Suite("The pack library")
struct PackLibraryTests {
    let core = UUID(uuidString: "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13")!
    let extras = UUID(uuidString: "a7d4e2c9-5b1f-4e38-8c6a-2f9b1d0e7a54")!

    @Test("An upload is validated, stored byte-identical and indexed", arguments: ScratchDatabase.available)
    func install(database: ScratchDatabase) async throws {
        try await LibraryFixture.withLibrary(on: database) { store, library, blobs, alice, _ async throws in
            let archive = try LibraryFixture.archive("core-fantasy")
            let pack = try await library.install(archive, owner: alice.id, visibility: .public, now: LibraryFixture.now)
            #expect(pack.name == "Core Fantasy" && pack.version == "1.0.0" && pack.size == archive.count)
            #expect(try library.archive(of: pack) == archive)
            let objects = try await store.packs.objects(of: pack.rowID)
            #expect(objects.map(\.objectID) == ["adventurer", "creatures", "items", "spells", "heroic-campaign"])
            #expect(objects.first { $0.objectID == "items" }?.entryCount == 34)
            let page = try await store.packs.entries(of: pack.rowID, dataset: "items", offset: 0, limit: 2)
            #expect(page.map(\.entryID) == ["longsword", "shortsword"])
            #expect(try await store.packs.media(of: pack.rowID, path: "media/images/items/sword.svg") != nil)
            // The same bytes again: the installed pack, not a second copy.
            let again = try await library.install(
                archive,
                owner: alice.id,
                visibility: .public,
                now: LibraryFixture.now
            )
            #expect(again.rowID == pack.rowID)
            #expect(try blobs.allHashes().contains(pack.sha256))
        }
    }

    @Test("An invalid or unreadable upload stores nothing", arguments: ScratchDatabase.available)
    func refusals(database: ScratchDatabase) async throws {
        try await LibraryFixture.withLibrary(on: database) { store, library, blobs, alice, _ async throws in
            await #expect {
                try await library.install(
                    [0x50, 0x4B, 1, 2],
                    owner: alice.id,
                    visibility: .private,
                    now: LibraryFixture.now
                )
            } throws: { error in
                guard case PackLibraryError.unreadableArchive = error else { return false }
                return true
            }
            // The extras need Core Fantasy, which is not installed.
            await #expect {
                try await library.install(
                    LibraryFixture.archive("dungeon-extras"),
                    owner: alice.id,
                    visibility: .private,
                    now: LibraryFixture.now
                )
            } throws: { error in
                guard case PackLibraryError.invalid(let report) = error else { return false }
                return report.errors.first?.message.contains("Core Fantasy") == true
            }
            #expect(try await store.packs.all().isEmpty)
            #expect(try blobs.allHashes().isEmpty)
        }
    }

    @Test("Dependencies resolve among installed packs and block deletion", arguments: ScratchDatabase.available)
    func dependencies(database: ScratchDatabase) async throws {
        try await LibraryFixture.withLibrary(on: database) { store, library, blobs, alice, bob async throws in
            let corePack = try await library.install(
                LibraryFixture.archive("core-fantasy"),
                owner: alice.id,
                visibility: .public,
                now: LibraryFixture.now
            )
            let extrasPack = try await library.install(
                LibraryFixture.archive("dungeon-extras"),
                owner: bob.id,
                visibility: .private,
                now: LibraryFixture.now
            )
            guard case .success(let chosen) = try await library.resolve(extrasPack, viewer: bob.id) else {
                Issue.record("the extras should resolve")
                return
            }
            #expect(chosen.map(\.rowID) == [corePack.rowID])
            await #expect {
                try await library.delete(corePack, by: alice)
            } throws: { error in
                guard case PackLibraryError.hasDependants(let names) = error else { return false }
                return names == ["pack Dungeon Extras 1.1.0"]
            }
            await #expect {
                try await library.delete(corePack, by: bob)
            } throws: { error in
                guard case PackLibraryError.forbidden = error else { return false }
                return true
            }
            try await library.delete(extrasPack, by: bob)
            // A game that placed one of the pack's icons on its table keeps that file.
            let sword = try #require(
                try await store.packs.media(of: corePack.rowID, path: "media/images/items/sword.svg")
            )
            let game = try await store.games.create(
                NewGame(ownerID: alice.id, slug: "tavern", name: "Tavern", passwordHash: nil),
                id: UUID(),
                initialState: "{}",
                now: LibraryFixture.now
            )
            try await store.gameBlobs.attach(gameID: game.id, hashes: [sword])
            try await library.delete(corePack, by: alice)
            #expect(try await store.packs.all().isEmpty)
            #expect(try blobs.allHashes() == [sword])
        }
    }

    @Test("Private packs are hidden from others; search finds visible entries", arguments: ScratchDatabase.available)
    func visibilityAndSearch(database: ScratchDatabase) async throws {
        try await LibraryFixture.withLibrary(on: database) { store, library, _, alice, bob async throws in
            let pack = try await library.install(
                LibraryFixture.archive("core-fantasy"),
                owner: alice.id,
                visibility: .private,
                now: LibraryFixture.now
            )
            await #expect(throws: PackLibraryError.self) {
                try await library.pack(core, version: "1.0.0", viewer: bob.id)
            }
            #expect(try await library.pack(core, version: "1.0.0", viewer: alice.id).rowID == pack.rowID)
            #expect(try await store.packs.list(viewer: bob.id, query: nil, offset: 0, limit: 10).isEmpty)
            #expect(try await store.packs.list(viewer: alice.id, query: "FANTASY", offset: 0, limit: 10).count == 1)
            #expect(
                try await store.packs.list(viewer: alice.id, query: "nothing like it", offset: 0, limit: 10).isEmpty
            )
            let hits = try await store.packs.search("longsw", viewer: alice.id, offset: 0, limit: 5)
            #expect(hits.first?.entry.entryID == "longsword")
            #expect(try await store.packs.search("longsword", viewer: bob.id, offset: 0, limit: 5).isEmpty)
            // Query syntax is never passed through: quotes and operators are only word separators.
            let odd = try await store.packs.search("\"' OR 1=1 -- NEAR(", viewer: alice.id, offset: 0, limit: 50)
            #expect(odd.allSatisfy { $0.entry.searchText.lowercased().contains("or") })
            let scoped = try await store.packs.search(
                "sword",
                viewer: alice.id,
                in: (pack.rowID, "spells"),
                offset: 0,
                limit: 5
            )
            #expect(scoped.isEmpty)
        }
    }
}
