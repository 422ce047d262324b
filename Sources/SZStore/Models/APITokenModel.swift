import FluentKit
import Foundation

// Fluent models mutate through property wrappers; this one never leaves SZStore or outlives one repository call.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "name") var name: String
    /// SHA-256 of the token; the token itself is shown once, when it is created.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String, createdAt: Date) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = nil
    }

    func record() throws -> APITokenRecord {
        APITokenRecord(
            id: try requireID(),
            userID: $user.id,
            name: name,
            createdAt: createdAt,
            lastUsedAt: lastUsedAt
        )
    }
}
