import Foundation
import SZServer
import Synchronization

/// A wall clock that only moves when the test says; `sleep(until:)` waits for `advance(to:)` (or cancellation).
final class ManualCleanupClock: CleanupClock {
    private struct Sleeper {
        let id: UUID
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var sleeperWaiters: [CheckedContinuation<Date, Never>] = []
    }

    private let state: Mutex<State>

    init(now: Date) {
        state = Mutex(State(now: now))
    }

    func now() -> Date { state.withLock { $0.now } }

    func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (ready, waiters) = state.withLock { state -> (Bool, [CheckedContinuation<Date, Never>]) in
                    if Task.isCancelled || state.now >= deadline { return (true, []) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    defer { state.sleeperWaiters = [] }
                    return (false, state.sleeperWaiters)
                }
                if ready {
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume()
                    }
                }
                for waiter in waiters { waiter.resume(returning: deadline) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Waits until something sleeps on this clock and returns its deadline.
    func nextSleeperDeadline() async -> Date {
        await withCheckedContinuation { continuation in
            let deadline = state.withLock { state -> Date? in
                if let sleeper = state.sleepers.first { return sleeper.deadline }
                state.sleeperWaiters.append(continuation)
                return nil
            }
            if let deadline { continuation.resume(returning: deadline) }
        }
    }

    /// Moves the time to `date` and wakes every sleeper whose deadline has come.
    func advance(to date: Date) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = date
            let due = state.sleepers.filter { $0.deadline <= date }
            state.sleepers.removeAll { $0.deadline <= date }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}
