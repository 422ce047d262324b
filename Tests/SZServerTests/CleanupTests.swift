import Foundation
import Logging
import SZServer
import SZStore
import Testing

@Suite("Expiry and clean-up")
struct CleanupTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// An admin and two players created at `start`; `recent` was active again 20 days later.
    func seed(_ store: Store) async throws -> (admin: UserRecord, idle: UserRecord, recent: UserRecord) {
        let admin = try await store.users.create(name: "admin", role: nil, passwordHash: nil, now: Self.start)
        let idle = try await store.users.create(name: "idle", role: nil, passwordHash: nil, now: Self.start)
        let recent = try await store.users.create(name: "recent", role: nil, passwordHash: nil, now: Self.start)
        try await store.users.touch(userID: recent.id, at: Self.start + 20 * Self.day)
        _ = try await store.sessions.create(
            userID: idle.id,
            tokenHash: "idle-session",
            csrfToken: "csrf",
            now: Self.start,
            expiresAt: Self.start + 30 * Self.day
        )
        return (admin, idle, recent)
    }

    func quietLogger() -> Logger {
        var logger = Logger(label: "sessionzero.test")
        logger.logLevel = .critical
        return logger
    }

    @Test(
        "Accounts unused for the period go with their sessions; admins and recent ones stay, each removal logged",
        arguments: ScratchDatabase.available
    )
    func removesUnused(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let (admin, idle, recent) = try await seed(store)
            let capture = LogCapture()
            let cleanup = Cleanup(
                store: store,
                blobs: scratchBlobs(),
                expire: Int(30 * Self.day),
                logger: capture.logger(level: .info)
            )
            let report = try await cleanup.run(now: Self.start + 40 * Self.day, dryRun: false)

            #expect(report.removed.map(\.name) == ["idle"])
            #expect(report.cutoff == Self.start + 10 * Self.day)
            #expect(try await store.users.find(id: idle.id) == nil)
            #expect(try await store.sessions.count(userID: idle.id) == 0)
            #expect(try await store.users.find(id: admin.id) != nil, "admins never expire")
            #expect(try await store.users.find(id: recent.id) != nil)
            let removal = try #require(capture.all.first { $0.message.hasPrefix("clean-up removed account idle") })
            #expect(removal.level == .notice)
            #expect(removal.metadata["sessionzero.id"] == idle.id.uuidString)
        }
    }

    @Test("A dry run lists the same accounts and removes nothing", arguments: ScratchDatabase.available)
    func dryRun(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let (_, idle, _) = try await seed(store)
            let cleanup = Cleanup(
                store: store,
                blobs: scratchBlobs(),
                expire: Int(30 * Self.day),
                logger: quietLogger()
            )
            let report = try await cleanup.run(now: Self.start + 40 * Self.day, dryRun: true)
            #expect(report.dryRun)
            #expect(report.removed.map(\.name) == ["idle"])
            #expect(try await store.users.find(id: idle.id) != nil)
            #expect(try await store.users.count() == 3)
        }
    }

    @Test(
        "Nothing used within the period is removed, and expire 0 removes nothing",
        arguments: ScratchDatabase.available
    )
    func nothingWithinPeriod(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            _ = try await seed(store)
            let justInside = Cleanup(
                store: store,
                blobs: scratchBlobs(),
                expire: Int(30 * Self.day),
                logger: quietLogger()
            )
            #expect(try await justInside.run(now: Self.start + 30 * Self.day, dryRun: false).removed.isEmpty)
            let never = Cleanup(store: store, blobs: scratchBlobs(), expire: 0, logger: quietLogger())
            let report = try await never.run(now: Self.start + 3650 * Self.day, dryRun: false)
            #expect(report.removed.isEmpty)
            #expect(report.cutoff == nil)
            #expect(try await store.users.count() == 3)
        }
    }

    @Test("The daily time is the next HH:MM in the configured time zone")
    func schedule() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let schedule = CleanupSchedule(daytime: "03:30", timeZone: utc)
        // 1_800_000_000 is 2027-01-15 08:00:00 UTC.
        #expect(schedule.nextRun(after: Self.start) == Self.start + 19.5 * 3600)
        #expect(schedule.nextRun(after: Self.start - 5 * 3600) == Self.start - 4.5 * 3600)
        #expect(schedule.nextRun(after: Self.start - 4.5 * 3600) == Self.start + 19.5 * 3600, "strictly after")
        let berlin = CleanupSchedule(daytime: "03:30", timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(berlin.nextRun(after: Self.start) == Self.start + 18.5 * 3600)
    }
}
