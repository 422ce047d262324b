public import SZDice
import Synchronization

/// The settings of a room.
public struct RoomConfiguration: Equatable, Sendable {
    public var limits: TabletopLimits
    public var rateLimit: RateLimit
    /// A client that missed more events than this gets a snapshot instead of the events.
    public var maxCatchUpEvents: Int
    /// How far each connection may fall behind (see `SubscriberQueue`).
    public var queueLimits: QueueLimits

    public init(
        limits: TabletopLimits = TabletopLimits(),
        rateLimit: RateLimit = RateLimit(),
        maxCatchUpEvents: Int = 500,
        queueLimits: QueueLimits = QueueLimits()
    ) {
        self.limits = limits
        self.rateLimit = rateLimit
        self.maxCatchUpEvents = maxCatchUpEvents
        self.queueLimits = queueLimits
    }
}

/// What a connection starts with: the welcome to send, then the stream of what follows.
public struct RoomConnection: Sendable {
    public var welcome: Welcome
    public var events: EventSubscription
    /// The player's coming online, applied and waiting to be stored with the next append; whoever opened the
    /// connection with `admitConnection` stores it with `GameRoom.reply(to:)` once the welcome is on its way.
    public var presence: CommandAdmission
}

/// One game's room. It checks and applies one request at a time, in arrival order (commands, joins,
/// connections). Commands are pipelined: each is applied to the room's state at once, and the commands that
/// arrive while the log is storing earlier ones are stored together in the next append, so a game is not
/// limited to one command per disk commit. A command is acknowledged and its events published only once its
/// append returned; when an append fails, its commands and every command applied after them fail with
/// `unavailable` and the state goes back to what is stored. Joins and connections wait until nothing is
/// pending, so a welcome never holds an event that is not stored.
public actor GameRoom {
    public nonisolated let gameID: GameID
    /// The state with every command applied, stored or not.
    private var state: GameState
    /// The state as stored: `state` without the pending commands.
    private var stored: GameState
    /// Commands applied but not yet stored, in order.
    private var pending: [PendingCommand] = []
    /// An append of pending commands is under way; while it is, new commands join `pending`.
    private var appending = false
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    private let log: any GameEventLog
    private let bus: any EventBus
    private var ids: any IdentifierSource
    private var random: any DiceRandomSource
    private let clock: any RoomClock
    private let configuration: RoomConfiguration
    private var limiter: RateLimiter
    private var connections: [PlayerID: Int] = [:]
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// `state` is the game as stored, its `sequence` the last event in `log`. Presence starts over: nobody is
    /// online until they connect to this room. Dice come from `random`, the system's cryptographic generator
    /// unless a test injects its own.
    public init(
        state: GameState,
        log: any GameEventLog,
        bus: any EventBus,
        ids: any IdentifierSource = RandomIdentifiers(),
        random: sending any DiceRandomSource = SystemDiceRandomSource(),
        clock: any RoomClock = SystemRoomClock(),
        configuration: RoomConfiguration = RoomConfiguration()
    ) {
        var state = state
        for index in state.players.indices { state.players[index].online = false }
        gameID = state.game.id
        self.state = state
        stored = state
        self.log = log
        self.bus = bus
        self.ids = ids
        self.random = random
        self.clock = clock
        self.configuration = configuration
        limiter = RateLimiter(limit: configuration.rateLimit)
    }

    /// The game as stored.
    public var currentState: GameState { stored }

    /// How many commands wait behind the append under way (tests use it to know they queued).
    var pendingCommandCount: Int { pending.count }

    public func snapshot(for viewer: Viewer) -> GameSnapshot { stored.snapshot(for: viewer) }

    /// Applies a command from `playerID` (whom the connection authenticated) and answers `ack` or `error` once
    /// its events are stored.
    public func perform(_ command: ClientCommand, by playerID: PlayerID) async -> ServerMessage {
        await reply(to: await admit(command, by: playerID))
    }

    /// Checks and applies a command at once, in arrival order; its events are stored with the next append.
    /// A connection may admit its next command before the reply to this one (`reply(to:)`), so one client's
    /// commands are pipelined too, and still applied and answered in the order they came.
    public func admit(_ command: ClientCommand, by playerID: PlayerID) async -> CommandAdmission {
        await enter()
        defer { leave() }
        do {
            try limiter.admit(playerID, at: clock.milliseconds())
            let (next, outcome) = try state.applying(
                command.command,
                by: playerID,
                limits: configuration.limits,
                ids: &ids,
                random: &random
            )
            return .storing(admitApplied(next, outcome, clientID: command.clientID))
        } catch {
            return .answered(.error(ErrorReply(clientID: command.clientID, error: error)))
        }
    }

    /// Keeps an applied change and queues its events for the next append.
    private func admitApplied(_ next: GameState, _ outcome: CommandOutcome, clientID: String) -> CommandReceipt {
        let entry = PendingCommand(outcome, after: state.sequence, clientID: clientID)
        state = next
        state.sequence = entry.sequence
        pending.append(entry)
        return entry.receipt
    }

    /// The ack or error of an admitted command, once its events are stored (or failed to be). The first caller
    /// to find no append under way stores every pending command in one append.
    public func reply(to admission: CommandAdmission) async -> ServerMessage {
        let receipt: CommandReceipt
        switch admission {
        case .answered(let message): return message
        case .storing(let storing): receipt = storing
        }
        if receipt.result == nil {
            if appending, case .lead = await withCheckedContinuation({ receipt.wait($0) }) {
                await appendPending()
            } else if !appending {
                await appendPending()
            }
        }
        switch receipt.result {
        case .success(let sequence)?: return .ack(clientID: receipt.clientID, sequence: sequence)
        case .failure(let error)?: return .error(ErrorReply(clientID: receipt.clientID, error: error))
        case nil: return .error(ErrorReply(clientID: receipt.clientID, error: Self.notSaved))
        }
    }

    private static let notSaved = RoomError.unavailable(
        "the change could not be saved and was not made; send it again"
    )

    /// Stores every pending command in one append and answers them, then hands the next append to a command
    /// whose connection waits for it (or leaves it to the next caller of `reply(to:)` or `enterDrained`).
    private func appendPending() async {
        appending = true
        let batch = pending
        pending = []
        let head = state
        do {
            let events = batch.flatMap(\.events)
            if !events.isEmpty { try await log.append(events, to: gameID) }
            stored = head
            await bus.publish(
                batch.map { EventBatch(game: gameID, committed: $0.events, ephemeral: $0.ephemeral) }
            )
            for entry in batch { entry.receipt.finish(.success(entry.sequence)) }
        } catch {
            // Commands applied after the failed ones built on them, so they fail too.
            for entry in batch + pending { entry.receipt.finish(.failure(Self.notSaved)) }
            pending = []
            state = stored
        }
        if let leader = pending.first(where: \.receipt.isWaiting) {
            leader.receipt.lead()
        } else {
            appending = false
            for waiter in drainWaiters { waiter.resume() }
            drainWaiters = []
        }
    }

    /// Seats a new player; the caller hands them their credential.
    public func join(
        name: String,
        colour: PlayerColour,
        role: PlayerRole,
        userID: UserID? = nil
    ) async throws(RoomError) -> PlayerInfo {
        await enterDrained()
        defer { leave() }
        let player = Player(id: PlayerID(ids.next()), name: name, colour: colour, role: role, userID: userID)
        let (next, outcome) = try state.joining(player, limits: configuration.limits)
        try await commit(next, outcome)
        return next.players.last?.info ?? player.info
    }

    /// Tells everyone at the table that the game's session sheet changed, in sequence with the other events; the
    /// sheet itself is stored by the caller, before.
    public func announceSessionChange() async throws(RoomError) {
        await enterDrained()
        defer { leave() }
        try await commit(state, CommandOutcome(committed: [Published(.sessionChanged, to: .everyone)]))
    }

    /// Opens a connection for an authenticated player, its presence stored before this returns. With
    /// `lastSequence` the welcome carries exactly the events missed since then, or a snapshot when they are too
    /// many or no longer stored; the stream then continues right after the welcome's sequence.
    public func connect(_ playerID: PlayerID, lastSequence: Int64? = nil) async throws(RoomError) -> RoomConnection {
        let connection = try await admitConnection(playerID, lastSequence: lastSequence)
        _ = await reply(to: connection.presence)
        return connection
    }

    /// Opens a connection like `connect`, but leaves its presence to be stored by the caller (`reply(to:)` with
    /// `presence`), so that the welcome does not wait for a disk commit.
    public func admitConnection(
        _ playerID: PlayerID,
        lastSequence: Int64? = nil
    ) async throws(RoomError) -> RoomConnection {
        await enterDrained()
        defer { leave() }
        let player = try state.activeSender(playerID)
        let viewer = Viewer(playerID: player.id, role: player.role)
        let events = await bus.subscribe(to: gameID, as: viewer)
        let welcome = Welcome(
            playerID: player.id,
            sequence: state.sequence,
            catchUp: await catchUp(for: viewer, after: lastSequence)
        )
        connections[playerID, default: 0] += 1
        let (next, outcome) = state.settingOnline(true, for: playerID)
        let presence = admitApplied(next, outcome, clientID: "")
        return RoomConnection(welcome: welcome, events: events, presence: .storing(presence))
    }

    /// Ends one connection of the player (the caller cancels its subscription).
    public func disconnect(_ playerID: PlayerID) async {
        await enterDrained()
        defer { leave() }
        connections[playerID] = max(0, connections[playerID, default: 0] - 1)
        await commitPresence(of: playerID)
    }

    private func catchUp(for viewer: Viewer, after lastSequence: Int64?) async -> CatchUp {
        let snapshot = CatchUp.snapshot(state.snapshot(for: viewer))
        guard let last = lastSequence, (0...state.sequence).contains(last) else { return snapshot }
        guard last < state.sequence else { return .events([]) }
        let missed = try? await log.events(of: gameID, after: last, limit: configuration.maxCatchUpEvents)
        guard let missed, missed.first?.sequence == last + 1, missed.last?.sequence == state.sequence else {
            return snapshot
        }
        return .events(
            missed.filter { $0.audience.includes(viewer) }.map { WireEvent(sequence: $0.sequence, event: $0.event) }
        )
    }

    /// Presence follows the connection count; it is not worth refusing a connection over, so a log failure
    /// here only leaves the flag as it was.
    private func commitPresence(of playerID: PlayerID) async {
        let online = connections[playerID, default: 0] > 0 && state.player(playerID)?.standing == .active
        let (next, outcome) = state.settingOnline(online, for: playerID)
        _ = try? await commit(next, outcome)
    }

    /// Stores the outcome's events with the next sequence numbers, keeps `next`, and publishes; returns the
    /// sequence number of the last event (the current one when there is none). Only with nothing pending.
    @discardableResult
    private func commit(_ next: GameState, _ outcome: CommandOutcome) async throws(RoomError) -> Int64 {
        var sequence = state.sequence
        let events = outcome.committed.map { published in
            sequence += 1
            return SequencedEvent(sequence: sequence, audience: published.audience, event: published.event)
        }
        if !events.isEmpty {
            do {
                try await log.append(events, to: gameID)
            } catch {
                throw .unavailable("the change could not be saved and was not made; send it again")
            }
        }
        state = next
        state.sequence = sequence
        stored = state
        await bus.publish([EventBatch(game: gameID, committed: events, ephemeral: outcome.ephemeral)])
        return sequence
    }

    /// Enters once every pending command is stored (or failed): new commands wait behind the caller meanwhile.
    /// Commands whose connections have not asked for their reply yet are stored here.
    private func enterDrained() async {
        await enter()
        while appending || !pending.isEmpty {
            if appending {
                await withCheckedContinuation { drainWaiters.append($0) }
            } else {
                await appendPending()
            }
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// What the room made of a command: refused at once, or applied and being stored.
public enum CommandAdmission: Sendable {
    /// Refused (invalid, not allowed, over the rate limit): the error reply.
    case answered(ServerMessage)
    /// Applied; `GameRoom.reply(to:)` answers once its events are stored.
    case storing(CommandReceipt)
}

/// An applied command waiting for its append. The room sets the result; the connection waiting for the reply
/// is resumed with it, or with the turn to store the pending commands itself.
public final class CommandReceipt: Sendable {
    enum Turn {
        case done
        /// The append before finished and hands over: this command stores itself and those behind it.
        case lead
    }

    private enum State {
        case storing
        case waiting(CheckedContinuation<Turn, Never>)
        case stored(Result<Int64, RoomError>)
    }

    let clientID: String
    private let state = Mutex(State.storing)

    init(clientID: String) {
        self.clientID = clientID
    }

    var result: Result<Int64, RoomError>? {
        state.withLock { if case .stored(let result) = $0 { result } else { nil } }
    }

    var isWaiting: Bool {
        state.withLock { if case .waiting = $0 { true } else { false } }
    }

    func wait(_ continuation: CheckedContinuation<Turn, Never>) {
        state.withLock { $0 = .waiting(continuation) }
    }

    func finish(_ result: Result<Int64, RoomError>) {
        resume(with: .done, after: { $0 = .stored(result) })
    }

    func lead() {
        resume(with: .lead, after: { $0 = .storing })
    }

    private func resume(with turn: Turn, after change: (inout State) -> Void) {
        let waiting = state.withLock { state -> CheckedContinuation<Turn, Never>? in
            defer { change(&state) }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiting?.resume(returning: turn)
    }
}

/// A command applied to the room's state whose events wait to be stored.
private struct PendingCommand {
    var events: [SequencedEvent]
    var ephemeral: [Published<EphemeralEvent>]
    /// The sequence number of the command's last event, or the one before it when it has none: its ack.
    var sequence: Int64
    let receipt: CommandReceipt

    init(_ outcome: CommandOutcome, after sequence: Int64, clientID: String) {
        var next = sequence
        events = outcome.committed.map { published in
            next += 1
            return SequencedEvent(sequence: next, audience: published.audience, event: published.event)
        }
        ephemeral = outcome.ephemeral
        self.sequence = next
        receipt = CommandReceipt(clientID: clientID)
    }
}
