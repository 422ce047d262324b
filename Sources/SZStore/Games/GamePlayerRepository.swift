public import FluentKit
public import Foundation

/// Seats at games and the hashes of their credentials.
public struct GamePlayerRepository: Sendable {
    let database: any Database

    /// Stores a new seat with the SHA-256 of its credential.
    public func add(_ seat: GamePlayerRecord, credentialHash: String) async throws {
        do {
            try await GamePlayerModel(seat, credentialHash: credentialHash).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw GameStoreError.seatNameTaken(seat.name)
        }
    }

    /// The seat a credential opens, found by its hash.
    public func find(credentialHash: String) async throws -> GamePlayerRecord? {
        try await GamePlayerModel.query(on: database).filter(\.$credentialHash == credentialHash).first()?.record
    }

    /// The seat an account already holds in a game.
    public func find(gameID: UUID, userID: UUID) async throws -> GamePlayerRecord? {
        try await GamePlayerModel.query(on: database).filter(\.$gameID == gameID).filter(\.$userID == userID).first()?
            .record
    }

    public func seats(gameID: UUID) async throws -> [GamePlayerRecord] {
        try await GamePlayerModel.query(on: database).filter(\.$gameID == gameID).sort(\.$createdAt).all().map(\.record)
    }

    /// Gives a seat a new credential; the old one stops working.
    public func replaceCredential(gameID: UUID, playerID: String, credentialHash: String) async throws {
        try await GamePlayerModel.query(on: database).filter(\.$gameID == gameID).filter(\.$playerID == playerID)
            .set(\.$credentialHash, to: credentialHash).update()
    }
}
