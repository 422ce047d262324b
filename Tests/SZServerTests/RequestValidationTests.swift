import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Bad requests get problem documents, never a 500")
struct RequestValidationTests {
    @Test(
        "Each malformed registration names what is wrong",
        arguments: ScratchDatabase.available,
        [
            (#"{"name": "a b", "password": "correct horse"}"#, "/name: may contain only letters A-Z, digits"),
            (#"{"name": "", "password": "correct horse"}"#, "/name: must be 1 to 32 characters long"),
            (#"{"name": "-alice", "password": "correct horse"}"#, "/name: may contain only letters A-Z, digits"),
            (#"{"name": "alice", "password": "short"}"#, "/password: must be 8 to 72 bytes long"),
            (#"{"name": "alice"}"#, "/password: is required"),
            (#"{"password": "correct horse"}"#, "/name: is required"),
            (#"{"name": 5, "password": "correct horse"}"#, "/name: expected a string, got the number 5"),
            (#"{"name": "alice", "password": "correct horse", "admin": true}"#, "/admin: unknown field"),
            (#"["alice"]"#, ": the body must be a JSON object"),
        ]
    )
    func invalidFields(database: ScratchDatabase, invalid: (body: String, detailPrefix: String)) async throws {
        try await withTestServer(on: database) { server in
            let response = try await server.post("/api/v1/auth/register", json: invalid.body)
            let detail = try response.expectProblem(.badRequest, "invalid-field")
            #expect(detail.hasPrefix(invalid.detailPrefix), "\(detail)")
            #expect(try await server.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("Passwords longer than bcrypt reads are refused, not truncated", arguments: ScratchDatabase.available)
    func passwordTooLong(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let password = String(repeating: "x", count: 73)
            let response = try await server.post(
                "/api/v1/auth/register",
                json: "{\"name\": \"alice\", \"password\": \"\(password)\"}"
            )
            try response.expectProblem(.badRequest, "invalid-field")
        }
    }

    @Test("Malformed JSON, a wrong media type and an oversized body are refused", arguments: ScratchDatabase.available)
    func malformedBodies(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let malformed = try await server.post("/api/v1/auth/register", json: #"{"name": "alice",}"#)
            #expect(try malformed.expectProblem(.badRequest, "malformed-json").hasPrefix("line 1, column 18"))
            let duplicate = try await server.post("/api/v1/auth/register", json: #"{"name": "a", "name": "b"}"#)
            try duplicate.expectProblem(.badRequest, "malformed-json")
            let form = try await server.client.execute(
                uri: "/api/v1/auth/register",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=alice")
            )
            try form.expectProblem(.unsupportedMediaType, "unsupported-media-type")
            let huge = "{\"name\": \"" + String(repeating: "a", count: 20_000) + "\"}"
            try await server.post("/api/v1/auth/register", json: huge).expectProblem(.contentTooLarge, "body-too-large")
        }
    }

    @Test("Unknown routes and wrong methods are problem documents too", arguments: ScratchDatabase.available)
    func unknownRoutes(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            try await server.get("/api/v1/nothing-here").expectProblem(.notFound, "not-found")
            try await server.delete("/api/v1/health").expectProblem(.notFound, "not-found")
        }
    }
}

@Suite("When the database is down")
struct DatabaseDownTests {
    @Test("The health check says 503 and other routes a bare 500, with no error text")
    func databaseDown() async throws {
        var logger = Logger(label: "sessionzero.test")
        logger.logLevel = .critical
        let plan = try LaunchPlan.resolve(options: ServeOptions(), settings: .defaults, lanAddress: { nil })
        let store = try Store(location: .postgres(url: "postgres://app:s3cret@127.0.0.1:1/db"), logger: logger)
        let (router, _) = try await buildRouter(
            ServerEnvironment(
                settings: .defaults,
                plan: plan,
                store: store,
                blobs: scratchBlobs(),
                hasher: BcryptPasswordHasher(cost: 4)
            )
        )
        let app = Application(router: router, services: [store], logger: logger)
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/api/v1/health", method: .get)
            try health.expectProblem(.serviceUnavailable, "database-unavailable")
            let login = try await client.execute(
                uri: "/api/v1/auth/login",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"name": "alice", "password": "correct horse"}"#)
            )
            let detail = try login.expectProblem(.internalServerError, "internal-error")
            #expect(detail == "the server failed to handle this request; the log has the details")
            #expect(!String(buffer: login.body).contains("s3cret"))
        }
    }
}
