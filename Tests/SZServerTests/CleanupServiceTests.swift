import Foundation
import Logging
import SZServer
import SZStore
import ServiceLifecycle
import Testing

@Suite("The daily clean-up service")
struct CleanupServiceTests {
    @Test(
        "It waits for cleanup.daytime, cleans, waits for the next day, and stops at shutdown",
        arguments: ScratchDatabase.available
    )
    func runsDaily(database: ScratchDatabase) async throws {
        try await database.withStore { store in
            let start = CleanupTests.start  // 08:00 UTC
            let clock = ManualCleanupClock(now: start)
            _ = try await store.users.create(name: "admin", role: nil, passwordHash: nil, now: start - 90 * 86_400)
            _ = try await store.users.create(name: "idle", role: nil, passwordHash: nil, now: start - 40 * 86_400)
            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .critical
            let (reports, reportSink) = AsyncStream.makeStream(of: CleanupReport.self)
            let service = CleanupService(
                cleanup: Cleanup(store: store, blobs: scratchBlobs(), expire: 30 * 86_400, logger: logger),
                schedule: CleanupSchedule(daytime: "03:00", timeZone: try #require(TimeZone(identifier: "UTC"))),
                clock: clock,
                logger: logger,
                onPass: { reportSink.yield($0) }
            )
            let group = ServiceGroup(services: [service], gracefulShutdownSignals: [], logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var received = reports.makeAsyncIterator()

                let firstRun = await clock.nextSleeperDeadline()
                #expect(firstRun == start + 19 * 3600)
                #expect(try await store.users.count() == 2, "nothing happens before the time")
                clock.advance(to: firstRun)
                let report = try #require(await received.next())
                #expect(report.removed.map(\.name) == ["idle"])
                #expect(try await store.users.count() == 1)

                #expect(await clock.nextSleeperDeadline() == firstRun + 86_400)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }
}
