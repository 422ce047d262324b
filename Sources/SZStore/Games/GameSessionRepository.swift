public import FluentKit
import FluentSQL
import Foundation

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
