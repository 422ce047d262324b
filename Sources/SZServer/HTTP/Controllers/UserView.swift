import Foundation
import Hummingbird
import SZStore

/// An account as the API shows it.
struct UserView: ResponseCodable {
    let id: UUID
    let name: String
    let role: UserRole
    let createdAt: Date
    let hasPassword: Bool

    init(_ user: UserRecord) {
        id = user.id
        name = user.name
        role = user.role
        createdAt = user.createdAt
        hasPassword = user.passwordHash != nil
    }
}

/// The answer to a login or a registration: the account and the CSRF token for the session just started.
struct SessionView: ResponseCodable {
    let user: UserView
    let csrfToken: String
    let expiresAt: Date
}
