public import FluentKit
import Foundation

/// Browser sessions, found by the SHA-256 of their cookie value.
public struct SessionRepository: Sendable {
    let database: any Database

    public func create(
        userID: UUID,
        tokenHash: String,
        csrfToken: String,
        now: Date,
        expiresAt: Date
    ) async throws -> SessionRecord {
        let model = SessionModel(
            userID: userID,
            tokenHash: tokenHash,
            csrfToken: csrfToken,
            createdAt: now,
            expiresAt: expiresAt
        )
        try await model.create(on: database)
        return try model.record()
    }

    /// The live session with this token hash and its account; nil when unknown, ended or expired at `now`.
    public func find(tokenHash: String, now: Date) async throws -> (session: SessionRecord, user: UserRecord)? {
        guard
            let model = try await SessionModel.query(on: database)
                .filter(\.$tokenHash == tokenHash)
                .filter(\.$expiresAt > now)
                .with(\.$user)
                .first()
        else { return nil }
        return (try model.record(), try model.user.record())
    }

    /// Ends one session; returns whether it existed.
    @discardableResult
    public func delete(tokenHash: String) async throws -> Bool {
        let existing = try await SessionModel.query(on: database).filter(\.$tokenHash == tokenHash).count()
        try await SessionModel.query(on: database).filter(\.$tokenHash == tokenHash).delete()
        return existing > 0
    }

    /// Ends every session of an account except `keeping` (the caller's own, after a password change).
    public func deleteAll(userID: UUID, except keeping: UUID?) async throws {
        var query = SessionModel.query(on: database).filter(\.$user.$id == userID)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// Removes an account's sessions that expired before `now`.
    public func deleteExpired(userID: UUID, now: Date) async throws {
        try await SessionModel.query(on: database).filter(\.$user.$id == userID).filter(\.$expiresAt <= now).delete()
    }

    /// Sessions of every account that have not expired at `now`.
    public func count(liveAt now: Date) async throws -> Int {
        try await SessionModel.query(on: database).filter(\.$expiresAt > now).count()
    }

    public func count(userID: UUID) async throws -> Int {
        try await SessionModel.query(on: database).filter(\.$user.$id == userID).count()
    }
}
