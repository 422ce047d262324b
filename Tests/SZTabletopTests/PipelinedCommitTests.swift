import HashTreeCollections
import Synchronization
import Testing

@testable import SZTabletop

/// A log whose appends wait until the test opens the gate, and which remembers how many events each append held.
final class GatedEventLog: GameEventLog {
    private struct State {
        var closed = false
        var fails = false
        var waiting: [CheckedContinuation<Void, Never>] = []
        var appends: [Int] = []
    }

    private let state = Mutex(State())
    private let stored = InMemoryGameEventLog()

    var appendSizes: [Int] { state.withLock { $0.appends } }
    var blockedAppends: Int { state.withLock { $0.waiting.count } }

    func close() { state.withLock { $0.closed = true } }

    /// Lets the waiting appends go on; with `failing`, they and later appends fail.
    func open(failing: Bool = false) {
        let waiting = state.withLock { state in
            state.closed = false
            state.fails = failing
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    func append(_ events: [SequencedEvent], to game: GameID) async throws {
        await withCheckedContinuation { continuation in
            let wait = state.withLock { state in
                if state.closed { state.waiting.append(continuation) }
                return state.closed
            }
            if !wait { continuation.resume() }
        }
        if state.withLock({ $0.fails }) { throw FailingEventLog.DiskFull() }
        state.withLock { $0.appends.append(events.count) }
        try await stored.append(events, to: game)
    }

    func events(of game: GameID, after sequence: Int64, limit: Int) async throws -> [SequencedEvent] {
        await stored.events(of: game, after: sequence, limit: limit)
    }
}

@Suite("The room pipelines commands: those that arrive during an append are stored together in the next")
struct PipelinedCommitTests {
    let ann = PlayerID("ann")
    let gm = PlayerID("gm")

    func makeRoom(_ log: GatedEventLog, bus: InProcessEventBus = InProcessEventBus()) -> GameRoom {
        GameRoom(
            state: tableState(),
            log: log,
            bus: bus,
            ids: SequentialIdentifiers(),
            random: FixedDice(),
            clock: ManualClock()
        )
    }

    func move(_ clientID: String, x: Int) -> ClientCommand {
        ClientCommand(clientID: clientID, command: .moveTokens([TokenMove(tokenID: TokenID("ann-token"), x: x, y: 1)]))
    }

    /// A room whose log holds every append until the test opens it, and `viewer`'s stream of its events.
    func gatedRoom(watchedBy viewer: Viewer) -> (log: GatedEventLog, room: GameRoom, events: EventSubscription) {
        let log = GatedEventLog()
        let bus = InProcessEventBus()
        let room = makeRoom(log, bus: bus)
        let events = bus.subscribe(to: GameID("g1"), as: viewer)
        log.close()
        return (log, room, events)
    }

    /// Waits until the room holds `count` commands behind the append under way.
    func waitForPending(_ room: GameRoom, _ count: Int) async {
        while await room.pendingCommandCount < count { await Task.yield() }
    }

    @Test("three commands during one append: one more append for all three, acks and events only after it")
    func batched() async throws {
        let (log, room, stream) = gatedRoom(watchedBy: Viewer(playerID: gm, role: .gm))
        let first = Task { await room.perform(move("a", x: 10), by: ann) }
        while log.blockedAppends == 0 { await Task.yield() }
        let others = (1...3).map { index in Task { await room.perform(move("b\(index)", x: 10 + index), by: ann) } }
        await waitForPending(room, 3)
        #expect(stream.takeAvailable().isEmpty)
        #expect(await room.currentState.sequence == 0)
        log.open()
        #expect(await first.value == .ack(clientID: "a", sequence: 1))
        var acks: [Int64] = []
        for task in others {
            if case .ack(_, let sequence) = await task.value { acks.append(sequence) }
        }
        #expect(acks.sorted() == [2, 3, 4])
        #expect(log.appendSizes == [1, 3])
        #expect(stream.takeAvailable().count == 4)
        #expect(await room.currentState.sequence == 4)
    }

    @Test("when an append fails, the commands applied after it fail too and the state is what was stored")
    func failedBatch() async throws {
        let log = GatedEventLog()
        let room = makeRoom(log)
        log.close()
        let first = Task { await room.perform(move("a", x: 10), by: ann) }
        while log.blockedAppends == 0 { await Task.yield() }
        let second = Task { await room.perform(move("b", x: 20), by: ann) }
        await waitForPending(room, 1)
        log.open(failing: true)
        #expect(await first.value.isError(code: "unavailable"))
        #expect(await second.value.isError(code: "unavailable"))
        #expect(await room.currentState == makeRoom(GatedEventLog()).currentState)
        log.open()
        #expect(await room.perform(move("c", x: 30), by: ann) == .ack(clientID: "c", sequence: 1))
    }

    @Test("a connection waits until the pending commands are stored, so its welcome holds only stored events")
    func connectionWaitsForPending() async throws {
        let log = GatedEventLog()
        let room = makeRoom(log)
        log.close()
        let moving = Task { await room.perform(move("a", x: 10), by: ann) }
        while log.blockedAppends == 0 { await Task.yield() }
        let connection = Task { try await room.connect(gm).welcome.sequence }
        log.open()
        #expect(await moving.value == .ack(clientID: "a", sequence: 1))
        // The welcome comes after the move and the GM's own presence event.
        #expect(try await connection.value == 1)
    }

    @Test("one connection admits its next commands before the first is stored: applied and answered in order")
    func oneConnectionPipelines() async throws {
        let log = GatedEventLog()
        let room = makeRoom(log)
        log.close()
        var admissions: [CommandAdmission] = []
        for (index, x) in [10, 20, 30].enumerated() {
            admissions.append(await room.admit(move("m\(index)", x: x), by: ann))
        }
        let unknownToken = Command.moveTokens([TokenMove(tokenID: TokenID("nope"), x: 1, y: 1)])
        let refused = await room.admit(ClientCommand(clientID: "bad", command: unknownToken), by: ann)
        let first = admissions[0]
        let firstReply = Task { await room.reply(to: first) }
        while log.blockedAppends == 0 { await Task.yield() }
        #expect(log.appendSizes.isEmpty)
        log.open()
        #expect(await firstReply.value == .ack(clientID: "m0", sequence: 1))
        #expect(await room.reply(to: admissions[1]) == .ack(clientID: "m1", sequence: 2))
        #expect(await room.reply(to: admissions[2]) == .ack(clientID: "m2", sequence: 3))
        #expect(await room.reply(to: refused).isError(code: "notFound"))
        // All three were pending when the first reply was asked for, so one append stored them.
        #expect(log.appendSizes == [3])
        let token = await room.currentState.tokens[TokenID("ann-token")]
        #expect(token?.x == 30)
    }

    @Test("a welcome does not wait for the disk: the player's coming online is stored after it, then published")
    func welcomeBeforePresenceIsStored() async throws {
        let (log, room, table) = gatedRoom(watchedBy: Viewer(playerID: ann, role: .player))
        let connection = try await room.admitConnection(gm)
        #expect(connection.welcome.sequence == 0)
        #expect(log.blockedAppends == 0 && table.takeAvailable().isEmpty)
        let presence = Task { await room.reply(to: connection.presence) }
        while log.blockedAppends == 0 { await Task.yield() }
        #expect(table.takeAvailable().isEmpty)
        log.open()
        #expect(await presence.value == .ack(clientID: "", sequence: 1))
        guard case .event(let online)? = table.takeAvailable().first, case .playerUpdated(let gm) = online.event else {
            Issue.record("the table was not told that the GM came online")
            return
        }
        #expect(gm.online && online.sequence == 1)
        #expect(connection.events.takeAvailable().map(\.message) == [.event(sequence: 1, online.event)])
    }

    @Test("commands nobody asked the reply of are stored before a new connection is welcomed")
    func unclaimedCommandsAreStored() async throws {
        let log = GatedEventLog()
        let room = makeRoom(log)
        _ = await room.admit(move("gone", x: 40), by: ann)
        #expect(await room.pendingCommandCount == 1)
        let welcome = try await room.connect(gm).welcome
        #expect(welcome.sequence == 1)  // the move; the GM coming online follows the welcome
        #expect(log.appendSizes == [1, 1])
    }
}
