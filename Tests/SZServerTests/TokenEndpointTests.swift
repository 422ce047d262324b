import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Personal API tokens")
struct TokenEndpointTests {
    @Test(
        "A token is shown once, works as a bearer, is listed without its secret and dies when revoked",
        arguments: ScratchDatabase.available
    )
    func lifecycle(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let session = try await server.logIn("alice")
            let created = try await server.post(
                "/api/v1/me/tokens",
                json: #"{"name": "backup script"}"#,
                headers: session.headers
            )
            #expect(created.status == .created)
            let token = try #require(try created.json["token"]?.stringValue)
            let id = try #require(try created.json["id"]?.stringValue)
            #expect(token.hasPrefix("szt_"))
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]

            let me = try await server.get("/api/v1/me", headers: bearer)
            #expect(try me.json["user"]?["name"] == "alice")
            // Every JSON read carries an ETag; asking again with it gives 304 and no body. (The first request
            // recorded the account's activity, which the body shows, so the second one is the settled state.)
            let settled = try await server.get("/api/v1/me", headers: bearer)
            var conditional = bearer
            let eTag = settled.headers[.eTag]
            #expect(eTag?.isEmpty == false)
            conditional[.ifNoneMatch] = eTag
            let unchanged = try await server.get("/api/v1/me", headers: conditional)
            #expect(unchanged.status == .notModified)
            #expect(unchanged.body.readableBytes == 0)
            #expect(try me.json["csrfToken"] == nil)
            // No ambient credential, so no CSRF token is needed.
            let second = try await server.post("/api/v1/me/tokens", json: #"{"name": "cli"}"#, headers: bearer)
            #expect(second.status == .created)

            let list = try await server.get("/api/v1/me/tokens", headers: session.headers)
            let items = try #require(try list.json.arrayValue)
            #expect(items.compactMap { $0["name"]?.stringValue } == ["backup script", "cli"])
            #expect(items.allSatisfy { $0["token"] == nil })
            #expect(items.first?["lastUsedAt"] != nil)

            #expect(try await server.delete("/api/v1/me/tokens/\(id)", headers: session.headers).status == .noContent)
            try await server.get("/api/v1/me", headers: bearer).expectProblem(.unauthorized, "invalid-token")
            try await server.delete("/api/v1/me/tokens/\(id)", headers: session.headers).expectProblem(
                .notFound,
                "token-not-found"
            )
        }
    }

    @Test("Another account's token cannot be revoked", arguments: ScratchDatabase.available)
    func othersTokens(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let alice = try await server.logIn("alice")
            let bob = try await server.logIn("bob")
            let created = try await server.post("/api/v1/me/tokens", json: #"{"name": "cli"}"#, headers: alice.headers)
            let id = try #require(try created.json["id"]?.stringValue)
            try await server.delete("/api/v1/me/tokens/\(id)", headers: bob.headers).expectProblem(
                .notFound,
                "token-not-found"
            )
            try await server.delete("/api/v1/me/tokens/not-a-uuid", headers: bob.headers).expectProblem(
                .notFound,
                "token-not-found"
            )
            let list = try await server.get("/api/v1/me/tokens", headers: alice.headers)
            #expect(try list.json.arrayValue?.count == 1)
        }
    }

    @Test("Requests without valid credentials are refused", arguments: ScratchDatabase.available)
    func unauthenticated(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            try await server.get("/api/v1/me").expectProblem(.unauthorized, "not-authenticated")
            try await server.get("/api/v1/me/tokens").expectProblem(.unauthorized, "not-authenticated")
            try await server.get("/api/v1/me", headers: [.authorization: "Basic YWxpY2U6eA=="])
                .expectProblem(.unauthorized, "unsupported-authorization")
            try await server.get("/api/v1/me", headers: [.authorization: "Bearer szt_made_up"])
                .expectProblem(.unauthorized, "invalid-token")
            try await server.get("/api/v1/me", headers: [.cookie: "sz_session=made-up"])
                .expectProblem(.unauthorized, "not-authenticated")
            let session = try await server.logIn("alice")
            let unnamed = try await server.post("/api/v1/me/tokens", json: #"{"name": ""}"#, headers: session.headers)
            #expect(
                try unnamed.expectProblem(.badRequest, "invalid-field").hasPrefix("/name: must be 1 to 64 characters")
            )
        }
    }
}
