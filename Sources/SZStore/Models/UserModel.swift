import FluentKit
import Foundation

// Fluent models are classes whose property wrappers mutate in place; they never leave this module, and each
// instance lives inside one repository call.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The name folded to lower case: names are unique without regard to case.
    @Field(key: "name_key") var nameKey: String
    @Field(key: "role") var role: String
    /// Nil for accounts created by the developer login, which have no password.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(name: String, role: UserRole, passwordHash: String?, now: Date) {
        self.name = name
        self.nameKey = UserRecord.nameKey(name)
        self.role = role.rawValue
        self.passwordHash = passwordHash
        self.createdAt = now
        self.lastSeenAt = now
    }

    func record() throws -> UserRecord {
        UserRecord(
            id: try requireID(),
            name: name,
            role: UserRole(rawValue: role) ?? .user,
            passwordHash: passwordHash,
            createdAt: createdAt,
            lastSeenAt: lastSeenAt
        )
    }
}
