public import Foundation
public import SZStore

/// A browser session just started: the cookie value and the CSRF token are shown to the client once.
public struct NewSession: Sendable {
    public let token: String
    public let csrfToken: String
    public let expiresAt: Date
}

/// Who made a request, and how.
public enum Authentication: Sendable, Equatable {
    /// A session cookie; writes must carry the session's CSRF token.
    case session(SessionRecord, tokenHash: String)
    /// An `Authorization: Bearer` API token; no ambient credential, so no CSRF check.
    case apiToken(APITokenRecord)
}

/// Accounts, sessions and API tokens: the rules the HTTP layer calls, independent of HTTP.
public struct AccountService: Sendable {
    public static let sessionLifetime: TimeInterval = 30 * 86_400

    let store: Store
    let hasher: any PasswordHasher
    let loginType: ServerSettings.LoginType
    let loginMethod: any LoginMethod
    let now: @Sendable () -> Date

    public init(
        store: Store,
        hasher: any PasswordHasher,
        loginType: ServerSettings.LoginType,
        limiter: LoginRateLimiter,
        now: @escaping @Sendable () -> Date
    ) async throws {
        self.store = store
        self.hasher = hasher
        self.loginType = loginType
        self.now = now
        switch loginType {
        case .developer:
            loginMethod = DeveloperLogin(store: store, now: now)
        case .password:
            let decoyHash = try await hasher.hash(SecretToken.generate())
            loginMethod = PasswordLogin(store: store, hasher: hasher, limiter: limiter, decoyHash: decoyHash)
        }
    }

    /// Creates an account; with the password login a password is required, with the developer login it is ignored.
    public func register(name: String, password: String?) async throws -> UserRecord {
        try AccountRules.checkName(name)
        var passwordHash: String?
        if loginType == .password {
            guard let password else { throw AccountError.invalidField(field: "/password", reason: "is required") }
            try AccountRules.checkPassword(password, field: "/password")
            passwordHash = try await hasher.hash(password)
        }
        return try await createAccount(name: name, role: nil, passwordHash: passwordHash)
    }

    /// Creates an account from the command line; `admin` forces the admin role, else the first account gets it.
    public func createAccount(name: String, admin: Bool, password: String?) async throws -> UserRecord {
        try AccountRules.checkName(name, field: "NAME")
        var passwordHash: String?
        if let password {
            try AccountRules.checkPassword(password, field: "password")
            passwordHash = try await hasher.hash(password)
        }
        return try await createAccount(name: name, role: admin ? .admin : nil, passwordHash: passwordHash)
    }

    public func logIn(name: String, password: String?, address: String) async throws -> UserRecord {
        try AccountRules.checkName(name)
        let user = try await loginMethod.authenticate(name: name, password: password, address: address)
        try await store.users.touch(userID: user.id, at: now())
        return user
    }

    /// Activity is recorded at most once per this many seconds per account: enough to judge expiry, which counts
    /// in days, without a database write per request.
    public static let activityResolution: TimeInterval = 3600

    /// Marks the account active (which keeps it from expiring) unless that was done within `activityResolution`.
    public func noteActivity(of user: UserRecord) async throws {
        let time = now()
        let since = time.addingTimeInterval(-Self.activityResolution)
        guard user.lastSeenAt <= since else { return }
        try await store.users.touch(userID: user.id, at: time, ifNotSeenSince: since)
    }

    /// Starts a session for `user`, ending the one the client had (`replacing`), so that the id changes at login.
    /// The account's expired sessions are removed on the way.
    public func startSession(for user: UserRecord, replacing oldToken: String?) async throws -> NewSession {
        let start = now()
        if let oldToken { try await store.sessions.delete(tokenHash: SecretToken.hash(oldToken)) }
        try await store.sessions.deleteExpired(userID: user.id, now: start)
        let token = SecretToken.generate()
        let csrfToken = SecretToken.generate()
        let session = try await store.sessions.create(
            userID: user.id,
            tokenHash: SecretToken.hash(token),
            csrfToken: csrfToken,
            now: start,
            expiresAt: start.addingTimeInterval(Self.sessionLifetime)
        )
        return NewSession(token: token, csrfToken: csrfToken, expiresAt: session.expiresAt)
    }

    public func endSession(tokenHash: String) async throws {
        try await store.sessions.delete(tokenHash: tokenHash)
    }

    /// The session and account of a cookie value, or nil when it is unknown, ended or expired.
    public func session(token: String) async throws -> (session: SessionRecord, user: UserRecord, tokenHash: String)? {
        let tokenHash = SecretToken.hash(token)
        guard let (session, user) = try await store.sessions.find(tokenHash: tokenHash, now: now()) else { return nil }
        return (session, user, tokenHash)
    }

    /// The token and account of a bearer token, or nil when it is unknown or revoked.
    public func apiToken(_ token: String) async throws -> (token: APITokenRecord, user: UserRecord)? {
        try await store.apiTokens.use(tokenHash: SecretToken.hash(token), now: now())
    }

    /// Changes the password and ends every other session of the account.
    public func changePassword(
        user: UserRecord,
        currentPassword: String?,
        newPassword: String,
        keepingSession: UUID?
    ) async throws {
        try AccountRules.checkPassword(newPassword, field: "/newPassword")
        if let existing = user.passwordHash {
            guard let currentPassword else {
                throw AccountError.invalidField(field: "/currentPassword", reason: "is required")
            }
            guard try await hasher.verify(currentPassword, against: existing) else {
                throw AccountError.wrongCurrentPassword
            }
        }
        try await store.users.setPasswordHash(try await hasher.hash(newPassword), userID: user.id)
        try await store.sessions.deleteAll(userID: user.id, except: keepingSession)
    }

    /// Creates a personal API token; the returned secret is shown once and only its hash is kept.
    public func createAPIToken(user: UserRecord, name: String) async throws -> (record: APITokenRecord, token: String) {
        try AccountRules.checkTokenName(name)
        let token = "szt_" + SecretToken.generate()
        let record = try await store.apiTokens.create(
            userID: user.id,
            name: name,
            tokenHash: SecretToken.hash(token),
            now: now()
        )
        return (record, token)
    }

    public func apiTokens(user: UserRecord) async throws -> [APITokenRecord] {
        try await store.apiTokens.list(userID: user.id)
    }

    public func revokeAPIToken(user: UserRecord, id: UUID) async throws {
        guard try await store.apiTokens.delete(id: id, userID: user.id) else { throw AccountError.tokenNotFound }
    }

    private func createAccount(name: String, role: UserRole?, passwordHash: String?) async throws -> UserRecord {
        do {
            return try await store.users.create(name: name, role: role, passwordHash: passwordHash, now: now())
        } catch StoreError.nameTaken {
            throw AccountError.nameTaken(name)
        }
    }
}
