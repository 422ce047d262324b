public import Foundation
public import Logging
public import SZStore
public import SZTabletop
public import ServiceLifecycle

/// The rooms of the games being played on this server, loaded on demand from the latest snapshot and the
/// events after it. As a service it snapshots busy rooms now and then and once more at shutdown, so a restart
/// replays few events.
public actor GameRegistry: Service {
    private let store: Store
    private let bus: InProcessEventBus
    private let configuration: RoomConfiguration
    private let snapshotInterval: Duration
    private let logger: Logger
    /// A load in progress is shared: two first connections to one game must get the same room.
    private var rooms: [UUID: Task<GameRoom, any Error>] = [:]
    private var snapshotted: [UUID: Int64] = [:]
    private var streams: [UUID: [EventSubscription]] = [:]

    public init(
        store: Store,
        configuration: RoomConfiguration = RoomConfiguration(),
        snapshotInterval: Duration = .seconds(60),
        logger: Logger = Logger(label: "sessionzero.games")
    ) {
        self.store = store
        bus = InProcessEventBus(limits: configuration.queueLimits)
        self.configuration = configuration
        self.snapshotInterval = snapshotInterval
        self.logger = logger
    }

    /// The game's room, loading it when it is not in memory yet.
    public func room(for gameID: UUID) async throws -> GameRoom {
        if let loading = rooms[gameID] { return try await loading.value }
        let loading = Task { [store, bus, configuration] in
            try await Self.load(gameID, store: store, bus: bus, configuration: configuration)
        }
        rooms[gameID] = loading
        do {
            return try await loading.value
        } catch {
            rooms[gameID] = nil
            throw error
        }
    }

    /// The game's state now: its room's when it is loaded, else rebuilt from storage without loading a room (the
    /// dashboard asks this of every listed game, most of which nobody plays).
    func currentState(of gameID: UUID) async throws -> GameState {
        if let loading = rooms[gameID], let room = try? await loading.value { return await room.currentState }
        return try await Self.storedState(gameID, store: store, configuration: configuration)
    }

    /// Remembers a connection's stream so that deleting the game can end it.
    func attach(_ stream: EventSubscription, to gameID: UUID) {
        streams[gameID, default: []].append(stream)
    }

    func detach(_ stream: EventSubscription, from gameID: UUID) {
        streams[gameID]?.removeAll { $0 === stream }
    }

    /// Forgets a deleted game: its connections end and its room is dropped.
    func close(_ gameID: UUID) {
        for stream in streams.removeValue(forKey: gameID) ?? [] { stream.cancel() }
        rooms[gameID] = nil
        snapshotted[gameID] = nil
    }

    /// Stores a snapshot of every loaded room that changed since its last one.
    public func snapshotAll() async {
        for (gameID, loading) in rooms {
            guard let room = try? await loading.value else { continue }
            let state = await room.currentState
            guard state.sequence > snapshotted[gameID, default: -1] else { continue }
            do {
                try await store.gameLogs.saveSnapshot(
                    GameSnapshotRecord(gameID: gameID, sequence: state.sequence, state: state.storedJSON),
                    now: Date()
                )
                snapshotted[gameID] = state.sequence
            } catch {
                logger.warning("cannot store a snapshot of game \(gameID): \(error); its events are kept")
            }
        }
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: self.snapshotInterval)
                await self.snapshotAll()
            }
        }
        // Only a graceful shutdown stores the last snapshots. When the service group is cancelled instead (a
        // service failed), the store may be closing at the same moment, and the stored events rebuild every room.
        guard !Task.isCancelled else { return }
        await snapshotAll()
    }

    private static func load(
        _ gameID: UUID,
        store: Store,
        bus: InProcessEventBus,
        configuration: RoomConfiguration
    ) async throws -> GameRoom {
        let state = try await storedState(gameID, store: store, configuration: configuration)
        let log = StoredGameEventLog(gameID: gameID, store: store)
        return GameRoom(state: state, log: log, bus: bus, configuration: configuration)
    }

    /// The latest snapshot with the events after it replayed.
    private static func storedState(
        _ gameID: UUID,
        store: Store,
        configuration: RoomConfiguration
    ) async throws -> GameState {
        guard let snapshot = try await store.gameLogs.latestSnapshot(gameID: gameID) else {
            throw GameRegistryError.noSuchGame(gameID)
        }
        let log = StoredGameEventLog(gameID: gameID, store: store)
        let state = try GameState(storedJSON: snapshot.state)
        var events: [SequencedEvent] = []
        while true {
            let page = try await log.events(
                of: GameID(gameID),
                after: events.last?.sequence ?? state.sequence,
                limit: 1000
            )
            events += page
            if page.count < 1000 { break }
        }
        let seats = try await store.gamePlayers.seats(gameID: gameID)
        let accounts = seats.reduce(into: [PlayerID: UserID]()) { accounts, seat in
            if let user = seat.userID { accounts[PlayerID(seat.playerID)] = UserID(user) }
        }
        return state.replaying(events, accounts: accounts, limits: configuration.limits)
    }
}

enum GameRegistryError: Error, CustomStringConvertible {
    case noSuchGame(UUID)

    var description: String {
        switch self {
        case .noSuchGame(let id): "game \(id) has no stored state; it was deleted or never created"
        }
    }
}
