/// What one client saw during the measured window.
struct ReceiptTally: Sendable {
    /// Send-to-receipt times, in nanoseconds, of the other clients' commands this client saw.
    var latencies: [Int64] = []
    /// Events of other clients' commands received before the window closed.
    var deliveries = 0
    /// When each reply to this client's commands arrived (the backlog counts those too late), and how many
    /// arrived before the window closed.
    var ackTimes: [Int64] = []
    var acksInWindow = 0
    var errors = 0
    /// The first few error frames, to explain a failed run.
    var errorSamples: [String] = []

    /// Replies that arrived by `deadline`.
    func acks(by deadline: Int64) -> Int {
        ackTimes.count { $0 <= deadline }
    }

    mutating func merge(_ other: ReceiptTally) {
        latencies += other.latencies
        deliveries += other.deliveries
        ackTimes += other.ackTimes
        acksInWindow += other.acksInWindow
        errors += other.errors
        errorSamples += other.errorSamples.prefix(max(0, 5 - errorSamples.count))
    }

    /// Counts one frame received at `now` by player `receiver` of `table`.
    mutating func count(_ line: UnsafeBufferPointer<UInt8>, at now: Int64, receiver: Int, table: MeasuredTable) {
        switch Receipt(line) {
        case .ack:
            ackTimes.append(now)
            if now <= table.windowEnd { acksInWindow += 1 }
        case .error:
            errors += 1
            if errorSamples.count < 5 { errorSamples.append(String(decoding: line, as: UTF8.self)) }
        case .move(let tokenID, let number):
            guard let sender = table.tokenOwners[tokenID] else { return }
            record(from: sender, number: number, at: now, receiver: receiver, table: table)
        case .roll(let playerID, let number):
            guard let sender = table.players[playerID] else { return }
            record(from: sender, number: number, at: now, receiver: receiver, table: table)
        case .other: break
        }
    }

    private mutating func record(from sender: Int, number: Int, at now: Int64, receiver: Int, table: MeasuredTable) {
        guard sender != receiver, let sent = table.sendLogs[sender].time(of: number) else { return }
        latencies.append(now - sent)
        if now <= table.windowEnd { deliveries += 1 }
    }
}
