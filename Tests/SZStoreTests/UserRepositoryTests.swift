import Foundation
import SZStore
import Testing

@Suite("Accounts in the store")
struct UserRepositoryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("The first account becomes admin and later ones users", arguments: ScratchDatabase.available)
    func firstAccountIsAdmin(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let first = try await store.users.create(name: "Alice", role: nil, passwordHash: nil, now: now)
            let second = try await store.users.create(name: "bob", role: nil, passwordHash: "hash", now: now)
            let forced = try await store.users.create(name: "carol", role: .admin, passwordHash: nil, now: now)
            #expect(first.role == .admin)
            #expect(second.role == .user)
            #expect(forced.role == .admin)
            #expect(try await store.users.count() == 3)
        }
    }

    @Test(
        "Of many accounts created at once on an empty instance exactly one is admin",
        arguments: ScratchDatabase.available
    )
    func concurrentFirstAccounts(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let roles = try await withThrowingTaskGroup(of: UserRole.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.users.create(name: "user\(index)", role: nil, passwordHash: nil, now: now).role
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(roles.filter { $0 == .admin }.count == 1)
        }
    }

    @Test("Names are unique without regard to case and found in any case", arguments: ScratchDatabase.available)
    func namesIgnoreCase(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let alice = try await store.users.create(name: "Alice", role: nil, passwordHash: nil, now: now)
            await #expect(throws: StoreError.nameTaken("ALICE")) {
                try await store.users.create(name: "ALICE", role: nil, passwordHash: nil, now: now)
            }
            #expect(try await store.users.find(name: "alice") == alice)
            #expect(try await store.users.find(id: alice.id)?.name == "Alice")
            #expect(try await store.users.find(name: "nobody") == nil)
        }
    }

    @Test("Password hash, role and last activity are updated", arguments: ScratchDatabase.available)
    func updates(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let user = try await store.users.create(name: "dave", role: nil, passwordHash: nil, now: now)
            try await store.users.setPasswordHash("new-hash", userID: user.id)
            try await store.users.setRole(.user, userID: user.id)
            try await store.users.touch(userID: user.id, at: now.addingTimeInterval(60))
            let updated = try #require(try await store.users.find(id: user.id))
            #expect(updated.passwordHash == "new-hash")
            #expect(updated.role == .user)
            #expect(updated.lastSeenAt == now.addingTimeInterval(60))
        }
    }

    @Test("Migrations run once and a second run changes nothing", arguments: ScratchDatabase.available)
    func migrationsAreIdempotent(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let before = try await store.appliedMigrations()
            try await store.migrate()
            #expect(try await store.appliedMigrations() == before)
            #expect(before == Store.migrationNames)
        }
    }
}
