import Foundation
import SZStore
import Testing

@Suite("Games, seats, event log and snapshots in the store")
struct GameStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func makeGame(_ store: Store, slug: String = "dark-forest") async throws -> GameRecord {
        var owner = try await store.users.find(name: "gina")
        if owner == nil { owner = try await store.users.create(name: "gina", role: nil, passwordHash: nil, now: now) }
        guard let owner else { throw CancellationError() }
        let id = UUID()
        return try await store.games.create(
            NewGame(ownerID: owner.id, slug: slug, name: "Dark forest", passwordHash: nil),
            id: id,
            initialState: "{\"game\":\"\(id)\"}",
            now: now
        )
    }

    func event(_ game: GameRecord, _ sequence: Int64) -> StoredGameEvent {
        StoredGameEvent(gameID: game.id, sequence: sequence, audience: "everyone", payload: "{\"n\":\(sequence)}")
    }

    @Test(
        "a game is found by owner and slug, listed in slug order, and slugs are unique per owner",
        arguments: ScratchDatabase.available
    )
    func games(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let forest = try await makeGame(store)
            let cave = try await makeGame(store, slug: "cave")
            #expect(try await store.games.find(ownerID: forest.ownerID, slug: "dark-forest") == forest)
            #expect(
                try await store.games.list(ownerID: forest.ownerID, after: nil, limit: 10).map(\.slug) == [
                    "cave", "dark-forest",
                ]
            )
            #expect(try await store.games.list(ownerID: forest.ownerID, after: "cave", limit: 10) == [forest])
            await #expect(throws: GameStoreError.slugTaken("cave")) { try await makeGame(store, slug: "cave") }
            let snapshot = try #require(try await store.gameLogs.latestSnapshot(gameID: cave.id))
            #expect(snapshot == GameSnapshotRecord(gameID: cave.id, sequence: 0, state: "{\"game\":\"\(cave.id)\"}"))
            #expect(try await store.games.delete(id: cave.id))
            #expect(try await store.games.find(id: cave.id) == nil)
            #expect(try await store.gameLogs.latestSnapshot(gameID: cave.id) == nil)
            #expect(try await store.games.delete(id: cave.id) == false)
        }
    }

    @Test(
        "seats: names unique per game whatever their case, found by credential hash or account",
        arguments: ScratchDatabase.available
    )
    func seats(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let game = try await makeGame(store)
            let seat = GamePlayerRecord(
                gameID: game.id,
                playerID: "p-ann",
                name: "Ann",
                colour: "#aa0000",
                role: "player",
                standing: "active",
                userID: game.ownerID,
                createdAt: now
            )
            try await store.gamePlayers.add(seat, credentialHash: "hash-ann")
            var twin = seat
            twin.playerID = "p-ann2"
            twin.name = "ANN"
            await #expect(throws: GameStoreError.seatNameTaken("ANN")) {
                try await store.gamePlayers.add(twin, credentialHash: "hash-twin")
            }
            #expect(try await store.gamePlayers.find(credentialHash: "hash-ann") == seat)
            #expect(try await store.gamePlayers.find(gameID: game.id, userID: game.ownerID) == seat)
            try await store.gamePlayers.replaceCredential(gameID: game.id, playerID: "p-ann", credentialHash: "new")
            #expect(try await store.gamePlayers.find(credentialHash: "hash-ann") == nil)
            #expect(try await store.gamePlayers.find(credentialHash: "new") == seat)
        }
    }

    @Test(
        "appends made together are committed in fewer transactions, each one durable, in order, and marking its game played",
        arguments: ScratchDatabase.available
    )
    func groupCommit(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            var games: [GameRecord] = []
            for index in 0..<20 { games.append(try await makeGame(store, slug: "game-\(index)")) }
            let before = await store.gameEvents.transactions
            try await withThrowingTaskGroup(of: Void.self) { group in
                for game in games {
                    group.addTask {
                        for sequence in Int64(1)...3 { try await store.gameEvents.append([event(game, sequence)]) }
                    }
                }
                try await group.waitForAll()
            }
            let transactions = await store.gameEvents.transactions - before
            #expect(transactions < 60)
            for game in games {
                let stored = try await store.gameLogs.events(gameID: game.id, after: 0, limit: 10)
                #expect(stored == [event(game, 1), event(game, 2), event(game, 3)])
                // Every game of a shared transaction counts as played: the clean-up's expiry reads this.
                #expect(try await store.games.find(id: game.id)?.lastActivityAt != now)
            }
            #expect(try await store.gameLogs.events(gameID: games[0].id, after: 1, limit: 1) == [event(games[0], 2)])
        }
    }

    @Test(
        "an event number already stored fails only that append; a standing change follows the events",
        arguments: ScratchDatabase.available
    )
    func conflicts(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let game = try await makeGame(store)
            let seat = GamePlayerRecord(
                gameID: game.id,
                playerID: "p-bob",
                name: "Bob",
                colour: "#00aa00",
                role: "player",
                standing: "active",
                userID: nil,
                createdAt: now
            )
            try await store.gamePlayers.add(seat, credentialHash: "hash-bob")
            try await store.gameEvents.append(
                [event(game, 1)],
                standings: [StandingChange(gameID: game.id, playerID: "p-bob", standing: "kicked")]
            )
            #expect(try await store.gamePlayers.find(credentialHash: "hash-bob")?.standing == "kicked")
            await #expect(throws: GameStoreError.sequenceTaken(game: game.id, sequence: 1)) {
                try await store.gameEvents.append([event(game, 1)])
            }
            try await store.gameEvents.append([event(game, 2)])
            #expect(try await store.gameLogs.events(gameID: game.id, after: 0, limit: 10).map(\.sequence) == [1, 2])
        }
    }

    @Test("a snapshot is replaced only by a newer one", arguments: ScratchDatabase.available)
    func snapshots(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let game = try await makeGame(store)
            try await store.gameLogs.saveSnapshot(
                GameSnapshotRecord(gameID: game.id, sequence: 9, state: "nine"),
                now: now
            )
            try await store.gameLogs.saveSnapshot(
                GameSnapshotRecord(gameID: game.id, sequence: 5, state: "five"),
                now: now
            )
            #expect(try await store.gameLogs.latestSnapshot(gameID: game.id)?.state == "nine")
        }
    }
}
