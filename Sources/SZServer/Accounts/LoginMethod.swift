import Foundation
public import SZStore

/// One way to prove who you are with a name and, for some methods, a password. Every method ends in the same
/// `AccountService.startSession(for:replacing:)`, so an OAuth provider or an e-mail link can be added as another
/// method (with its own routes for the redirect) without touching sessions, cookies or CSRF.
public protocol LoginMethod: Sendable {
    /// The account the credentials prove, or `AccountError.wrongCredentials` / `.tooManyAttempts`.
    func authenticate(name: String, password: String?, address: String) async throws -> UserRecord
}

/// Name and bcrypt password, rate-limited per account and per address.
struct PasswordLogin: LoginMethod {
    let store: Store
    let hasher: any PasswordHasher
    let limiter: LoginRateLimiter
    /// A valid bcrypt hash of nothing anyone knows, checked for unknown names so that they take as long to refuse
    /// as wrong passwords and do not reveal which names exist.
    let decoyHash: String

    func authenticate(name: String, password: String?, address: String) async throws -> UserRecord {
        guard let password else { throw AccountError.invalidField(field: "/password", reason: "is required") }
        let account = UserRecord.nameKey(name)
        if let seconds = await limiter.retryAfter(account: account, address: address) {
            throw AccountError.tooManyAttempts(retryAfterSeconds: seconds)
        }
        let user = try await store.users.find(name: name)
        let matches = try await hasher.verify(password, against: user?.passwordHash ?? decoyHash)
        guard let user, user.passwordHash != nil, matches else {
            await limiter.recordFailure(account: account, address: address)
            throw AccountError.wrongCredentials
        }
        await limiter.recordSuccess(account: account)
        return user
    }
}

/// `login.type: ""`: a name is enough. The account outlives every session, so logging in again with the same name
/// returns to the same account and its games (pyvtt locked such users out after a logout).
struct DeveloperLogin: LoginMethod {
    let store: Store
    let now: @Sendable () -> Date

    func authenticate(name: String, password: String?, address: String) async throws -> UserRecord {
        if let user = try await store.users.find(name: name) { return user }
        do {
            return try await store.users.create(name: name, role: nil, passwordHash: nil, now: now())
        } catch StoreError.nameTaken {
            // Someone created it between the two calls; it is the account this name asked for.
            guard let user = try await store.users.find(name: name) else { throw AccountError.wrongCredentials }
            return user
        }
    }
}
