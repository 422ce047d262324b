import Foundation
import Logging
import NIOPosix
import SZStore
import SZTabletop
import Testing

@testable import sessionzero_load

@Suite("The load generator, against a live server")
struct LoadGeneratorTests {
    @Test("a short run: every command is answered, and each move and roll is matched at every other client")
    func shortRun() async throws {
        try await ScratchDatabase.sqlite.withLocation { location in
            try await withLiveServer(location: location, blobs: scratchBlobs()) { _, port in
                let plan = LoadPlan(
                    baseURL: "http://127.0.0.1:\(port)",
                    games: 1,
                    players: 3,
                    rate: 30,
                    seconds: 1,
                    rollShare: 0.25,
                    grace: 2,
                    serverPID: ProcessInfo.processInfo.processIdentifier
                )
                let report = try await LoadRun(plan: plan, logger: Logger(label: "sessionzero.test.load")).run()
                #expect(report.sent == 30)
                #expect(report.errors == 0)
                #expect(report.backlog == 0)
                #expect(report.acceptedPerS > 0)
                // Three players: each command reaches the two others.
                #expect(report.receipts == 2 * report.sent)
                #expect(report.latencyMs.p50 != nil)
                #expect(report.connectMs.p50 != nil)
                #expect((report.serverRssMib ?? 0) > 0)
                #expect((report.serverCpuUsPerCommand ?? 0) > 0 && (report.generatorCpuUsPerCommand ?? 0) > 0)
                let line = report.jsonLine()
                #expect(line.hasPrefix(#"{"accepted_per_s":"#) && !line.contains("\n"))
            }
        }
    }

    @Test("a socket the server does not upgrade fails at once, naming its path")
    func refusedUpgrade() async throws {
        try await ScratchDatabase.sqlite.withLocation { location in
            try await withLiveServer(location: location, blobs: scratchBlobs()) { _, port in
                let path = "/api/v1/games/nobody/nothing/socket"
                let error = await #expect(throws: LoadError.self) {
                    try await PlayerSocket.connect(
                        host: "127.0.0.1",
                        port: port,
                        path: path,
                        on: MultiThreadedEventLoopGroup.singleton.next()
                    )
                }
                #expect(error?.description == "the server did not open a WebSocket at \(path)")
            }
        }
    }

    @Test("percentiles are exact nearest-rank values in milliseconds")
    func percentiles() {
        let samples = (1...100).map { Int64($0) * 1_000_000 }.shuffled()
        #expect(Percentiles(nanoseconds: samples) == Percentiles(p50: 50, p95: 95, p99: 99, max: 100))
        #expect(Percentiles(nanoseconds: []) == Percentiles(p50: nil, p95: nil, p99: nil, max: nil))
    }

    @Test("a frame's line is read by its keys, never by text inside a value that looks like one")
    func receipts() throws {
        func receipt(_ line: String) -> Receipt {
            Array(line.utf8).withUnsafeBufferPointer { Receipt($0) }
        }
        let (x, y) = CommandNumber.position(of: 1234)
        let token = Token(
            id: TokenID("t-wolf"),
            sceneID: SceneID("s-1"),
            image: try BlobID(hex: String(repeating: "ab", count: 32)),
            x: x,
            y: y,
            label: #"say "id":"t-fake","x":21,"y":21 and \ "type":"ack""#
        )
        #expect(
            receipt(TabletopProtocol.encode(.event(sequence: 7, .tokensUpdated([token]))))
                == .move(tokenID: "t-wolf", number: 1234)
        )
        #expect(receipt(TabletopProtocol.encode(.ack(clientID: "m1", sequence: 7))) == .ack)
        // The colour's "#" would end a #"..."# literal.
        let roll =
            ##"{"roll":{"colour":"#aa0000","id":"r-1","playerID":"p-ann","private":false,"roll":{"##
            + ##""breakdown":"1d20 [7] + 42 = 49","formula":"1d20 + 42","total":49}},"sequence":8,"type":"dice.rolled"}"##
        #expect(receipt(roll) == .roll(playerID: "p-ann", number: 42))
        #expect(receipt(roll.replacingOccurrences(of: "1d20 + 42", with: "2d6 + 42")) == .other)
        #expect(receipt(#"{"type":"error","clientID":"m2"}"#) == .error)
        #expect(receipt(#"{"type":"player.updated","player":{"id":"p-ann"}}"#) == .other)
        #expect(receipt(#"{"sequence":9,"tokens":[{"id":"t-wolf","x":"#) == .other)
    }

    @Test("a plan that would repeat token positions or has nobody to receive is refused")
    func plans() {
        let plan = LoadPlan(baseURL: "http://127.0.0.1:1", games: 1, players: 2, rate: 100_000, seconds: 10)
        #expect(plan.problem == "each client would send 500000 commands; at most 449999")
        #expect(LoadPlan(baseURL: "", games: 1, players: 1, rate: 1, seconds: 1).problem != nil)
        #expect(LoadPlan(baseURL: "http://127.0.0.1:1", games: 2, players: 8, rate: 160, seconds: 1).problem == nil)
        #expect(
            LoadPlan(baseURL: "ws://127.0.0.1:1", games: 2, players: 8, rate: 160, seconds: 1).problem
                == #"--url must be http://HOST:PORT, not "ws://127.0.0.1:1""#
        )
    }
}
