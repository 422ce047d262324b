public import FluentKit
import FluentSQL
import Foundation

/// Which blobs each game holds: what was uploaded into it or imported with it. The blob store keeps one file per
/// content, so a file is released only when no game holds it and no pack uses it.
public struct GameBlobRepository: Sendable {
    let database: any Database

    /// Records that `gameID` holds each of `hashes`; holding one twice is not an error.
    public func attach(gameID: UUID, hashes: some Sequence<String>) async throws {
        for hash in Set(hashes) {
            let held = try await GameBlobModel.query(on: database)
                .filter(\.$gameID == gameID).filter(\.$sha256 == hash).count()
            guard held == 0 else { continue }
            do {
                try await GameBlobModel(gameID: gameID, sha256: hash).create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // A concurrent upload of the same bytes into the same game recorded it first.
                continue
            }
        }
    }

    /// The blobs `gameID` holds, sorted.
    public func hashes(of gameID: UUID) async throws -> [String] {
        try await GameBlobModel.query(on: database).filter(\.$gameID == gameID).all().map(\.sha256).sorted()
    }

    /// Which of `hashes` the game holds as files (thumbnails do not count).
    public func held(_ hashes: some Collection<String>, by gameID: UUID) async throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        let rows = try await GameBlobModel.query(on: database).filter(\.$gameID == gameID)
            .filter(\.$sha256 ~~ Array(hashes)).all()
        return Set(rows.map(\.sha256))
    }

    /// Whether a game other than `gameID` (any game when nil) holds the blob, or keeps it as a thumbnail.
    public func isHeld(_ sha256: String, byAnyGameBut gameID: UUID? = nil) async throws -> Bool {
        var query = GameBlobModel.query(on: database).group(.or) { either in
            either.filter(\.$sha256 == sha256).filter(\.$thumbnailSHA256 == sha256)
        }
        if let gameID { query = query.filter(\.$gameID != gameID) }
        return try await query.count() > 0
    }

    public func detach(gameID: UUID, hashes: [String]) async throws {
        guard !hashes.isEmpty else { return }
        try await GameBlobModel.query(on: database)
            .filter(\.$gameID == gameID).filter(\.$sha256 ~~ hashes).delete()
    }
}

/// The session sheet of each game that has one, as a JSON document the server reads and writes.
public struct GameSessionRepository: Sendable {
    let database: any Database

    /// Every game's sheet, for finding the games that depend on a pack.
    public func allDocuments() async throws -> [(gameID: UUID, document: String)] {
        try await GameSessionModel.query(on: database).all().map { ($0.gameID, $0.document) }
    }

    public func document(of gameID: UUID) async throws -> String? {
        try await GameSessionModel.query(on: database).filter(\.$gameID == gameID).first()?.document
    }

    /// Stores `document` as the game's sheet only if the stored sheet is still `expected` (nil: the game has none
    /// yet), so that a change made from an older sheet, read before another server stored its own, cannot overwrite
    /// it. Returns whether it stored; when it did not, nothing changed.
    public func replace(_ expected: String?, with document: String, for gameID: UUID) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        guard let expected else {
            do {
                let model = GameSessionModel()
                model.gameID = gameID
                model.document = document
                try await model.create(on: database)
                return true
            } catch  where (error as? any DatabaseError)?.isConstraintFailure == true {
                // Another writer's sheet is there now; without one, the game itself is gone.
                if try await self.document(of: gameID) != nil { return false }
                throw error
            }
        }
        let updated = try await sql.update(GameSessionModel.schema)
            .set("document", to: document)
            .where("game_id", .equal, gameID)
            .where("document", .equal, expected)
            .returning("id")
            .all()
        return !updated.isEmpty
    }

    /// Stores the game's sheet, replacing the one it had.
    public func save(_ document: String, for gameID: UUID) async throws {
        try await database.transaction { database in
            try await GameSessionModel.query(on: database).filter(\.$gameID == gameID).delete()
            let model = GameSessionModel()
            model.gameID = gameID
            model.document = document
            try await model.create(on: database)
        }
    }
}
