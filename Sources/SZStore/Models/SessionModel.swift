import FluentKit
import Foundation

// Fluent models mutate through property wrappers; this one never leaves SZStore or outlives one repository call.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    /// SHA-256 of the cookie value: a copy of the database does not let anyone log in.
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    /// The token a browser must echo in a header on every write made with this session's cookie.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(userID: UUID, tokenHash: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    func record() throws -> SessionRecord {
        SessionRecord(
            id: try requireID(),
            userID: $user.id,
            csrfToken: csrfToken,
            createdAt: createdAt,
            expiresAt: expiresAt
        )
    }
}
