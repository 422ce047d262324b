import AsyncHTTPClient
import Logging
import NIOCore
import NIOPosix
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
        // One thread for every socket: the generator shares the server's cores, and a thread per core would add
        // switches between them to every command.
        let sockets = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let report = try await run(on: sockets.next())
            try await sockets.shutdownGracefully()
            return report
        } catch {
            try? await sockets.shutdownGracefully()
            throw error
        }
    }

    private func run(on eventLoop: any EventLoop) async throws -> LoadReport {
        guard let server = plan.address else { throw LoadError.missing("a host and port", in: plan.baseURL) }
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
                    let (seated, connectTime) = try await connect(
                        seat,
                        to: created,
                        at: server,
                        on: eventLoop,
                        label: "load-\(player)"
                    )
                    table.append(seated)
                    connectTimes.append(connectTime)
                }
                tables.append(table)
            }
        } catch {
            for seated in tables.joined() { _ = await seated.socket.close() }
            throw error
        }
        return try await measure(tables, connectTimes: connectTimes, on: eventLoop)
    }

    /// Opens the player's socket, waits for the welcome and places the player's token.
    private func connect(
        _ seat: ServerAPI.Seat,
        to game: ServerAPI.Table,
        at server: (host: String, port: Int),
        on eventLoop: any EventLoop,
        label: String
    ) async throws -> (Seated, connectTime: Int64) {
        let started = MonotonicClock.nanoseconds()
        let socket = try await PlayerSocket.connect(
            host: server.host,
            port: server.port,
            path: "/api/v1/games/\(game.path)/socket",
            on: eventLoop
        )
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

    private func measure(
        _ tables: [[Seated]],
        connectTimes: [Int64],
        on eventLoop: any EventLoop
    ) async throws -> LoadReport {
        let start = MonotonicClock.nanoseconds() + 100_000_000
        let windowEnd = start + Int64(plan.seconds * 1e9)
        for table in tables {
            let measured = MeasuredTable(
                tokenOwners: Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.tokenID, $0) }),
                players: Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.playerID, $0) }),
                sendLogs: table.map(\.log),
                windowEnd: windowEnd
            )
            for (index, seated) in table.enumerated() { await seated.socket.startMeasuring(measured, as: index) }
        }
        let clients = Array(tables.joined())
        let cpuBefore = (
            server: ProcessCPU.microseconds(of: plan.serverPID), generator: ProcessCPU.microseconds(of: nil)
        )
        let outcome = try await eventLoop.flatSubmit { [plan] in
            SendSchedule.run(
                clients.map { .init(socket: $0.socket.handler.value, tokenID: $0.tokenID, log: $0.log) },
                plan: plan,
                from: start,
                until: windowEnd,
                on: eventLoop
            )
        }.get()
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
            sent: outcome.sent,
            receipts: tally.latencies.count,
            acceptedPerS: (Double(tally.acksInWindow) / plan.seconds).rounded(),
            deliveriesPerS: (Double(tally.deliveries) / plan.seconds).rounded(),
            errors: tally.errors,
            latencyMs: Percentiles(nanoseconds: tally.latencies),
            connectMs: Percentiles(nanoseconds: connectTimes),
            serverRssMib: rss,
            serverPeakRssMib: peakRSS,
            backlog: outcome.sent - answered - tally.errors,
            sendLagMsMax: milliseconds(outcome.worstLag),
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

    private func colour(_ player: Int) -> String {
        let hex = String((player * 0x2F_4A_1B + 0x40_40_40) & 0xFF_FF_FF, radix: 16)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
