import HTTPTypes
import HummingbirdTesting
import JSONSchema
import SZServer
import SZStore
import Testing

@Suite("Usage figures for admins")
struct AdminUsageTests {
    @Test("Anonymous callers get 401, accounts that are not admins 403", arguments: ScratchDatabase.available)
    func refused(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            try await server.get("/api/v1/admin/usage").expectProblem(.unauthorized, "not-authenticated")
            _ = try await server.logIn("admin")
            let player = try await server.logIn("player")
            let detail = try await server.get("/api/v1/admin/usage", headers: player.headers)
                .expectProblem(.forbidden, "admin-only")
            #expect(detail == "this needs an account with the admin role")
        }
    }

    @Test("Admins see accounts, live sessions and recent activity", arguments: ScratchDatabase.available)
    func figures(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let admin = try await server.logIn("admin")
            _ = try await server.logIn("player")
            _ = try await server.logIn("lurker")
            server.clock.advance(by: 3 * 86_400)
            _ = try await server.logIn("player", path: "/api/v1/auth/login")

            let usage = try await server.get("/api/v1/admin/usage", headers: admin.headers)
            #expect(usage.status == .ok)
            let figures = try usage.json
            #expect(figures["accounts"] == 3)
            #expect(figures["activeSessions"] == 4)
            // The player logged in today; the admin's own request counts as activity too.
            #expect(figures["accountsActiveLastDay"] == 2)
            #expect(figures["accountsActiveLastWeek"] == 3)
            #expect((figures["databaseBytes"]?.numberValue?.intValue ?? 0) > 0)
        }
    }

    @Test("Activity is recorded at most once an hour per account", arguments: ScratchDatabase.available)
    func activityThrottle(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let session = try await server.logIn("alice")
            let registered = try #require(try await server.store.users.find(name: "alice")).lastSeenAt
            server.clock.advance(by: 1800)
            _ = try await server.get("/api/v1/me", headers: session.headers)
            #expect(try await server.store.users.find(name: "alice")?.lastSeenAt == registered)
            server.clock.advance(by: 1800)
            _ = try await server.get("/api/v1/me", headers: session.headers)
            #expect(try await server.store.users.find(name: "alice")?.lastSeenAt == server.clock.now)
        }
    }
}
