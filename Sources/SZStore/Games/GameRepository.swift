public import FluentKit
import FluentSQL
import Foundation

/// Games: creation with their first snapshot, look-up by owner and slug, the owner's list, deletion with
/// everything that belongs to the game.
public struct GameRepository: Sendable {
    let database: any Database

    /// Creates the game `id` and stores `initialState` (the tabletop's stored form) as its snapshot at
    /// sequence 0, so the room can always be rebuilt from a snapshot and the events after it.
    public func create(_ new: NewGame, id: UUID, initialState: String, now: Date) async throws -> GameRecord {
        do {
            return try await database.transaction { database in
                let model = GameModel(new, now: now)
                model.id = id
                try await model.create(on: database)
                let snapshot = GameSnapshotModel()
                snapshot.gameID = id
                snapshot.sequence = 0
                snapshot.state = initialState
                snapshot.takenAt = now
                try await snapshot.create(on: database)
                return try model.record()
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw GameStoreError.slugTaken(new.slug)
        }
    }

    public func find(id: UUID) async throws -> GameRecord? {
        try await GameModel.find(id, on: database)?.record()
    }

    public func find(ownerID: UUID, slug: String) async throws -> GameRecord? {
        try await GameModel.query(on: database).filter(\.$ownerID == ownerID).filter(\.$slug == slug).first()?.record()
    }

    /// Plans the game's next session (nil: none planned); nil when there is no such game.
    public func setNextSession(id: UUID, at start: Date?, now: Date) async throws -> GameRecord? {
        guard let game = try await GameModel.find(id, on: database) else { return nil }
        game.nextSessionAt = start
        game.updatedAt = now
        try await game.update(on: database)
        return try game.record()
    }

    /// The owner's games in slug order, `limit` of them after the slug `cursor`.
    public func list(ownerID: UUID, after cursor: String?, limit: Int) async throws -> [GameRecord] {
        var query = GameModel.query(on: database).filter(\.$ownerID == ownerID)
        if let cursor { query = query.filter(\.$slug > cursor) }
        return try await query.sort(\.$slug).limit(limit).all().map { try $0.record() }
    }

    /// Games that stored no event since `cutoff` (and were not created since), least recently used first.
    public func unused(since cutoff: Date) async throws -> [GameRecord] {
        try await GameModel.query(on: database).filter(\.$lastActivityAt < cutoff).sort(\.$lastActivityAt).all()
            .map { try $0.record() }
    }

    /// Removes the game only if it is still unused since `cutoff`: it may have been played since it was listed.
    public func deleteIfUnused(id: UUID, since cutoff: Date) async throws -> Bool {
        guard let game = try await GameModel.find(id, on: database), game.lastActivityAt < cutoff else { return false }
        return try await delete(id: id)
    }

    /// Removes the game with its seats, events, snapshot, held blobs and session sheet; false when there was no such game.
    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        try await database.transaction { database in
            try await GameEventModel.query(on: database).filter(\.$gameID == id).delete()
            try await GameSnapshotModel.query(on: database).filter(\.$gameID == id).delete()
            try await GamePlayerModel.query(on: database).filter(\.$gameID == id).delete()
            try await GameBlobModel.query(on: database).filter(\.$gameID == id).delete()
            try await GameSessionModel.query(on: database).filter(\.$gameID == id).delete()
            guard try await GameModel.find(id, on: database) != nil else { return false }
            try await GameModel.query(on: database).filter(\.$id == id).delete()
            return true
        }
    }
}

/// Failures of game storage that callers turn into answers.
public enum GameStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The owner already has a game with this slug.
    case slugTaken(String)
    /// The game already has a seat with this name (compared without case).
    case seatNameTaken(String)
    /// Events must continue the game's log without a gap; another writer got there first.
    case sequenceTaken(game: UUID, sequence: Int64)

    public var description: String {
        switch self {
        case .slugTaken(let slug): "you already have a game named \"\(slug)\" in its URL"
        case .seatNameTaken(let name): "the name \"\(name)\" is already taken in this game"
        case .sequenceTaken(let game, let sequence):
            "game \(game) already has an event \(sequence); another server wrote to this game"
        }
    }
}
