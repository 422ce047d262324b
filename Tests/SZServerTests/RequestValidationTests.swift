import HTTPTypes
import HummingbirdTesting
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Bad requests get problem documents, never a 500")
struct RequestValidationTests {
    @Test(
        "Each malformed registration names what is wrong",
        arguments: [
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
    func invalidFields(body: String, detailPrefix: String) async throws {
        try await withTestServer(on: .sqlite) { server in
            let response = try await server.post("/api/v1/auth/register", json: body)
            let detail = try response.expectProblem(.badRequest, "invalid-field")
            #expect(detail.hasPrefix(detailPrefix), "\(detail)")
            #expect(try await server.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("Passwords longer than bcrypt reads are refused, not truncated")
    func passwordTooLong() async throws {
        try await withTestServer(on: .sqlite) { server in
            let password = String(repeating: "x", count: 73)
            let response = try await server.post(
                "/api/v1/auth/register",
                json: "{\"name\": \"alice\", \"password\": \"\(password)\"}"
            )
            try response.expectProblem(.badRequest, "invalid-field")
        }
    }

    @Test("Malformed JSON, a wrong media type and an oversized body are refused")
    func malformedBodies() async throws {
        try await withTestServer(on: .sqlite) { server in
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

    @Test("Unknown routes and wrong methods are problem documents too")
    func unknownRoutes() async throws {
        try await withTestServer(on: .sqlite) { server in
            try await server.get("/api/v1/nothing-here").expectProblem(.notFound, "not-found")
            let wrongMethod = try await server.delete("/api/v1/health")
            #expect(wrongMethod.status == .notFound || wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.contentType] == "application/problem+json")
        }
    }
}
