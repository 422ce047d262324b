import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZServer
import SZStore
import SZTabletop
import Testing

@Suite("The game WebSocket, over real sockets")
struct GameSocketTests {
    let socketPath = "/api/v1/games/gina/dark-forest/socket"

    func events(_ welcome: Welcome) -> [WireEvent] {
        if case .events(let events) = welcome.catchUp { events } else { [] }
    }

    func snapshot(_ welcome: Welcome) throws -> GameSnapshot {
        guard case .snapshot(let snapshot) = welcome.catchUp else { throw CancellationError() }
        return snapshot
    }

    func nextEvent(_ socket: TestSocket) async throws -> WireEvent {
        try await socket.next {
            if case .event(let sequence, let event) = $0 { WireEvent(sequence: sequence, event: event) } else { nil }
        }
    }

    /// A live server on a fresh SQLite database with Gina's game `dark-forest`; `body` gets the server, its port
    /// and Gina's session.
    func withGame(
        rooms: RoomConfiguration = RoomConfiguration(),
        _ body: @escaping @Sendable (TestServer, Int, BrowserSession) async throws -> Void
    ) async throws {
        try await ScratchDatabase.sqlite.withLocation { location in
            try await withLiveServer(location: location, blobs: scratchBlobs(), rooms: rooms) { server, port in
                try await body(server, port, try await server.createGame())
            }
        }
    }

    /// Opens a socket with the seat's credential and reads its welcome.
    func open(
        _ port: Int,
        as seat: (playerID: String, credential: String, role: String)
    ) async throws -> (
        TestSocket, Welcome
    ) {
        let socket = TestSocket(port: port, path: socketPath)
        try await socket.hello(seat.credential)
        return (socket, try await socket.welcome())
    }

    func newToken(x: Int, hidden: Bool? = nil) -> NewToken {
        NewToken(image: wolfImage, x: x, y: 100, hidden: hidden)
    }

    @Test("join, hello, welcome with a snapshot; a move is seen by the other client with the next sequence")
    func joinAndMove() async throws {
        try await withGame { server, port, gina in
            try await server.uploadWolf(headers: gina.headers)
            let gm = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
            #expect(gm.role == "gm")
            let ann = try await server.join("gina/dark-forest", name: "Ann", colour: "#00AA00")
            #expect(ann.role == "player")

            let (gmSocket, gmWelcome) = try await open(port, as: gm)
            #expect(gmWelcome.playerID.rawValue == gm.playerID)
            let scene = try snapshot(gmWelcome).activeSceneID

            let annSocket = TestSocket(port: port, path: socketPath)
            try await annSocket.hello(ann.credential)
            let welcomeText = try #require(await annSocket.nextText())
            let players = try #require(
                try JSONParser().parse(Array(welcomeText.utf8))["snapshot"]?["players"]?.arrayValue
            )
            for player in players {
                #expect(
                    Set(player.objectValue?.keys ?? []) == ["id", "name", "colour", "role", "standing", "online"]
                )
            }
            guard case .welcome(let annWelcome) = try TabletopProtocol.decodeServerMessage(welcomeText) else {
                Issue.record("the first message was not a welcome")
                return
            }

            try await gmSocket.command("c1", .createTokens(scene, [newToken(x: 300)]))
            guard case .ack(_, let created) = try await gmSocket.reply(to: "c1") else {
                Issue.record("creating a token was refused")
                return
            }
            let online = try await nextEvent(annSocket)
            #expect(online.sequence == annWelcome.sequence + 1)
            let seen = try await nextEvent(annSocket)
            #expect(seen.sequence == annWelcome.sequence + 2)
            #expect(seen.sequence == created)
            guard case .tokensCreated(let tokens) = seen.event, let token = tokens.first else {
                Issue.record("Ann did not see the token")
                return
            }
            try await gmSocket.command("c2", .moveTokens([TokenMove(tokenID: token.id, x: 350, y: 120)]))
            let moved = try await nextEvent(annSocket)
            #expect(moved.sequence == created + 1)
            #expect(
                moved.event
                    == .tokensUpdated([
                        Token(id: token.id, sceneID: scene, image: wolfImage, x: 350, y: 120, z: token.z)
                    ])
            )
            let metrics = String(buffer: try await server.get("/metrics").body)
            #expect(metrics.contains("sessionzero_game_sockets_open 2\n"))
            #expect(metrics.contains("sessionzero_game_sockets_opened_total 2\n"))
            try await gmSocket.close()
            try await annSocket.close()
        }
    }

    @Test("a client that reconnects with its last sequence gets exactly what it missed, then the live stream")
    func resume() async throws {
        try await withGame { server, port, gina in
            try await server.uploadWolf(headers: gina.headers)
            let (gm, ann) = try await server.seatGMAndAnn(gina: gina)
            let (gmSocket, gmWelcome) = try await open(port, as: gm)
            let scene = try snapshot(gmWelcome).activeSceneID

            let (first, _) = try await open(port, as: ann)
            let lastSeen = try await nextEvent(first).sequence  // Ann coming online
            try await first.close()

            for (index, x) in [100, 200, 300].enumerated() {
                try await gmSocket.command("m\(index)", .createTokens(scene, [newToken(x: x)]))
                _ = try await gmSocket.reply(to: "m\(index)")
            }
            let again = TestSocket(port: port, path: socketPath)
            try await again.hello(ann.credential, lastSequence: lastSeen)
            let welcome = try await again.welcome()
            let missed = events(welcome).map(\.sequence)
            #expect(missed == Array((lastSeen + 1)...welcome.sequence))
            #expect(events(welcome).filter { if case .tokensCreated = $0.event { true } else { false } }.count == 3)
            #expect(try await nextEvent(again).sequence == welcome.sequence + 1)
            try await again.close()
            try await gmSocket.close()
        }
    }

    @Test(
        "a client that stops reading is dropped once too much waits for it, without holding up the room",
        .timeLimit(.minutes(1))
    )
    func stalledReader() async throws {
        let rooms = RoomConfiguration(
            rateLimit: RateLimit(burst: 100_000, perSecond: 100_000),
            queueLimits: QueueLimits(maxCommitted: 8)
        )
        try await withGame(rooms: rooms) { server, port, gina in
            try await server.uploadWolf(headers: gina.headers)
            let (gm, ann) = try await server.seatGMAndAnn(gina: gina)
            let (gmSocket, gmWelcome) = try await open(port, as: gm)
            let scene = try snapshot(gmWelcome).activeSceneID
            let annID = PlayerID(ann.playerID)
            let hello = Hello(protocolVersion: TabletopProtocol.version, credential: ann.credential, lastSequence: nil)
            let stalled = try StalledSocket(port: port, path: socketPath, hello: TabletopProtocol.encode(.hello(hello)))
            let annOnline = try await gmSocket.next { message -> Bool? in
                guard case .event(_, .playerUpdated(let player)) = message, player.id == annID else { return nil }
                return player.online
            }
            #expect(annOnline)

            try await gmSocket.command("create", .createTokens(scene, (0..<100).map { newToken(x: $0) }))
            guard case .tokensCreated(let tokens) = try await nextEvent(gmSocket).event else {
                Issue.record("the GM did not see the tokens created")
                return
            }
            _ = try await gmSocket.reply(to: "create")
            // Each move of the hundred tokens is an event of several kilobytes for Ann, who reads none of them. The
            // moves go out a window at a time rather than one per round trip: how many it takes depends on how much
            // the kernel buffers for Ann, and a busy machine should not turn that into minutes.
            let window = 4
            var moves = 0
            var acknowledged = 0
            var annDropped = false
            while !annDropped || acknowledged < moves {
                while !annDropped && moves - acknowledged < window {
                    moves += 1
                    try await gmSocket.command(
                        "move\(moves)",
                        .moveTokens(tokens.map { TokenMove(tokenID: $0.id, x: moves, y: 9) })
                    )
                }
                switch try await gmSocket.next() {
                case .event(_, .playerUpdated(let player)) where player.id == annID && !player.online:
                    annDropped = true
                case .ack:
                    acknowledged += 1
                case .error(let error):
                    Issue.record("a move was refused: \(error)")
                    return
                case nil:
                    Issue.record("the GM's socket closed")
                    return
                default:
                    break
                }
            }
            #expect(moves > rooms.queueLimits.maxCommitted)
            withExtendedLifetime(stalled) {}

            let (again, welcome) = try await open(port, as: ann)
            #expect(try snapshot(welcome).tokens.map(\.x) == Array(repeating: moves, count: 100))
            try await again.close()
            try await gmSocket.close()
        }
    }

    @Test("a hidden token reaches the GM and never a player, live or in a snapshot")
    func hiddenTokens() async throws {
        try await withGame { server, port, gina in
            try await server.uploadWolf(headers: gina.headers)
            let (gm, ann) = try await server.seatGMAndAnn(gina: gina)
            let (gmSocket, gmWelcome) = try await open(port, as: gm)
            let scene = try snapshot(gmWelcome).activeSceneID
            let (annSocket, _) = try await open(port, as: ann)
            _ = try await nextEvent(annSocket)  // Ann coming online

            try await gmSocket.command("trap", .createTokens(scene, [newToken(x: 10, hidden: true)]))
            // A command's own events reach its sender before its ack (after the presence events before it).
            let gmSaw = try await gmSocket.next { message -> WireEvent? in
                guard case .event(let sequence, .tokensCreated(let tokens)) = message else { return nil }
                return WireEvent(sequence: sequence, event: .tokensCreated(tokens))
            }
            #expect(try await gmSocket.next() == .ack(clientID: "trap", sequence: gmSaw.sequence))
            try await gmSocket.command("wolf", .createTokens(scene, [newToken(x: 20)]))
            #expect(try await gmSocket.reply(to: "wolf").isAck)
            let annSaw = try await nextEvent(annSocket)
            #expect(annSaw.sequence == gmSaw.sequence + 1)
            guard case .tokensCreated(let tokens) = annSaw.event else {
                Issue.record("Ann's next event was \(annSaw.event)")
                return
            }
            #expect(tokens.map(\.x) == [20])
            try await annSocket.close()

            let later = TestSocket(port: port, path: socketPath)
            try await later.hello(ann.credential)
            #expect(try snapshot(try await later.welcome()).tokens.map(\.x) == [20])
            try await later.close()
            try await gmSocket.close()
        }
    }

    @Test("bad frames get errors and the socket stays open; commands before hello are refused")
    func badFrames() async throws {
        try await ScratchDatabase.sqlite.withLocation { location in
            try await withLiveServer(location: location, blobs: scratchBlobs()) { server, port in
                _ = try await server.createGame()
                let ann = try await server.join("gina/dark-forest", name: "Ann")
                let socket = TestSocket(port: port, path: socketPath)
                try await socket.command("early", .placeBeacon(x: 1, y: 1))
                #expect(
                    try await socket.next()
                        == .error(
                            ErrorReply(clientID: "early", error: .unauthorized("send hello with your credential first"))
                        )
                )
                try await socket.hello(ann.credential)
                _ = try await socket.welcome()
                try await socket.send("{not json")
                #expect(
                    try await socket.next { if case .error(let reply) = $0 { reply } else { nil } }.code == "invalid"
                )
                try await socket.send("{\"type\": \"token.move\", \"clientID\": \"c-1\"}")
                let missing = try await socket.next { if case .error(let reply) = $0 { reply } else { nil } }
                #expect(missing == ErrorReply(clientID: "c-1", error: .invalid(field: "moves", reason: "is required")))
                try await socket.send(
                    "{\"type\": \"beacon.place\", \"clientID\": \"big\", \"pad\": \""
                        + String(repeating: "x", count: 70_000) + "\"}"
                )
                let tooLarge = try await socket.next { if case .error(let reply) = $0 { reply } else { nil } }
                #expect(tooLarge.message.hasPrefix("frame: is 70"))
                try await socket.command("after", .placeBeacon(x: 5, y: 5))
                #expect(try await socket.reply(to: "after").isAck)
                try await socket.close()
            }
        }
    }

    @Test("a wrong credential, another protocol version and a kicked player are refused and disconnected")
    func refusals() async throws {
        try await withGame { server, port, gina in
            let (gm, ann) = try await server.seatGMAndAnn(gina: gina)

            let stranger = TestSocket(port: port, path: socketPath)
            try await stranger.hello("not-a-credential")
            #expect(
                try await stranger.next()
                    == .error(
                        ErrorReply(
                            clientID: nil,
                            error: .unauthorized("the credential is unknown or was replaced; join the game again")
                        )
                    )
            )
            #expect(try await stranger.isClosedByServer())

            let future = TestSocket(port: port, path: socketPath)
            try await future.hello(ann.credential, protocolVersion: 2)
            #expect(try await future.next() == .error(ErrorReply(clientID: nil, error: .unsupportedVersion(2))))
            #expect(try await future.isClosedByServer())

            let (gmSocket, _) = try await open(port, as: gm)
            let (annSocket, _) = try await open(port, as: ann)
            try await gmSocket.command("kick", .setStanding(PlayerID(ann.playerID), .kicked))
            #expect(try await gmSocket.reply(to: "kick").isAck)
            #expect(
                try await annSocket.next { if case .closed(let reason) = $0 { reason } else { nil } }
                    == CloseReason.removed
            )
            #expect(try await annSocket.isClosedByServer())

            let back = TestSocket(port: port, path: socketPath)
            try await back.hello(ann.credential)
            #expect(
                try await back.next { if case .error(let reply) = $0 { reply.code } else { nil } } == "forbidden"
            )
            #expect(try await back.isClosedByServer())
            let rejoin = try await server.post(
                "/api/v1/games/gina/dark-forest/join",
                json: "{\"name\": \"Ann\", \"colour\": \"#aa0000\"}"
            )
            try rejoin.expectProblem(.conflict, "name-taken")
            try await gmSocket.close()
        }
    }

    @Test("a socket the server closes over an oversized frame leaves the table: the others see the player go offline")
    func closedSocketGoesOffline() async throws {
        try await withGame { server, port, gina in
            let (gm, ann) = try await server.seatGMAndAnn(gina: gina)
            let (gmSocket, _) = try await open(port, as: gm)
            let (annSocket, _) = try await open(port, as: ann)
            func presence(_ online: Bool) async throws -> Bool {
                try await gmSocket.next { message -> Bool? in
                    guard case .event(_, .playerUpdated(let player)) = message, player.id.rawValue == ann.playerID,
                        player.online == online
                    else { return nil }
                    return true
                }
            }
            #expect(try await presence(true))
            // One frame past the socket's frame limit (four messages' worth): the WebSocket layer closes it.
            try? await annSocket.send(String(repeating: "x", count: 4 * TabletopProtocol.maxFrameBytes + 1))
            #expect(try await annSocket.isClosedByServer())
            #expect(try await presence(false))
            try await gmSocket.close()
        }
    }

    @Test("tokens, backgrounds and tracks may show only files the game holds; others are refused, naming the member")
    func filesMustBeHeld() async throws {
        try await withGame { server, port, gina in
            _ = try await server.post("/api/v1/games", json: #"{"slug": "other"}"#, headers: gina.headers)
            // On the server, but held by another game: naming it here would not keep it for this table.
            try await server.uploadWolf(into: "gina/other", headers: gina.headers)
            let gm = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
            let (socket, welcome) = try await open(port, as: gm)
            let scene = try snapshot(welcome).activeSceneID
            func refusal(_ clientID: String, _ field: String) -> ServerMessage {
                let reason = "is not a file of this game; upload it first"
                return .error(ErrorReply(clientID: clientID, error: .invalid(field: field, reason: reason)))
            }
            try await socket.command("t", .createTokens(scene, [newToken(x: 1), newToken(x: 2)]))
            #expect(try await socket.reply(to: "t") == refusal("t", "tokens/0/image"))
            try await socket.command("b", .updateScene(scene, SceneUpdate(background: .some(wolfImage))))
            #expect(try await socket.reply(to: "b") == refusal("b", "background"))
            try await socket.command("m", .music(slot: 0, .track(wolfImage)))
            #expect(try await socket.reply(to: "m") == refusal("m", "track"))

            try await server.uploadWolf(headers: gina.headers)
            try await socket.command("t2", .createTokens(scene, [newToken(x: 1)]))
            #expect(try await socket.reply(to: "t2").isAck)
            try await socket.command("b2", .updateScene(scene, SceneUpdate(background: .some(wolfImage))))
            #expect(try await socket.reply(to: "b2").isAck)
            try await socket.close()
        }
    }

    @Test(
        "acknowledged events are still there when a new server is built on the same database",
        arguments: ScratchDatabase.available
    )
    func durability(database: ScratchDatabase) async throws {
        try await database.withLocation { location in
            let blobs = scratchBlobs()
            try await withLiveServer(location: location, blobs: blobs) { server, port in
                let gina = try await server.createGame()
                try await server.uploadWolf(headers: gina.headers)
                let gm = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
                let (gmSocket, gmWelcome) = try await open(port, as: gm)
                let scene = try snapshot(gmWelcome).activeSceneID
                try await gmSocket.command("c1", .createTokens(scene, [newToken(x: 111), newToken(x: 222)]))
                #expect(try await gmSocket.reply(to: "c1").isAck)
                try await gmSocket.command("c2", .roll(formula: "1d6", private: false))
                guard case .ack(_, let acknowledged) = try await gmSocket.reply(to: "c2") else {
                    Issue.record("the roll was refused")
                    return
                }
                // A second server on the same database rebuilds the room from the snapshot and the stored events,
                // as after a crash: the first one has not snapshotted anything yet.
                try await withLiveServer(location: location, blobs: blobs) { _, secondPort in
                    let again = TestSocket(port: secondPort, path: socketPath)
                    try await again.hello(gm.credential)
                    let welcome = try await again.welcome()
                    #expect(welcome.sequence >= acknowledged)
                    let rebuilt = try snapshot(welcome)
                    #expect(rebuilt.tokens.map(\.x).sorted() == [111, 222])
                    #expect(rebuilt.rolls.count == 1)
                    try await again.close()
                }
                try await gmSocket.close()
            }
        }
    }
}

extension ServerMessage {
    var isAck: Bool {
        if case .ack = self { true } else { false }
    }
}
