public import FluentKit
public import Foundation

/// Reading a game's stored events and keeping its latest snapshot. Events are written by `GameEventWriter`.
public struct GameLogRepository: Sendable {
    let database: any Database

    /// Up to `limit` events after `sequence`, oldest first.
    public func events(gameID: UUID, after sequence: Int64, limit: Int) async throws -> [StoredGameEvent] {
        try await GameEventModel.query(on: database).filter(\.$gameID == gameID).filter(\.$sequence > sequence)
            .sort(\.$sequence).limit(limit).all().map(\.record)
    }

    public func latestSnapshot(gameID: UUID) async throws -> GameSnapshotRecord? {
        try await GameSnapshotModel.query(on: database).filter(\.$gameID == gameID).first().map {
            GameSnapshotRecord(gameID: $0.gameID, sequence: $0.sequence, state: $0.state)
        }
    }

    /// Replaces the game's snapshot unless the stored one is newer.
    public func saveSnapshot(_ snapshot: GameSnapshotRecord, now: Date) async throws {
        try await GameSnapshotModel.query(on: database).filter(\.$gameID == snapshot.gameID)
            .filter(\.$sequence < snapshot.sequence)
            .set(\.$sequence, to: snapshot.sequence)
            .set(\.$state, to: snapshot.state)
            .set(\.$takenAt, to: now)
            .update()
    }
}
