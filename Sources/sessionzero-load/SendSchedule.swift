import NIOCore

/// Sends every client's commands from one event loop on a fixed schedule, whatever the replies do (open loop): a
/// slow server shows as latency, measured from when each command was due, not as a lower rate. Client `i` of `n`
/// sends its command `k` at `start + interval × (k + i / n)`, so the clients are spread evenly over each interval
/// and the aggregate rate is smooth; one timer serves them all.
final class SendSchedule {
    struct Client {
        let socket: PlayerSocketHandler
        let tokenID: String
        let log: SendLog
    }

    /// What the schedule did: the commands written and how late the latest of them left.
    struct Outcome: Sendable {
        var sent = 0
        var worstLag: Int64 = 0
    }

    private let clients: [Client]
    private let plan: LoadPlan
    private let start: Int64
    private let windowEnd: Int64
    private let eventLoop: any EventLoop
    private let finished: EventLoopPromise<Outcome>
    /// Sends due so far, over every client in turn.
    private var next = 0
    private var outcome = Outcome()

    private init(clients: [Client], plan: LoadPlan, start: Int64, windowEnd: Int64, on eventLoop: any EventLoop) {
        self.clients = clients
        self.plan = plan
        self.start = start
        self.windowEnd = windowEnd
        self.eventLoop = eventLoop
        finished = eventLoop.makePromise()
    }

    /// Runs the schedule on `eventLoop`, which must be the loop of every client's socket.
    static func run(
        _ clients: [Client],
        plan: LoadPlan,
        from start: Int64,
        until windowEnd: Int64,
        on eventLoop: any EventLoop
    ) -> EventLoopFuture<Outcome> {
        eventLoop.preconditionInEventLoop()
        let schedule = SendSchedule(clients: clients, plan: plan, start: start, windowEnd: windowEnd, on: eventLoop)
        schedule.sendDue()
        return schedule.finished.futureResult
    }

    /// Sends every command that is due, then waits for the next one.
    private func sendDue() {
        while true {
            let (number, client) = next.quotientAndRemainder(dividingBy: clients.count)
            let due = start + Int64(plan.interval * (Double(number) + Double(client) / Double(clients.count)))
            guard number < plan.commandsPerClient, due < windowEnd else {
                finished.succeed(outcome)
                return
            }
            let now = MonotonicClock.nanoseconds()
            guard due <= now else {
                let schedule = NIOLoopBound(self, eventLoop: eventLoop)
                eventLoop.scheduleTask(in: .nanoseconds(due - now)) { schedule.value.sendDue() }
                return
            }
            let sender = clients[client]
            sender.log.record(number, dueAt: due)
            let command = CommandNumber.command(number, token: sender.tokenID, rollShare: plan.rollShare)
            if sender.socket.send(command) {
                outcome.sent += 1
                outcome.worstLag = max(outcome.worstLag, now - due)
            }
            next += 1
        }
    }
}
