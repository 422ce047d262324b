import SZTabletop
import Testing

@Suite("The room: order, sequence numbers, resumption")
struct GameRoomTests {
    let gm = PlayerID("gm")
    let ann = PlayerID("ann")

    func makeRoom(
        log: any GameEventLog = InMemoryGameEventLog(),
        bus: InProcessEventBus = InProcessEventBus(),
        clock: ManualClock = ManualClock(),
        configuration: RoomConfiguration = RoomConfiguration()
    ) -> GameRoom {
        GameRoom(
            state: tableState(),
            log: log,
            bus: bus,
            ids: SequentialIdentifiers(),
            random: FixedDice(),
            clock: clock,
            configuration: configuration
        )
    }

    func move(_ clientID: String, x: Int) -> ClientCommand {
        ClientCommand(clientID: clientID, command: .moveTokens([TokenMove(tokenID: TokenID("ann-token"), x: x, y: 1)]))
    }

    func sequences(_ deliveries: [Delivery]) -> [Int64] {
        deliveries.compactMap { if case .event(let event) = $0 { event.sequence } else { nil } }
    }

    @Test("commands are acknowledged with the sequence of their event; subscribers get every event once, in order")
    func sequenceNumbers() async throws {
        let room = makeRoom()
        let gmStream = try await room.connect(gm).events
        let annStream = try await room.connect(ann).events
        #expect(await room.perform(move("a", x: 10), by: ann) == .ack(clientID: "a", sequence: 3))
        #expect(await room.perform(move("b", x: 20), by: ann) == .ack(clientID: "b", sequence: 4))
        #expect(await room.perform(move("c", x: 30), by: PlayerID("bob")).isError(code: "forbidden"))
        #expect(sequences(gmStream.takeAvailable()) == [1, 2, 3, 4])  // 1 and 2: the GM and Ann coming online
        #expect(sequences(annStream.takeAvailable()) == [2, 3, 4])
        #expect(await room.currentState.sequence == 4)
    }

    @Test("commands sent at once are applied one at a time: one event each, numbered without gaps or repeats")
    func concurrentCommands() async throws {
        let room = makeRoom(configuration: RoomConfiguration(rateLimit: RateLimit(burst: 100, perSecond: 1)))
        let stream = try await room.connect(gm).events
        let replies = await withTaskGroup(of: ServerMessage.self) { group in
            for index in 1...40 {
                group.addTask { await room.perform(move("m\(index)", x: index), by: PlayerID("ann")) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let acked = replies.compactMap { reply -> Int64? in
            if case .ack(_, let sequence) = reply { return sequence }
            return nil
        }
        #expect(acked.sorted() == Array(2...41))
        #expect(sequences(stream.takeAvailable()) == Array(1...41))
    }

    @Test("a command that cannot be stored changes nothing and is reported as unavailable")
    func unsavedCommand() async throws {
        let bus = InProcessEventBus()
        let room = makeRoom(log: FailingEventLog(), bus: bus)
        let stream = bus.subscribe(to: GameID("g1"), as: Viewer(playerID: gm, role: .gm))
        let reply = await room.perform(move("a", x: 10), by: ann)
        #expect(
            reply
                == .error(
                    ErrorReply(
                        clientID: "a",
                        error: .unavailable("the change could not be saved and was not made; send it again")
                    )
                )
        )
        #expect(await room.currentState == GameRoom(state: tableState(), log: FailingEventLog(), bus: bus).currentState)
        #expect(stream.takeAvailable().isEmpty)
    }

    @Test("resuming returns exactly the missed events the viewer may see")
    func resume() async throws {
        let room = makeRoom()
        _ = await room.perform(move("a", x: 10), by: ann)  // 1
        let hide = ClientCommand(
            clientID: "h",
            command: .moveTokens([TokenMove(tokenID: TokenID("hidden-token"), x: 5, y: 5)])
        )
        _ = await room.perform(hide, by: gm)  // 2, GMs only
        _ = await room.perform(move("b", x: 20), by: ann)  // 3
        let welcome = try await room.connect(ann, lastSequence: 1).welcome
        #expect(welcome.sequence == 3)
        guard case .events(let missed) = welcome.catchUp else {
            Issue.record("expected events, got \(welcome.catchUp)")
            return
        }
        #expect(missed.map(\.sequence) == [3])
        let gmWelcome = try await room.connect(gm, lastSequence: 1).welcome
        guard case .events(let gmMissed) = gmWelcome.catchUp else {
            Issue.record("expected events")
            return
        }
        #expect(gmMissed.map(\.sequence) == [2, 3, 4])  // 4: Ann came online
        let upToDate = try await room.connect(ann, lastSequence: 5).welcome
        #expect(upToDate.catchUp == .events([]))
    }

    @Test(
        "a snapshot instead when the gap is too large, too old, or from the future",
        arguments: [nil, -1, 0, 99] as [Int64?]
    )
    func resumeWithSnapshot(lastSequence: Int64?) async throws {
        let room = makeRoom(
            log: InMemoryGameEventLog(retention: 2),
            configuration: RoomConfiguration(maxCatchUpEvents: 3)
        )
        for index in 1...5 { _ = await room.perform(move("m\(index)", x: index), by: ann) }
        let welcome = try await room.connect(ann, lastSequence: lastSequence).welcome
        guard case .snapshot(let snapshot) = welcome.catchUp else {
            Issue.record("expected a snapshot, got \(welcome.catchUp)")
            return
        }
        #expect(snapshot.sequence == 5)
        #expect(snapshot.tokens.first { $0.id == TokenID("ann-token") }?.x == 5)
    }

    @Test("gap larger than the catch-up limit gets a snapshot though the log has every event")
    func resumeTooFarBehind() async throws {
        let room = makeRoom(configuration: RoomConfiguration(maxCatchUpEvents: 2))
        for index in 1...4 { _ = await room.perform(move("m\(index)", x: index), by: ann) }
        let behind = try await room.connect(ann, lastSequence: 1).welcome
        guard case .snapshot(let snapshot) = behind.catchUp else {
            Issue.record("expected a snapshot, got \(behind.catchUp)")
            return
        }
        #expect(snapshot.sequence == 4)
        let close = try await room.connect(ann, lastSequence: 3).welcome  // missed 4 and 5 (Ann came online)
        #expect(close.catchUp.missedSequences == [4, 5])
    }

    @Test("rate limit: a burst, then one command per refill interval")
    func rateLimit() async {
        let clock = ManualClock()
        let room = makeRoom(
            clock: clock,
            configuration: RoomConfiguration(rateLimit: RateLimit(burst: 2, perSecond: 4))
        )
        #expect(await !room.perform(move("1", x: 1), by: ann).isError(code: "rateLimited"))
        #expect(await !room.perform(move("2", x: 2), by: ann).isError(code: "rateLimited"))
        #expect(
            await room.perform(move("3", x: 3), by: ann)
                == .error(ErrorReply(clientID: "3", error: .rateLimited(retryAfterMilliseconds: 250)))
        )
        #expect(await !room.perform(move("4", x: 4), by: gm).isError(code: "rateLimited"))
        clock.advance(by: 250)
        #expect(await room.perform(move("5", x: 5), by: ann) == .ack(clientID: "5", sequence: 4))
    }

    @Test("a kicked player's stream ends, their commands and connections are refused")
    func kick() async throws {
        let room = makeRoom()
        let stream = try await room.connect(ann).events
        _ = stream.takeAvailable()
        let kick = ClientCommand(clientID: "k", command: .setStanding(ann, .kicked))
        #expect(await room.perform(kick, by: gm) == .ack(clientID: "k", sequence: 2))
        var received: [Delivery] = []
        for await delivery in stream { received.append(delivery) }
        #expect(received.count == 2)
        #expect(received.last == .closed(.removed))
        #expect(
            await room.perform(move("a", x: 1), by: ann)
                == .error(ErrorReply(clientID: "a", error: .forbidden("you were kicked from this game")))
        )
        await #expect(throws: RoomError.forbidden("you were kicked from this game")) { try await room.connect(ann) }
    }

    @Test("presence follows connections")
    func presence() async throws {
        let room = makeRoom()
        _ = try await room.connect(ann)
        _ = try await room.connect(ann)
        #expect(await room.currentState.player(ann)?.online == true)
        await room.disconnect(ann)
        #expect(await room.currentState.player(ann)?.online == true)
        await room.disconnect(ann)
        #expect(await room.currentState.player(ann)?.online == false)
        #expect(await room.currentState.sequence == 2)
    }

    @Test("joining seats a player with a fresh id")
    func join() async throws {
        let room = makeRoom()
        let zed = try await room.join(name: "Zed", colour: .of("#abcdef"), role: .player)
        #expect(zed.id == PlayerID("new-1"))
        await #expect(throws: RoomError.conflict("the name \"zed\" is already taken in this game")) {
            try await room.join(name: "zed", colour: .of("#abcdef"), role: .spectator)
        }
    }
}

extension CatchUp {
    var missedSequences: [Int64]? {
        if case .events(let events) = self { return events.map(\.sequence) }
        return nil
    }
}

extension ServerMessage {
    func isError(code: String) -> Bool {
        if case .error(let reply) = self { return reply.code == code }
        return false
    }
}

@Suite("The room announces session sheet changes")
struct SessionChangeTests {
    @Test("everyone at the table gets session.changed in sequence; replaying it changes nothing")
    func announced() async throws {
        let log = InMemoryGameEventLog()
        let room = GameRoom(
            state: tableState(),
            log: log,
            bus: InProcessEventBus(),
            ids: SequentialIdentifiers(),
            random: FixedDice(),
            clock: ManualClock()
        )
        let gmStream = try await room.connect(PlayerID("gm")).events
        let annStream = try await room.connect(PlayerID("ann")).events
        let before = await room.currentState
        try await room.announceSessionChange()
        for stream in [gmStream, annStream] {
            guard case .event(let event) = stream.takeAvailable().last else {
                Issue.record("a connection got no event")
                continue
            }
            #expect(event.sequence == before.sequence + 1)
            #expect(event.event == .sessionChanged)
            let wire = TabletopProtocol.encode(.event(sequence: event.sequence, event.event))
            #expect(wire.contains(#""type":"session.changed""#), "\(wire)")
        }
        let stored = await log.events(of: before.game.id, after: before.sequence, limit: 10)
        #expect(stored.map(\.event) == [.sessionChanged])
        let replayed = before.replaying(stored)
        #expect(replayed.sequence == before.sequence + 1)
        #expect(
            replayed.scenes == before.scenes && replayed.tokens == before.tokens && replayed.players == before.players
        )
    }
}
