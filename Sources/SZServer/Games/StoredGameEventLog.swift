import Foundation
import SZStore
import SZTabletop

/// The room's event log in the database: the tabletop's stored forms written through the store's group-commit
/// writer. Standing changes travel with their events so a kicked player's seat row says so too.
struct StoredGameEventLog: GameEventLog {
    let gameID: UUID
    let store: Store

    func append(_ events: [SequencedEvent], to game: GameID) async throws {
        let standings = events.compactMap { event -> StandingChange? in
            guard case .playerUpdated(let player) = event.event else { return nil }
            return StandingChange(gameID: gameID, playerID: player.id.rawValue, standing: player.standing.rawValue)
        }
        try await store.gameEvents.append(
            events.map {
                StoredGameEvent(
                    gameID: gameID,
                    sequence: $0.sequence,
                    audience: $0.storedAudience,
                    payload: $0.payload
                )
            },
            standings: standings
        )
    }

    func events(of game: GameID, after sequence: Int64, limit: Int) async throws -> [SequencedEvent] {
        try await store.gameLogs.events(gameID: gameID, after: sequence, limit: limit).map {
            try SequencedEvent(sequence: $0.sequence, storedAudience: $0.audience, storedPayload: $0.payload)
        }
    }
}

extension GameID {
    init(_ id: UUID) { self.init(id.uuidString) }
}

extension UserID {
    init(_ id: UUID) { self.init(id.uuidString) }
}
