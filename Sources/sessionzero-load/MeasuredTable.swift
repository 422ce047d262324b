import Synchronization

/// One game as the measurement sees it: whose token and seat is whose, when each command was due, and when the
/// window closes. Built once every client has its token, read by every client's receiver.
final class MeasuredTable: Sendable {
    /// Player index by token id and by player id.
    let tokenOwners: [String: Int]
    let players: [String: Int]
    let sendLogs: [SendLog]
    let windowEnd: Int64

    init(tokenOwners: [String: Int], players: [String: Int], sendLogs: [SendLog], windowEnd: Int64) {
        self.tokenOwners = tokenOwners
        self.players = players
        self.sendLogs = sendLogs
        self.windowEnd = windowEnd
    }
}

/// When each command of one player was due, by its number.
final class SendLog: Sendable {
    private let times: Mutex<[Int64]>

    init(capacity: Int) {
        times = Mutex(Array(repeating: -1, count: capacity))
    }

    func record(_ number: Int, dueAt time: Int64) {
        times.withLock { $0[number] = time }
    }

    func time(of number: Int) -> Int64? {
        times.withLock { times in
            guard times.indices.contains(number), times[number] >= 0 else { return nil }
            return times[number]
        }
    }
}
