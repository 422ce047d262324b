/// Where a room stores its committed events. A database table in production; the room writes each command's
/// events as one batch and publishes them only once `append` returned.
public protocol GameEventLog: Sendable {
    /// Stores the events, whose sequence numbers follow the last stored one without a gap, all or none.
    func append(_ events: [SequencedEvent], to game: GameID) async throws
    /// Up to `limit` stored events with a sequence number above `sequence`, oldest first. A log may forget old
    /// events: the first one returned then comes later than `sequence + 1`.
    func events(of game: GameID, after sequence: Int64, limit: Int) async throws -> [SequencedEvent]
}

/// A log kept in memory, forgetting all but the newest `retention` events of each game.
public actor InMemoryGameEventLog: GameEventLog {
    private var stored: [GameID: [SequencedEvent]] = [:]
    private let retention: Int

    public init(retention: Int = 10_000) {
        self.retention = retention
    }

    public func append(_ events: [SequencedEvent], to game: GameID) throws {
        var log = stored[game, default: []]
        log.append(contentsOf: events)
        stored[game] = Array(log.suffix(retention))
    }

    public func events(of game: GameID, after sequence: Int64, limit: Int) -> [SequencedEvent] {
        Array(stored[game, default: []].drop { $0.sequence <= sequence }.prefix(limit))
    }
}
