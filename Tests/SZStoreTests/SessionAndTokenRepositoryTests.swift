import Foundation
import SZStore
import Testing

@Suite("Sessions and API tokens in the store")
struct SessionAndTokenRepositoryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A session is found by its hash until it expires or is deleted", arguments: ScratchDatabase.available)
    func sessionLifecycle(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: now)
            let session = try await store.sessions.create(
                userID: user.id,
                tokenHash: "hash-1",
                csrfToken: "csrf",
                now: now,
                expiresAt: now.addingTimeInterval(3600)
            )
            let found = try #require(try await store.sessions.find(tokenHash: "hash-1", now: now))
            #expect(found.session == session)
            #expect(found.user == user)
            #expect(try await store.sessions.find(tokenHash: "hash-1", now: now.addingTimeInterval(3600)) == nil)
            #expect(try await store.sessions.find(tokenHash: "other", now: now) == nil)
            #expect(try await store.sessions.delete(tokenHash: "hash-1"))
            #expect(try await store.sessions.find(tokenHash: "hash-1", now: now) == nil)
            #expect(try await store.sessions.delete(tokenHash: "hash-1") == false)
        }
    }

    @Test(
        "Deleting an account's sessions can keep the current one, or remove only the expired ones",
        arguments: ScratchDatabase.available
    )
    func deleteAllButOne(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: now)
            let expiry = now.addingTimeInterval(3600)
            let kept = try await store.sessions.create(
                userID: user.id,
                tokenHash: "a",
                csrfToken: "x",
                now: now,
                expiresAt: expiry
            )
            _ = try await store.sessions.create(
                userID: user.id,
                tokenHash: "b",
                csrfToken: "y",
                now: now,
                expiresAt: expiry
            )
            try await store.sessions.deleteAll(userID: user.id, except: kept.id)
            #expect(try await store.sessions.count(userID: user.id) == 1)
            #expect(try await store.sessions.find(tokenHash: "a", now: now) != nil)
            try await store.sessions.deleteExpired(userID: user.id, now: expiry.addingTimeInterval(-1))
            #expect(try await store.sessions.count(userID: user.id) == 1)
            try await store.sessions.deleteExpired(userID: user.id, now: expiry)
            #expect(try await store.sessions.count(userID: user.id) == 0)
        }
    }

    @Test("API tokens are listed, used and revoked only by their owner", arguments: ScratchDatabase.available)
    func tokens(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let alice = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: now)
            let bob = try await store.users.create(name: "bob", role: nil, passwordHash: nil, now: now)
            let first = try await store.apiTokens.create(userID: alice.id, name: "cli", tokenHash: "t1", now: now)
            let second = try await store.apiTokens.create(
                userID: alice.id,
                name: "backup",
                tokenHash: "t2",
                now: now.addingTimeInterval(1)
            )
            #expect(try await store.apiTokens.list(userID: alice.id).map(\.id) == [first.id, second.id])
            #expect(try await store.apiTokens.list(userID: bob.id).isEmpty)

            let used = try #require(try await store.apiTokens.use(tokenHash: "t1", now: now.addingTimeInterval(5)))
            #expect(used.user == alice)
            #expect(used.token.lastUsedAt == now.addingTimeInterval(5))

            #expect(try await store.apiTokens.delete(id: first.id, userID: bob.id) == false)
            #expect(try await store.apiTokens.delete(id: first.id, userID: alice.id))
            #expect(try await store.apiTokens.use(tokenHash: "t1", now: now) == nil)
        }
    }

    @Test("Deleting an account removes its sessions and tokens", arguments: ScratchDatabase.available)
    func cascade(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "alice", role: nil, passwordHash: nil, now: now)
            _ = try await store.sessions.create(
                userID: user.id,
                tokenHash: "s",
                csrfToken: "c",
                now: now,
                expiresAt: now + 60
            )
            _ = try await store.apiTokens.create(userID: user.id, name: "cli", tokenHash: "t", now: now)
            try await store.users.delete(userID: user.id)
            #expect(try await store.sessions.find(tokenHash: "s", now: now) == nil)
            #expect(try await store.apiTokens.use(tokenHash: "t", now: now) == nil)
        }
    }
}
