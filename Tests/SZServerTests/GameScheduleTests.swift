import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import SZServer
import SZStore
import Testing

@Suite("Games: when they expire and when their next session starts")
struct GameScheduleTests {
    static let day: TimeInterval = 86_400
    static let utc = TimeZone(identifier: "UTC")!

    func date(_ value: JSONValue?) throws -> Date {
        try Date.ISO8601FormatStyle().parse(
            try #require(value?.stringValue, "expected a date, got \(String(describing: value))")
        )
    }

    @Test("The removal is the first clean-up pass after the period, counted from the last activity; none with expire 0")
    func forecast() throws {
        let schedule = CleanupSchedule(daytime: "03:00", timeZone: Self.utc)
        let lastActivity = try Date.ISO8601FormatStyle().parse("2027-01-15T08:00:00Z")
        let forecast = ExpiryForecast(expire: Int(30 * Self.day), schedule: schedule)
        #expect(
            forecast.removal(lastActivity: lastActivity)
                == (try Date.ISO8601FormatStyle().parse("2027-02-15T03:00:00Z"))
        )
        let atRunTime = try Date.ISO8601FormatStyle().parse("2027-01-16T03:00:00Z")
        #expect(
            forecast.removal(lastActivity: atRunTime) == (try Date.ISO8601FormatStyle().parse("2027-02-16T03:00:00Z")),
            "a pass removes only what was used strictly before its cutoff, so the pass at the very end is too early"
        )
        #expect(ExpiryForecast(expire: 0, schedule: schedule).removal(lastActivity: lastActivity) == nil)
        #expect(ExpiryForecast.cutoff(now: atRunTime, expire: 0) == nil)
        #expect(ExpiryForecast.cutoff(now: atRunTime, expire: 60) == atRunTime.addingTimeInterval(-60))
    }

    @Test(
        "A game shows its last activity and the clean-up pass that will remove it",
        arguments: ScratchDatabase.available
    )
    func expiryFields(database: ScratchDatabase) async throws {
        try await withTestServer(on: database, timeZone: Self.utc) { server in
            let gina = try await server.createGame()
            server.clock.advance(by: Self.day)
            let game = try await server.get("/api/v1/games/gina/dark-forest").json
            #expect(try date(game["lastActivityAt"]) == Date(timeIntervalSince1970: 1_800_000_000))
            #expect(try date(game["expiresAt"]) == (try Date.ISO8601FormatStyle().parse("2027-02-15T03:00:00Z")))
            #expect(game["nextSessionAt"] == .null)
            let listed = try await server.get("/api/v1/games", headers: gina.headers).json
            #expect(listed["items"]?.arrayValue?.first?["expiresAt"] == game["expiresAt"])
        }
    }

    @Test("With expire 0 games never expire: expiresAt is null", arguments: ScratchDatabase.available)
    func expiryOff(database: ScratchDatabase) async throws {
        var settings = ServerSettings.defaults
        settings.expire = 0
        try await withTestServer(on: database, settings: settings) { server in
            _ = try await server.createGame()
            let game = try await server.get("/api/v1/games/gina/dark-forest").json
            #expect(game["expiresAt"] == .null)
            #expect(game["lastActivityAt"]?.stringValue != nil)
        }
    }

    @Test(
        "The GM plans the next session, everyone with the link sees it, null takes it back",
        arguments: ScratchDatabase.available
    )
    func nextSession(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let path = "/api/v1/games/gina/dark-forest"
            let planned = try await server.patch(
                path,
                json: #"{"nextSessionAt": "2027-01-17T19:30:00.000+01:00"}"#,
                headers: gina.headers
            )
            #expect(planned.status == .ok)
            let start = try Date.ISO8601FormatStyle().parse("2027-01-17T18:30:00Z")
            #expect(try date(try planned.json["nextSessionAt"]) == start)
            #expect(try date(try await server.get(path).json["nextSessionAt"]) == start)
            let unchanged = try await server.patch(path, json: "{}", headers: gina.headers)
            #expect(try date(try unchanged.json["nextSessionAt"]) == start, "a field left out stays as it was")
            let cleared = try await server.patch(path, json: #"{"nextSessionAt": null}"#, headers: gina.headers)
            #expect(try cleared.json["nextSessionAt"] == .null)
            #expect(try await server.get(path).json["nextSessionAt"] == .null)
        }
    }

    @Test(
        "Only the GM plans, and only real dates within a day back and a year ahead",
        arguments: ScratchDatabase.available
    )
    func nextSessionRefusals(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let path = "/api/v1/games/gina/dark-forest"
            let soon = #"{"nextSessionAt": "2027-01-16T19:00:00Z"}"#
            try await server.patch(path, json: soon, headers: [:]).expectProblem(.unauthorized, "not-authenticated")
            let bob = try await server.logIn("bob")
            try await server.patch(path, json: soon, headers: bob.headers).expectProblem(.forbidden, "not-game-owner")
            let refusals: [(String, String)] = [
                (#"{"nextSessionAt": "next friday"}"#, "/nextSessionAt: \"next friday\" is not an ISO-8601 date"),
                (
                    #"{"nextSessionAt": "2027-02-30T19:00:00Z"}"#,
                    "/nextSessionAt: \"2027-02-30T19:00:00Z\" is not an ISO"
                ),
                (#"{"nextSessionAt": "2027-01-17T19:00:00"}"#, "/nextSessionAt: \"2027-01-17T19:00:00\" is not an ISO"),
                (#"{"nextSessionAt": 1800000000}"#, "/nextSessionAt: expected an ISO-8601 date and time or null"),
                (
                    #"{"nextSessionAt": "2027-01-13T19:00:00Z"}"#,
                    "/nextSessionAt: 2027-01-13T19:00:00Z is more than a day in the past"
                ),
                (
                    #"{"nextSessionAt": "2028-06-01T19:00:00Z"}"#,
                    "/nextSessionAt: 2028-06-01T19:00:00Z is more than a year ahead"
                ),
                (#"{"startsAt": "2027-01-16T19:00:00Z"}"#, "/startsAt: unknown field"),
            ]
            for (body, message) in refusals {
                let detail = try await server.patch(path, json: body, headers: gina.headers)
                    .expectProblem(.badRequest, "invalid-field")
                #expect(detail.hasPrefix(message), "\(body) gave \(detail)")
            }
            #expect(try await server.get(path).json["nextSessionAt"] == .null, "nothing refused was stored")
        }
    }
}
