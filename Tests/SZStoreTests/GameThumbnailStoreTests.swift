import Foundation
import SZStore
import Testing

@Suite("Thumbnails of games' blobs and an owner's blobs across games in the store")
struct GameThumbnailStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func makeGame(_ store: Store, owner name: String, slug: String) async throws -> GameRecord {
        let owner =
            if let found = try await store.users.find(name: name) {
                found
            } else {
                try await store.users.create(name: name, role: nil, passwordHash: nil, now: now)
            }
        return try await store.games.create(
            NewGame(ownerID: owner.id, slug: slug, name: slug.capitalized, passwordHash: nil),
            id: UUID(),
            initialState: "{}",
            now: now
        )
    }

    func hash(_ letter: Character) -> String { String(repeating: letter, count: 64) }

    @Test("a thumbnail hangs only on an image the game holds and counts as held", arguments: ScratchDatabase.available)
    func thumbnails(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let forest = try await makeGame(store, owner: "gina", slug: "forest")
            try await store.gameBlobs.attach(gameID: forest.id, hashes: [hash("a")])
            #expect(
                try await store.gameBlobs.setThumbnail(hash("t"), of: hash("b"), gameID: forest.id) == .imageNotHeld
            )
            #expect(
                try await store.gameBlobs.setThumbnail(hash("t"), of: hash("a"), gameID: forest.id)
                    == .set(replacing: nil)
            )
            #expect(
                try await store.gameBlobs.setThumbnail(hash("t"), of: hash("a"), gameID: forest.id)
                    == .set(replacing: nil)
            )
            #expect(
                try await store.gameBlobs.setThumbnail(hash("u"), of: hash("a"), gameID: forest.id)
                    == .set(replacing: hash("t"))
            )
            #expect(try await store.gameBlobs.thumbnail(of: hash("a"), gameID: forest.id) == hash("u"))
            #expect(try await store.gameBlobs.thumbnails(of: forest.id) == [hash("a"): hash("u")])
            #expect(try await store.gameBlobs.files(of: forest.id) == [hash("a"), hash("u")])
            #expect(try await store.gameBlobs.hashes(of: forest.id) == [hash("a")])
            #expect(try await store.gameBlobs.isHeld(hash("u")))
            #expect(try await !store.gameBlobs.isHeld(hash("u"), byAnyGameBut: forest.id))
            #expect(try await store.games.delete(id: forest.id))
            #expect(try await !store.gameBlobs.isHeld(hash("u")))
        }
    }

    @Test("an owner's blobs across games, leaving one game out, in pages", arguments: ScratchDatabase.available)
    func heldAcrossGames(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let forest = try await makeGame(store, owner: "gina", slug: "forest")
            let cave = try await makeGame(store, owner: "gina", slug: "cave")
            let tower = try await makeGame(store, owner: "otto", slug: "tower")
            try await store.gameBlobs.attach(gameID: forest.id, hashes: [hash("a"), hash("b")])
            try await store.gameBlobs.attach(gameID: cave.id, hashes: [hash("b"), hash("c"), hash("d")])
            try await store.gameBlobs.attach(gameID: tower.id, hashes: [hash("e")])
            _ = try await store.gameBlobs.setThumbnail(hash("t"), of: hash("c"), gameID: cave.id)
            let owner = forest.ownerID

            let others = try await store.gameBlobs.held(byGamesOf: owner, except: forest.id, offset: 0, limit: 10)
            #expect(others.map(\.sha256) == [hash("c"), hash("d")])
            let first = try #require(others.first)
            #expect(first.thumbnailSHA256 == hash("t"))
            #expect(first.gameID == cave.id)
            #expect(first.gameSlug == "cave")
            #expect(first.gameName == "Cave")
            let firstPage = try await store.gameBlobs.held(byGamesOf: owner, except: nil, offset: 0, limit: 3)
            let secondPage = try await store.gameBlobs.held(byGamesOf: owner, except: nil, offset: 3, limit: 3)
            #expect((firstPage + secondPage).map(\.sha256) == [hash("a"), hash("b"), hash("b"), hash("c"), hash("d")])

            #expect(try await store.gameBlobs.find(hash("c"), heldByGamesOf: owner)?.gameID == cave.id)
            #expect(try await store.gameBlobs.find(hash("e"), heldByGamesOf: owner) == nil)
            #expect(try await store.gameBlobs.find(hash("e"), heldByGamesOf: tower.ownerID)?.gameSlug == "tower")
        }
    }
}
