public import FluentKit
import FluentSQL
import Foundation

/// Accounts: creation (the first one becomes admin), look-up by id or name, password and activity updates.
public struct UserRepository: Sendable {
    let database: any Database

    // "SZUSERS\0" in ASCII, distinct from the migration lock.
    static let accountCreationLockKey: Int64 = 0x535A_5553_4552_5300

    /// Creates an account. With `role` nil the first account of the instance becomes admin and later ones users.
    public func create(name: String, role: UserRole?, passwordHash: String?, now: Date) async throws -> UserRecord {
        do {
            return try await database.transaction { database in
                // Concurrent first registrations must not both see an empty table and both become admin.
                if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
                    try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.accountCreationLockKey))").run()
                }
                if try await UserModel.query(on: database).filter(\.$nameKey == UserRecord.nameKey(name)).first() != nil
                {
                    throw StoreError.nameTaken(name)
                }
                let isFirst = try await UserModel.query(on: database).count() == 0
                let model = UserModel(
                    name: name,
                    role: role ?? (isFirst ? .admin : .user),
                    passwordHash: passwordHash,
                    now: now
                )
                try await model.create(on: database)
                return try model.record()
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two registrations of one name raced past the check above; the unique index decided.
            throw StoreError.nameTaken(name)
        }
    }

    public func find(id: UUID) async throws -> UserRecord? {
        try await UserModel.find(id, on: database)?.record()
    }

    /// Finds an account by name, ignoring case.
    public func find(name: String) async throws -> UserRecord? {
        try await UserModel.query(on: database).filter(\.$nameKey == UserRecord.nameKey(name)).first()?.record()
    }

    public func count() async throws -> Int {
        try await UserModel.query(on: database).count()
    }

    public func setPasswordHash(_ passwordHash: String, userID: UUID) async throws {
        try await UserModel.query(on: database).filter(\.$id == userID).set(\.$passwordHash, to: passwordHash).update()
    }

    public func setRole(_ role: UserRole, userID: UUID) async throws {
        try await UserModel.query(on: database).filter(\.$id == userID).set(\.$role, to: role.rawValue).update()
    }

    /// Records that the account was used, which keeps it from expiring.
    public func touch(userID: UUID, at now: Date) async throws {
        try await UserModel.query(on: database).filter(\.$id == userID).set(\.$lastSeenAt, to: now).update()
    }

    /// Records activity unless the account was already seen after `since`, so that a busy account costs one
    /// write per period rather than one per request. Returns whether it wrote.
    @discardableResult
    public func touch(userID: UUID, at now: Date, ifNotSeenSince since: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let updated = try await sql.update(UserModel.schema)
            .set("last_seen_at", to: now)
            .where("id", .equal, userID)
            .where("last_seen_at", .lessThanOrEqual, since)
            .returning("id")
            .all()
        return !updated.isEmpty
    }

    /// Accounts other than admins whose last activity is before `cutoff`, oldest first.
    public func unused(since cutoff: Date) async throws -> [UserRecord] {
        try await UserModel.query(on: database)
            .filter(\.$lastSeenAt < cutoff)
            .filter(\.$role != UserRole.admin.rawValue)
            .sort(\.$lastSeenAt)
            .all()
            .map { try $0.record() }
    }

    /// Removes the account only if it is still unused since `cutoff` and not an admin, so that activity between
    /// listing and removing saves it. Returns whether it was removed.
    public func deleteIfUnused(userID: UUID, since cutoff: Date) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        let removed = try await sql.delete(from: UserModel.schema)
            .where("id", .equal, userID)
            .where("last_seen_at", .lessThan, cutoff)
            .where("role", .notEqual, UserRole.admin.rawValue)
            .returning("id")
            .all()
        return !removed.isEmpty
    }

    /// Accounts active at or after `since`.
    public func count(activeSince since: Date) async throws -> Int {
        try await UserModel.query(on: database).filter(\.$lastSeenAt >= since).count()
    }

    /// Removes an account with its sessions and API tokens.
    public func delete(userID: UUID) async throws {
        try await UserModel.query(on: database).filter(\.$id == userID).delete()
    }
}
