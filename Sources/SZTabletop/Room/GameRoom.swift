public import SZDice

/// The settings of a room.
public struct RoomConfiguration: Equatable, Sendable {
    public var limits: TabletopLimits
    public var rateLimit: RateLimit
    /// A client that missed more events than this gets a snapshot instead of the events.
    public var maxCatchUpEvents: Int

    public init(
        limits: TabletopLimits = TabletopLimits(),
        rateLimit: RateLimit = RateLimit(),
        maxCatchUpEvents: Int = 500
    ) {
        self.limits = limits
        self.rateLimit = rateLimit
        self.maxCatchUpEvents = maxCatchUpEvents
    }
}

/// What a connection starts with: the welcome to send, then the stream of what follows.
public struct RoomConnection: Sendable {
    public var welcome: Welcome
    public var events: EventSubscription
}

/// One game's room. It handles one request at a time, in arrival order (commands, joins, connections): check,
/// apply to a copy of the state, store the events, keep the copy, publish. A request waits for the one before
/// it even across the log's and the bus's suspension points, so no two ever interleave.
public actor GameRoom {
    public nonisolated let gameID: GameID
    private var state: GameState
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
        self.log = log
        self.bus = bus
        self.ids = ids
        self.random = random
        self.clock = clock
        self.configuration = configuration
        limiter = RateLimiter(limit: configuration.rateLimit)
    }

    public var currentState: GameState { state }

    public func snapshot(for viewer: Viewer) -> GameSnapshot { state.snapshot(for: viewer) }

    /// Applies a command from `playerID` (whom the connection authenticated) and answers `ack` or `error`.
    public func perform(_ command: ClientCommand, by playerID: PlayerID) async -> ServerMessage {
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
            return .ack(clientID: command.clientID, sequence: try await commit(next, outcome))
        } catch {
            return .error(ErrorReply(clientID: command.clientID, error: error))
        }
    }

    /// Seats a new player; the caller hands them their credential.
    public func join(
        name: String,
        colour: PlayerColour,
        role: PlayerRole,
        userID: UserID? = nil
    ) async throws(RoomError) -> PlayerInfo {
        await enter()
        defer { leave() }
        let player = Player(id: PlayerID(ids.next()), name: name, colour: colour, role: role, userID: userID)
        let (next, outcome) = try state.joining(player, limits: configuration.limits)
        try await commit(next, outcome)
        return next.players.last?.info ?? player.info
    }

    /// Opens a connection for an authenticated player. With `lastSequence` the welcome carries exactly the
    /// events missed since then, or a snapshot when they are too many or no longer stored; the stream then
    /// continues right after the welcome's sequence.
    public func connect(_ playerID: PlayerID, lastSequence: Int64? = nil) async throws(RoomError) -> RoomConnection {
        await enter()
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
        await commitPresence(of: playerID)
        return RoomConnection(welcome: welcome, events: events)
    }

    /// Ends one connection of the player (the caller cancels its subscription).
    public func disconnect(_ playerID: PlayerID) async {
        await enter()
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
    /// sequence number of the last event (the current one when there is none).
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
        await bus.publish(EventBatch(game: gameID, committed: events, ephemeral: outcome.ephemeral))
        return sequence
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
