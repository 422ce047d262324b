import Foundation
import SZStore
import Testing

@Suite("Activity, expiry and size in the store")
struct ActivityAndExpiryTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(
        "Activity is written only when the last one is older than the given instant",
        arguments: ScratchDatabase.available
    )
    func touchIfStale(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: Self.start)
            let later = Self.start + 1800
            #expect(try await !store.users.touch(userID: user.id, at: later, ifNotSeenSince: later - 3600))
            #expect(try await store.users.find(id: user.id)?.lastSeenAt == Self.start)
            let hourLater = Self.start + 3600
            #expect(try await store.users.touch(userID: user.id, at: hourLater, ifNotSeenSince: hourLater - 3600))
            #expect(try await store.users.find(id: user.id)?.lastSeenAt == hourLater)
        }
    }

    @Test(
        "Removal re-checks activity and role: an account used since it was listed, or an admin, stays",
        arguments: ScratchDatabase.available
    )
    func deleteIfUnused(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let admin = try await store.users.create(name: "admin", role: nil, passwordHash: nil, now: Self.start)
            let player = try await store.users.create(name: "player", role: nil, passwordHash: nil, now: Self.start)
            let cutoff = Self.start + 86_400
            #expect(try await store.users.unused(since: cutoff).map(\.name) == ["player"])
            try await store.users.touch(userID: player.id, at: cutoff + 1)
            #expect(try await !store.users.deleteIfUnused(userID: player.id, since: cutoff))
            #expect(try await !store.users.deleteIfUnused(userID: admin.id, since: cutoff))
            #expect(try await store.users.count() == 2)
            #expect(try await store.users.deleteIfUnused(userID: player.id, since: cutoff + 2))
            #expect(try await store.users.find(id: player.id) == nil)
        }
    }

    @Test(
        "Counts of live sessions and recently active accounts; the database size",
        arguments: ScratchDatabase.available
    )
    func figures(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: Self.start)
            for (hash, lifetime) in [("a", 100.0), ("b", 10.0)] {
                _ = try await store.sessions.create(
                    userID: user.id,
                    tokenHash: hash,
                    csrfToken: "csrf",
                    now: Self.start,
                    expiresAt: Self.start + lifetime
                )
            }
            #expect(try await store.sessions.count(liveAt: Self.start + 50) == 1)
            #expect(try await store.users.count(activeSince: Self.start) == 1)
            #expect(try await store.users.count(activeSince: Self.start + 1) == 0)
            #expect((try await store.databaseSize() ?? 0) > 0)
        }
    }
}
