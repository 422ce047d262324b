public import Foundation

/// An account's role on the whole instance.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case admin
    case user
}

/// An account as the store hands it upward.
public struct UserRecord: Sendable, Equatable {
    public let id: UUID
    public let name: String
    public let role: UserRole
    /// The bcrypt hash, or nil for an account made by the developer login.
    public let passwordHash: String?
    public let createdAt: Date
    public let lastSeenAt: Date

    public init(id: UUID, name: String, role: UserRole, passwordHash: String?, createdAt: Date, lastSeenAt: Date) {
        self.id = id
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }

    /// The form in which names are compared: "Alice" and "alice" are one account.
    public static func nameKey(_ name: String) -> String {
        name.lowercased()
    }
}

/// A browser session; the secret cookie value itself is never stored.
public struct SessionRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UUID
    public let csrfToken: String
    public let createdAt: Date
    public let expiresAt: Date
}

/// A personal API token's public facts; the token itself is never stored.
public struct APITokenRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UUID
    public let name: String
    public let createdAt: Date
    public let lastUsedAt: Date?
}
