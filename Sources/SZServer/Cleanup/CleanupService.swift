public import Foundation
public import Logging
public import ServiceLifecycle

/// The wall clock the daily clean-up waits on; tests move a manual one.
public protocol CleanupClock: Sendable {
    func now() -> Date
    /// Returns once `deadline` has passed; throws `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Date) async throws
}

/// The system's clock. It sleeps at most an hour at a time and looks again, so that a wall clock that jumps
/// (a suspended machine, a time correction) delays the clean-up by an hour at most.
public struct SystemCleanupClock: CleanupClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        while case let remaining = deadline.timeIntervalSinceNow, remaining > 0 {
            try await Task.sleep(for: .seconds(min(remaining, 3600)))
        }
    }
}

/// Runs the clean-up every day at `cleanup.daytime` for as long as the server runs; stops waiting at graceful
/// shutdown. A failed pass is logged and the next day's runs as planned.
public struct CleanupService: Service {
    let cleanup: Cleanup
    let schedule: CleanupSchedule
    let clock: any CleanupClock
    let logger: Logger
    /// Told about every finished pass (tests wait on it).
    let onPass: @Sendable (CleanupReport) -> Void

    public init(
        cleanup: Cleanup,
        schedule: CleanupSchedule,
        clock: any CleanupClock,
        logger: Logger,
        onPass: @escaping @Sendable (CleanupReport) -> Void = { _ in }
    ) {
        self.cleanup = cleanup
        self.schedule = schedule
        self.clock = clock
        self.logger = logger
        self.onPass = onPass
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await runDaily()
            }
        } catch is CancellationError {
            return
        }
    }

    private func runDaily() async throws {
        while true {
            let next = schedule.nextRun(after: clock.now())
            logger.debug("next clean-up at \(next.formatted(.iso8601))")
            try await clock.sleep(until: next)
            do {
                onPass(try await cleanup.run(now: clock.now(), dryRun: false))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.error("clean-up failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }
}
