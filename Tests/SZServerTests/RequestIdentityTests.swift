import HTTPTypes
import HummingbirdTesting
import JSONSchema
import SZServer
import SZStore
import Testing

@Suite("Request ids and client addresses")
struct RequestIdentityTests {
    static let requestID = HTTPField.Name("X-Request-Id")!

    @Test("Every answer carries an id; problem documents repeat it", arguments: ScratchDatabase.available)
    func everyAnswerHasAnID(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let first = try #require(try await server.get("/api/v1/health").headers[Self.requestID])
            let problem = try await server.get("/api/v1/nowhere")
            try problem.expectProblem(.notFound, "not-found")
            let second = try #require(problem.headers[Self.requestID])
            #expect(first != second)
            #expect(try problem.json["requestId"]?.stringValue == second)
        }
    }

    @Test(
        "A trusted proxy's X-Request-Id is kept; a client's own is ignored; an odd one is replaced",
        arguments: ScratchDatabase.available
    )
    func incomingID(database: ScratchDatabase) async throws {
        let sent: HTTPFields = [Self.requestID: "f3a9c2d1e0b4a5968778695a4b3c2d1e"]
        try await withTestServer(on: database, settings: .behindProxy) { server in
            // The in-process client is a unix-socket-like peer: the proxy itself.
            let kept = try await server.get("/api/v1/health", headers: sent)
            #expect(kept.headers[Self.requestID] == "f3a9c2d1e0b4a5968778695a4b3c2d1e")
            let odd = try await server.get("/api/v1/health", headers: [Self.requestID: "two words\u{7F}"])
            #expect(odd.headers[Self.requestID] != "two words\u{7F}")
        }
        try await withTestServer(on: database) { server in
            let ignored = try await server.get("/api/v1/health", headers: sent)
            #expect(ignored.headers[Self.requestID] != "f3a9c2d1e0b4a5968778695a4b3c2d1e")
        }
    }

    @Test("The id and the client address are in the log metadata of the request", arguments: ScratchDatabase.available)
    func logMetadata(database: ScratchDatabase) async throws {
        let capture = LogCapture()
        try await withTestServer(on: database, settings: .behindProxy, logger: capture.logger()) { server in
            let response = try await server.get(
                "/api/v1/health",
                headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.9, 203.0.113.7"]
            )
            let id = try #require(response.headers[Self.requestID])
            let lines = capture.all.filter { $0.metadata["hb.request.id"] == id }
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.metadata["sessionzero.client"] == "203.0.113.7" })
        }
    }

    @Test(
        "Behind a TLS-terminating proxy, cookies are Secure when the proxy says https",
        arguments: ScratchDatabase.available
    )
    func secureCookiesBehindProxy(database: ScratchDatabase) async throws {
        var settings = ServerSettings.behindProxy
        settings.hosting.hostingURL = "http://vtt.example.org"
        try await withTestServer(on: database, settings: settings) { server in
            let body = #"{"name": "alice", "password": "correct horse"}"#
            let viaHTTPS = try await server.post(
                "/api/v1/auth/register",
                json: body,
                headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]
            )
            #expect(try #require(viaHTTPS.setCookies["sz_session"]).contains("Secure"))
            let viaHTTP = try await server.post(
                "/api/v1/auth/login",
                json: body,
                headers: [HTTPField.Name("X-Forwarded-Proto")!: "http"]
            )
            #expect(try #require(viaHTTP.setCookies["sz_session"]).contains("Secure") == false)
        }
        try await withTestServer(on: database, settings: .behindProxy) { server in
            let session = try await server.post(
                "/api/v1/auth/register",
                json: #"{"name": "alice", "password": "correct horse"}"#
            )
            #expect(try #require(session.setCookies["sz_session"]).contains("Secure"), "https hosting_url")
        }
    }

    @Test("Failed logins are limited per forwarded client, not per proxy", arguments: ScratchDatabase.available)
    func rateLimitUsesForwardedAddress(database: ScratchDatabase) async throws {
        let limits = LoginRateLimiter.Limits(
            failuresPerAccount: 100,
            failuresPerAddress: 2,
            window: 900,
            trackedKeys: 100
        )
        try await withTestServer(on: database, settings: .behindProxy, rateLimits: limits) { server in
            let from = { (address: String) -> HTTPFields in [HTTPField.Name("X-Forwarded-For")!: address] }
            for _ in 0..<2 {
                let failed = try await server.post(
                    "/api/v1/auth/login",
                    json: #"{"name": "nobody", "password": "wrong password"}"#,
                    headers: from("203.0.113.7")
                )
                try failed.expectProblem(.unauthorized, "wrong-credentials")
            }
            let blocked = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "nobody", "password": "wrong password"}"#,
                headers: from("203.0.113.7")
            )
            try blocked.expectProblem(.tooManyRequests, "too-many-attempts")
            let other = try await server.post(
                "/api/v1/auth/login",
                json: #"{"name": "nobody", "password": "wrong password"}"#,
                headers: from("198.51.100.9")
            )
            try other.expectProblem(.unauthorized, "wrong-credentials")
        }
    }
}
