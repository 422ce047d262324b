import HTTPTypes
import HummingbirdTesting
import JSONSchema
import SZServer
import SZStore
import Testing

@Suite("Registering, logging in and out")
struct AuthEndpointTests {
    @Test("The health check answers when the database does", arguments: ScratchDatabase.available)
    func health(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let response = try await server.get("/api/v1/health")
            #expect(response.status == .ok)
            #expect(try response.json == ["status": "ok"])
        }
    }

    @Test("Registering logs in with safe cookies; the first account is admin", arguments: ScratchDatabase.available)
    func register(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let response = try await server.post(
                "/api/v1/auth/register",
                json: #"{"name": "Alice", "password": "correct horse"}"#
            )
            #expect(response.status == .created)
            let user = try response.json["user"]
            #expect(user?["name"] == "Alice")
            #expect(user?["role"] == "admin")
            #expect(user?["hasPassword"] == true)
            let sessionCookie = try #require(response.setCookies["sz_session"])
            #expect(sessionCookie.contains("HttpOnly"))
            #expect(sessionCookie.contains("SameSite=Lax"))
            #expect(!sessionCookie.contains("Secure"))
            let csrfCookie = try #require(response.setCookies["sz_csrf"])
            #expect(!csrfCookie.contains("HttpOnly"))
            // 256 random bits, base64url: 43 characters.
            #expect(sessionCookie.dropFirst("sz_session=".count).prefix { $0 != ";" }.count == 43)

            let second = try await server.post(
                "/api/v1/auth/register",
                json: #"{"name": "bob", "password": "correct horse"}"#
            )
            #expect(try second.json["user"]?["role"] == "user")
            let taken = try await server.post(
                "/api/v1/auth/register",
                json: #"{"name": "ALICE", "password": "correct horse"}"#
            )
            try taken.expectProblem(.conflict, "name-taken")
        }
    }

    @Test(
        "Logging in checks the password and gives the same answer for unknown names",
        arguments: ScratchDatabase.available
    )
    func logIn(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            _ = try await server.logIn("alice")
            let wrong = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "wrong password"}"#
            )
            let wrongDetail = try wrong.expectProblem(.unauthorized, "wrong-credentials")
            let unknown = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "nobody", "password": "wrong password"}"#
            )
            #expect(try unknown.expectProblem(.unauthorized, "wrong-credentials") == wrongDetail)
            let missing = try await server.post("/api/v1/auth/login", json: #"{"name": "alice"}"#)
            #expect(try missing.expectProblem(.badRequest, "invalid-field") == "/password: is required")
            let right = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "ALICE", "password": "correct horse"}"#
            )
            #expect(right.status == .ok)
            #expect(try right.json["user"]?["name"] == "alice")
        }
    }

    @Test("Logging in replaces the session id and logging out ends it", arguments: ScratchDatabase.available)
    func rotationAndLogout(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let first = try await server.logIn("alice")
            let relogin = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "correct horse"}"#,
                headers: first.headers
            )
            let second = try relogin.browserSession()
            #expect(second.cookie != first.cookie)
            try await server.get("/api/v1/me", headers: first.headers).expectProblem(.unauthorized, "not-authenticated")
            #expect(try await server.get("/api/v1/me", headers: second.headers).status == .ok)

            let logout = try await server.post("/api/v1/auth/logout", json: "{}", headers: second.headers)
            #expect(logout.status == .noContent)
            #expect(logout.setCookies["sz_session"]?.contains("Max-Age=0") == true)
            try await server.get("/api/v1/me", headers: second.headers).expectProblem(
                .unauthorized,
                "not-authenticated"
            )
            try await server.post("/api/v1/auth/logout", json: "{}", headers: second.headers)
                .expectProblem(.unauthorized, "not-authenticated")
        }
    }

    @Test(
        "Cookie-authenticated writes need the CSRF token and a same-site origin",
        arguments: ScratchDatabase.available
    )
    func csrf(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let session = try await server.logIn("alice")
            let noToken = try await server.post("/api/v1/auth/logout", json: "{}", headers: [.cookie: session.cookie])
            try noToken.expectProblem(.forbidden, "csrf")
            var forged = session.headers
            forged[HTTPField.Name("X-CSRF-Token")!] = "forged"
            try await server.post("/api/v1/auth/logout", json: "{}", headers: forged).expectProblem(.forbidden, "csrf")
            var crossSite = session.headers
            crossSite[.origin] = "https://evil.example"
            try await server.post("/api/v1/auth/logout", json: "{}", headers: crossSite).expectProblem(
                .forbidden,
                "cross-origin"
            )
            let crossSiteLogin = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "correct horse"}"#,
                headers: [.origin: "https://evil.example"]
            )
            try crossSiteLogin.expectProblem(.forbidden, "cross-origin")
            // The session survived all of that.
            #expect(try await server.get("/api/v1/me", headers: session.headers).status == .ok)
            var sameSite = session.headers
            sameSite[.origin] = "http://localhost:8080"
            #expect(try await server.post("/api/v1/auth/logout", json: "{}", headers: sameSite).status == .noContent)
        }
    }

    @Test(
        "Behind a proxy that rewrites Host, pages of the public address are same-site: its origin is compared as browsers send it"
    )
    func publicOriginAsBrowsersSendIt() async throws {
        var settings = ServerSettings.behindProxy
        settings.hosting.hostingURL = "HTTPS://Bücher.Example:443"
        try await withTestServer(on: .sqlite, settings: settings) { server in
            let session = try await server.logIn("alice")
            // The proxy forwards to the server's own address, without X-Forwarded-Host.
            var fromPublicPage = session.headers
            fromPublicPage[.origin] = "https://xn--bcher-kva.example"
            let loggedOut = try await server.post("/api/v1/auth/logout", json: "{}", headers: fromPublicPage)
            #expect(loggedOut.status == .noContent)
            let other = try await server.logIn("alice", path: "/api/v1/auth/login")
            var fromLookAlike = other.headers
            fromLookAlike[.origin] = "https://xn--bcher-kva.example:8443"
            try await server.post("/api/v1/auth/logout", json: "{}", headers: fromLookAlike).expectProblem(
                .forbidden,
                "cross-origin"
            )
        }
    }

    @Test("Repeated wrong passwords lock the account until the window passes", arguments: ScratchDatabase.available)
    func rateLimitPerAccount(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            _ = try await server.logIn("alice")
            for _ in 0..<5 {
                let wrong = try await server.post(
                    "/api/v1/auth/login",
                    json: #"{"name": "alice", "password": "wrong password"}"#
                )
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "correct horse"}"#
            )
            try locked.expectProblem(.tooManyRequests, "too-many-attempts")
            #expect(locked.headers[.retryAfter] == "900")
            server.clock.advance(by: 15 * 60)
            let later = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "correct horse"}"#
            )
            #expect(later.status == .ok)
        }
    }

    @Test(
        "Failures are also counted per address, from X-Forwarded-For only behind a reverse proxy",
        arguments: ScratchDatabase.available
    )
    func rateLimitPerAddress(database: ScratchDatabase) async throws {
        let limits = LoginRateLimiter.Limits(
            failuresPerAccount: 100,
            failuresPerAddress: 3,
            window: 60,
            trackedKeys: 100
        )
        var proxied = ServerSettings.defaults
        proxied.hosting.reverse = true
        proxied.hosting.hostingURL = "https://vtt.example.org"
        for (settings, trusted) in [(ServerSettings.defaults, false), (proxied, true)] {
            try await withTestServer(on: database, settings: settings, rateLimits: limits) { server in
                for name in ["a1", "a2", "a3"] {
                    let wrong = try await server.post(
                        "/api/v1/auth/login",
                        json: "{\"name\": \"\(name)\", \"password\": \"wrong password\"}",
                        headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.1"]
                    )
                    #expect(wrong.status == .unauthorized)
                }
                let otherAddress = try await server.post(
                    "/api/v1/auth/login",
                    json: #"{"name": "a4", "password": "wrong password"}"#,
                    headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.2"]
                )
                #expect(otherAddress.status == (trusted ? .unauthorized : .tooManyRequests))
            }
        }
    }

    @Test("Changing the password checks the old one and ends the other sessions", arguments: ScratchDatabase.available)
    func changePassword(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let current = try await server.logIn("alice")
            let other = try await server.logIn("alice", path: "/api/v1/auth/login")
            let wrong = try await server.post(
                "/api/v1/me/password",
                json: #"{"currentPassword": "not it at all", "newPassword": "battery staple"}"#,
                headers: current.headers
            )
            try wrong.expectProblem(.forbidden, "wrong-current-password")
            let tooShort = try await server.post(
                "/api/v1/me/password",
                json: #"{"currentPassword": "correct horse", "newPassword": "short"}"#,
                headers: current.headers
            )
            #expect(
                try tooShort.expectProblem(.badRequest, "invalid-field").hasPrefix(
                    "/newPassword: must be 8 to 72 bytes"
                )
            )
            let changed = try await server.post(
                "/api/v1/me/password",
                json: #"{"currentPassword": "correct horse", "newPassword": "battery staple"}"#,
                headers: current.headers
            )
            #expect(changed.status == .noContent)
            #expect(try await server.get("/api/v1/me", headers: current.headers).status == .ok)
            #expect(try await server.get("/api/v1/me", headers: other.headers).status == .unauthorized)
            let old = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "alice", "password": "correct horse"}"#
            )
            #expect(old.status == .unauthorized)
            _ = try await server.logIn("alice", password: "battery staple", path: "/api/v1/auth/login")
        }
    }

    @Test(
        "Developer login: a name is enough, and logging in again returns to the same account",
        arguments: ScratchDatabase.available
    )
    func developerLogin(database: ScratchDatabase) async throws {
        var settings = ServerSettings.defaults
        settings.login.type = .developer
        try await withTestServer(on: database, settings: settings) { server in
            let login = try await server.post("/api/v1/auth/login", json: #"{"name": "gm"}"#)
            #expect(login.status == .ok)
            let id = try login.json["user"]?["id"]
            #expect(try login.json["user"]?["role"] == "admin")
            let session = try login.browserSession()
            #expect(
                try await server.post("/api/v1/auth/logout", json: "{}", headers: session.headers).status == .noContent
            )
            let again = try await server.post("/api/v1/auth/login", json: #"{"name": "GM"}"#)
            #expect(try again.json["user"]?["id"] == id)
        }
    }

    @Test("--local-gm turns the developer login on whatever the settings say", arguments: ScratchDatabase.available)
    func localGMImpliesDeveloperLogin(database: ScratchDatabase) async throws {
        var options = ServeOptions()
        options.localGM = true
        try await withTestServer(on: database, options: options) { server in
            let register = try await server.post("/api/v1/auth/register", json: #"{"name": "gm"}"#)
            #expect(register.status == .created)
            #expect(try register.json["user"]?["hasPassword"] == false)
        }
    }

    @Test("Cookies are Secure when the public URL is https", arguments: ScratchDatabase.available)
    func secureCookies(database: ScratchDatabase) async throws {
        var settings = ServerSettings.defaults
        settings.hosting.reverse = true
        settings.hosting.hostingURL = "https://vtt.example.org"
        try await withTestServer(on: database, settings: settings) { server in
            let response = try await server.post(
                "/api/v1/auth/register",
                json: #"{"name": "alice", "password": "correct horse"}"#
            )
            #expect(response.setCookies["sz_session"]?.contains("Secure") == true)
            #expect(response.setCookies["sz_csrf"]?.contains("Secure") == true)
            var sameSite = try response.browserSession().headers
            sameSite[.origin] = "https://vtt.example.org"
            #expect(try await server.post("/api/v1/auth/logout", json: "{}", headers: sameSite).status == .noContent)
        }
    }
}
