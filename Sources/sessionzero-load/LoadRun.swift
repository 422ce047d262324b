import AsyncHTTPClient
import Logging
import SZTabletop

/// Carries out a plan against a running server: seats every player over HTTP, connects them one at a time
/// (timing connect to welcome), gives each a token, then lets every client send on its own fixed schedule
/// while every client counts what it receives.
struct LoadRun {
    /// One connected player with the token it moves.
    private struct Seated {
        var socket: PlayerSocket
        var playerID: String
        var tokenID: String
        var log: SendLog
    }

    let plan: LoadPlan
    let http: HTTPClient
    let logger: Logger

    init(plan: LoadPlan, http: HTTPClient = .shared, logger: Logger) {
        self.plan = plan
        self.http = http
        self.logger = logger
    }

    func run() async throws -> LoadReport {
        let api = ServerAPI(baseURL: plan.baseURL, client: http)
        let runID = String((0..<6).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement() ?? "x" })
        var tables: [[Seated]] = []
        var connectTimes: [Int64] = []
        do {
            for game in 0..<plan.games {
                let created = try await api.createGame(gm: "load-\(runID)-\(game)", slug: "load-\(runID)-\(game)")
                var seats: [ServerAPI.Seat] = []
                for player in 0..<plan.players {
                    seats.append(try await api.join(created.path, name: "Player \(player)", colour: colour(player)))
                }
                var table: [Seated] = []
                for (player, seat) in seats.enumerated() {
                    let (seated, connectTime) = try await connect(seat, to: created, label: "load-\(player)")
                    table.append(seated)
                    connectTimes.append(connectTime)
                }
                tables.append(table)
            }
        } catch {
            for seated in tables.joined() { _ = await seated.socket.close() }
            throw error
        }
        return await measure(tables, connectTimes: connectTimes)
    }

    /// Opens the player's socket, waits for the welcome and places the player's token.
    private func connect(
        _ seat: ServerAPI.Seat,
        to game: ServerAPI.Table,
        label: String
    ) async throws -> (Seated, connectTime: Int64) {
        let webSocketURL = "ws" + plan.baseURL.dropFirst("http".count) + "/api/v1/games/\(game.path)/socket"
        let started = MonotonicClock.nanoseconds()
        let socket = PlayerSocket(url: webSocketURL, logger: logger)
        do {
            try await socket.send(
                TabletopProtocol.encode(.hello(Hello(protocolVersion: 1, credential: seat.credential)))
            )
            let welcome = try await socket.nextSetupFrame()
            guard case .welcome(let message)? = try? TabletopProtocol.decodeServerMessage(welcome.text),
                case .snapshot(let snapshot) = message.catchUp
            else { throw LoadError.refused("hello", frame: welcome.text) }
            let tokenID = try await placeToken(
                socket,
                image: game.tokenImage,
                scene: snapshot.activeSceneID.rawValue,
                label: label
            )
            let seated = Seated(
                socket: socket,
                playerID: seat.playerID,
                tokenID: tokenID,
                log: SendLog(capacity: plan.commandsPerClient)
            )
            return (seated, welcome.receivedAt - started)
        } catch {
            _ = await socket.close()
            throw error
        }
    }

    private func placeToken(_ socket: PlayerSocket, image: String, scene: String, label: String) async throws -> String
    {
        try await socket.send(
            #"{"type":"token.create","clientID":"token","sceneID":"\#(scene)","tokens":[{"image":"\#(image)","x":10,"y":10,"label":"\#(label)"}]}"#
        )
        while true {
            let frame = try await socket.nextSetupFrame()
            switch try? TabletopProtocol.decodeServerMessage(frame.text) {
            case .event(_, .tokensCreated(let tokens))?:
                if let token = tokens.first(where: { $0.label == label }) { return token.id.rawValue }
            case .error(let reply)? where reply.clientID == "token":
                throw LoadError.refused("creating a token", frame: frame.text)
            default: continue
            }
        }
    }

    private func measure(_ tables: [[Seated]], connectTimes: [Int64]) async -> LoadReport {
        let start = MonotonicClock.nanoseconds() + 100_000_000
        let windowEnd = start + Int64(plan.seconds * 1e9)
        for table in tables {
            let measured = MeasuredTable(
                tokenOwners: Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.tokenID, $0) }),
                players: Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.playerID, $0) }),
                sendLogs: table.map(\.log),
                windowEnd: windowEnd
            )
            for (index, seated) in table.enumerated() { seated.socket.startMeasuring(measured, as: index) }
        }
        let clients = Array(tables.joined())
        let cpuBefore = (
            server: ProcessCPU.microseconds(of: plan.serverPID), generator: ProcessCPU.microseconds(of: nil)
        )
        let (sent, lag) = await withTaskGroup(of: (Int, Int64).self) { group in
            for (index, seated) in clients.enumerated() {
                // Clients are spread evenly over one interval so the aggregate rate is smooth.
                let firstDue = start + Int64(plan.interval * Double(index) / Double(clients.count))
                group.addTask { await send(from: seated, firstDue: firstDue, until: windowEnd) }
            }
            return await group.reduce((0, Int64(0))) { ($0.0 + $1.0, max($0.1, $1.1)) }
        }
        // A generator that fell behind sent its last commands after the window: the grace runs from then.
        let deadline = max(windowEnd, MonotonicClock.nanoseconds()) + Int64(plan.grace * 1e9)
        try? await Task.sleep(until: MonotonicClock.instant(deadline), clock: .continuous)
        let cpuAfter = (
            server: ProcessCPU.microseconds(of: plan.serverPID), generator: ProcessCPU.microseconds(of: nil)
        )
        let rss = plan.serverPID.flatMap { ResidentMemory.mebibytes(of: $0, field: "VmRSS") }
        let peakRSS = plan.serverPID.flatMap { ResidentMemory.mebibytes(of: $0, field: "VmHWM") }
        var tally = ReceiptTally()
        for seated in clients { tally.merge(await seated.socket.close()) }
        // Closing lets the server answer what it still held; those late replies are backlog, not answers.
        let answered = tally.acks(by: deadline)
        for sample in tally.errorSamples { logger.warning("error reply: \(sample)") }
        return LoadReport(
            games: plan.games,
            players: plan.players,
            rate: plan.rate,
            seconds: plan.seconds,
            sent: sent,
            receipts: tally.latencies.count,
            acceptedPerS: (Double(tally.acksInWindow) / plan.seconds).rounded(),
            deliveriesPerS: (Double(tally.deliveries) / plan.seconds).rounded(),
            errors: tally.errors,
            latencyMs: Percentiles(nanoseconds: tally.latencies),
            connectMs: Percentiles(nanoseconds: connectTimes),
            serverRssMib: rss,
            serverPeakRssMib: peakRSS,
            backlog: sent - answered - tally.errors,
            sendLagMsMax: milliseconds(lag),
            serverCpuUsPerCommand: perCommand(from: cpuBefore.server, to: cpuAfter.server, answered: answered),
            generatorCpuUsPerCommand: perCommand(
                from: cpuBefore.generator,
                to: cpuAfter.generator,
                answered: answered
            )
        )
    }

    private func perCommand(from before: Int64?, to after: Int64?, answered: Int) -> Double? {
        guard let before, let after, answered > 0 else { return nil }
        return (Double(after - before) / Double(answered) * 10).rounded() / 10
    }

    /// Sends on a fixed schedule whatever the replies do (open loop): a slow server shows as latency, measured
    /// from when each command was due, not as a lower rate. Returns the commands sent and the worst lag.
    private func send(from seated: Seated, firstDue: Int64, until windowEnd: Int64) async -> (Int, Int64) {
        var number = 0
        var worstLag: Int64 = 0
        while number < plan.commandsPerClient {
            let due = firstDue + Int64(plan.interval * Double(number))
            guard due < windowEnd else { break }
            if MonotonicClock.nanoseconds() < due {
                try? await Task.sleep(until: MonotonicClock.instant(due), clock: .continuous)
            }
            seated.log.record(number, dueAt: due)
            worstLag = max(worstLag, MonotonicClock.nanoseconds() - due)
            let command = CommandNumber.command(number, token: seated.tokenID, rollShare: plan.rollShare)
            do {
                try await seated.socket.send(command)
            } catch {
                break
            }
            number += 1
        }
        return (number, worstLag)
    }

    private func colour(_ player: Int) -> String {
        let hex = String((player * 0x2F_4A_1B + 0x40_40_40) & 0xFF_FF_FF, radix: 16)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
