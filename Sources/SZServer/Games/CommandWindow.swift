import Synchronization

/// How many of one connection's commands may wait for their replies at once. Past it the connection stops
/// reading its socket, so a client that sends faster than the game stores waits in TCP, not in the server's
/// memory. One reader takes places; the task that delivers the replies gives them back.
final class CommandWindow: Sendable {
    static let defaultSize = 64

    private struct State {
        var free: Int
        var reader: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>

    init(size: Int = CommandWindow.defaultSize) {
        state = Mutex(State(free: size))
    }

    /// Whether the reader waits for a place (tests use it to see that it does).
    var readerWaits: Bool { state.withLock { $0.reader != nil } }

    /// Takes a place, waiting for one when all are taken.
    func take() async {
        await withCheckedContinuation { continuation in
            let taken = state.withLock { state in
                guard state.free > 0 else {
                    state.reader = continuation
                    return false
                }
                state.free -= 1
                return true
            }
            if taken { continuation.resume() }
        }
    }

    /// Gives a place back; a waiting reader gets it at once.
    func give() {
        let reader = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let reader = state.reader else {
                state.free += 1
                return nil
            }
            state.reader = nil
            return reader
        }
        reader?.resume()
    }
}
