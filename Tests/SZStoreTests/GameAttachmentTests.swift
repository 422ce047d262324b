import Foundation
import SZStore
import Testing

@Suite("Blobs held by games, session sheets and unused games in the store")
struct GameAttachmentTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func makeGame(_ store: Store, slug: String, at date: Date) async throws -> GameRecord {
        let owner: UserRecord
        if let found = try await store.users.find(name: "gina") {
            owner = found
        } else {
            owner = try await store.users.create(name: "gina", role: nil, passwordHash: nil, now: now)
        }
        return try await store.games.create(
            NewGame(ownerID: owner.id, slug: slug, name: slug, passwordHash: nil),
            id: UUID(),
            initialState: "{}",
            now: date
        )
    }

    @Test("a blob held by two games stays held by one when the other goes", arguments: ScratchDatabase.available)
    func heldBlobs(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let forest = try await makeGame(store, slug: "forest", at: now)
            let cave = try await makeGame(store, slug: "cave", at: now)
            let shared = String(repeating: "a", count: 64)
            let own = String(repeating: "b", count: 64)
            try await store.gameBlobs.attach(gameID: forest.id, hashes: [shared, own, own])
            try await store.gameBlobs.attach(gameID: forest.id, hashes: [own])
            try await store.gameBlobs.attach(gameID: cave.id, hashes: [shared])
            #expect(try await store.gameBlobs.hashes(of: forest.id) == [shared, own])
            #expect(try await store.gameBlobs.isHeld(shared, byAnyGameBut: forest.id))
            #expect(try await !store.gameBlobs.isHeld(own, byAnyGameBut: forest.id))
            try await store.gameBlobs.detach(gameID: forest.id, hashes: [own])
            #expect(try await store.gameBlobs.hashes(of: forest.id) == [shared])
            try await store.gameSessions.save("{\"v\":1}", for: forest.id)
            try await store.gameSessions.save("{\"v\":2}", for: forest.id)
            #expect(try await store.gameSessions.document(of: forest.id) == "{\"v\":2}")
            #expect(try await store.games.delete(id: forest.id))
            #expect(try await store.gameSessions.document(of: forest.id) == nil)
            #expect(try await !store.gameBlobs.isHeld(shared, byAnyGameBut: cave.id))
        }
    }

    @Test(
        "a session sheet is replaced only if it is still the one the change was made from",
        arguments: ScratchDatabase.available
    )
    func sheetCompareAndSet(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let forest = try await makeGame(store, slug: "forest", at: now)
            let sheets = store.gameSessions
            #expect(try await sheets.replace(nil, with: #"{"v":1}"#, for: forest.id))
            // Another server stored a first sheet meanwhile: a second first sheet is refused.
            #expect(try await !sheets.replace(nil, with: #"{"v":"other"}"#, for: forest.id))
            #expect(try await sheets.replace(#"{"v":1}"#, with: #"{"v":2}"#, for: forest.id))
            // Made from the sheet before the last change: refused, and the newer sheet stays.
            #expect(try await !sheets.replace(#"{"v":1}"#, with: #"{"v":"stale"}"#, for: forest.id))
            #expect(try await sheets.document(of: forest.id) == #"{"v":2}"#)

            // A first sheet for a game that is gone is an error, not a lost race.
            #expect(try await store.games.delete(id: forest.id))
            await #expect(throws: (any Error).self) { try await sheets.replace(nil, with: "{}", for: forest.id) }
        }
    }

    @Test("unused games are listed oldest first and removed only if still unused", arguments: ScratchDatabase.available)
    func unusedGames(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let old = try await makeGame(store, slug: "old", at: now.addingTimeInterval(-200))
            let older = try await makeGame(store, slug: "older", at: now.addingTimeInterval(-300))
            _ = try await makeGame(store, slug: "fresh", at: now)
            let cutoff = now.addingTimeInterval(-100)
            #expect(try await store.games.unused(since: cutoff).map(\.slug) == ["older", "old"])
            #expect(try await !store.games.deleteIfUnused(id: old.id, since: now.addingTimeInterval(-250)))
            #expect(try await store.games.deleteIfUnused(id: older.id, since: cutoff))
            #expect(try await store.games.find(id: older.id) == nil)
            #expect(try await store.games.find(id: old.id) != nil)
        }
    }
}
