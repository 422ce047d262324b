public import FluentKit
import Foundation

/// Personal API tokens, found by the SHA-256 of the token.
public struct APITokenRepository: Sendable {
    let database: any Database

    public func create(userID: UUID, name: String, tokenHash: String, now: Date) async throws -> APITokenRecord {
        let model = APITokenModel(userID: userID, name: name, tokenHash: tokenHash, createdAt: now)
        try await model.create(on: database)
        return try model.record()
    }

    /// An account's tokens, oldest first.
    public func list(userID: UUID) async throws -> [APITokenRecord] {
        try await APITokenModel.query(on: database)
            .filter(\.$user.$id == userID)
            .sort(\.$createdAt)
            .all()
            .map { try $0.record() }
    }

    /// Revokes a token of this account; returns false when the account has no such token.
    public func delete(id: UUID, userID: UUID) async throws -> Bool {
        func matching() -> QueryBuilder<APITokenModel> {
            APITokenModel.query(on: database).filter(\.$id == id).filter(\.$user.$id == userID)
        }
        guard try await matching().count() > 0 else { return false }
        try await matching().delete()
        return true
    }

    /// The token with this hash and its account, marking it used at `now`; nil when unknown or revoked.
    public func use(tokenHash: String, now: Date) async throws -> (token: APITokenRecord, user: UserRecord)? {
        guard
            let model = try await APITokenModel.query(on: database)
                .filter(\.$tokenHash == tokenHash)
                .with(\.$user)
                .first()
        else { return nil }
        model.lastUsedAt = now
        try await model.update(on: database)
        return (try model.record(), try model.user.record())
    }
}
