import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZCore
import SZPacks
import SZServer
import SZStore
import SZTabletop
import Testing

/// The game's session sheet over HTTP: GMs see and change all of it, everyone else sees only what is not
/// GM-only, and never receives a GM-only value.
@Suite("The game's session sheet: GM-only fields and the GM's changes")
struct SessionSheetEndpointTests {
    static let path = "/api/v1/games/gina/dark-forest/session"
    static let secret = "The innkeeper is the dragon"

    static func credential(_ value: String) -> HTTPFields {
        [HTTPField.Name("X-Game-Credential")!: value]
    }

    @Test("the GM writes both notes; a player never receives the GM's", arguments: ScratchDatabase.available)
    func gmOnlyValuesStayWithTheGM(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let owner = try #require(try await server.store.users.find(name: "gina"))
            let game = try #require(try await server.store.games.find(ownerID: owner.id, slug: "dark-forest"))
            let before = try await server.games.room(for: game.id).currentState.sequence
            let changed = try await server.patch(
                Self.path,
                json: #"{"fields": {"notes": "We met in a tavern.", "gmNotes": "\#(Self.secret)"}}"#,
                headers: gina.headers
            )
            #expect(changed.status == .ok)
            // The table hears of it in sequence, with nothing of the sheet in the event.
            let events = try await server.store.gameLogs.events(gameID: game.id, after: before, limit: 10)
            #expect(events.map(\.payload) == [#"{"type":"session.changed"}"#])
            #expect(events.map(\.audience) == ["everyone"])
            #expect(
                try changed.json["state"]?["fields"] == [
                    "notes": "We met in a tavern.", "gmNotes": .string(Self.secret),
                ]
            )

            let asGM = try await server.get(Self.path, headers: gina.headers)
            #expect(try asGM.json["state"]?["fields"]?["gmNotes"] == .string(Self.secret))
            let gmFields = try asGM.json["template"]?["sections"]?.arrayValue?.first?["groups"]?.arrayValue?.first?[
                "fields"
            ]
            #expect(gmFields?.arrayValue?.map { $0["id"] } == ["notes", "gmNotes"])

            let ann = try await server.join("gina/dark-forest", name: "Ann")
            let response = try await server.get(Self.path, headers: Self.credential(ann.credential))
            #expect(response.status == .ok)
            let bytes = String(buffer: response.body)
            #expect(!bytes.contains(Self.secret), "a GM-only value reached a player: \(bytes)")
            #expect(!bytes.contains("gmNotes"), "a GM-only field reached a player: \(bytes)")
            #expect(!bytes.contains("\"gm\""), "a visibility mark reached a player: \(bytes)")
            #expect(try response.json["state"]?["fields"] == ["notes": "We met in a tavern."])
            // The two reads differ by who asks: no shared cache may keep either, and caches tell them apart.
            for read in [asGM, response] {
                #expect(read.headers[.cacheControl] == "private, no-cache")
                #expect(read.headers[.vary] == "Cookie, Authorization, X-Game-Credential")
            }
        }
    }

    @Test("a spectator's view has no GM-only field either")
    func spectators() async throws {
        try await withTestServer(on: .sqlite) { server in
            let gina = try await server.createGame()
            _ = try await server.patch(
                Self.path,
                json: #"{"fields": {"gmNotes": "\#(Self.secret)"}}"#,
                headers: gina.headers
            )
            let joined = try await server.post(
                "/api/v1/games/gina/dark-forest/join",
                json: ##"{"name": "Sam", "colour": "#00aa00", "role": "spectator"}"##
            )
            #expect(try joined.json["role"] == "spectator")
            let seat = try #require(try joined.json["credential"]?.stringValue)
            let response = try await server.get(Self.path, headers: Self.credential(seat))
            #expect(response.status == .ok)
            #expect(!String(buffer: response.body).contains(Self.secret))
            #expect(!String(buffer: response.body).contains("gmNotes"))
        }
    }

    @Test("players and spectators may not change the sheet")
    func onlyTheGMChanges() async throws {
        try await withTestServer(on: .sqlite) { server in
            _ = try await server.createGame()
            let ann = try await server.join("gina/dark-forest", name: "Ann")
            let detail = try await server.patch(
                Self.path,
                json: #"{"fields": {"notes": "Ann was here"}}"#,
                headers: Self.credential(ann.credential)
            ).expectProblem(.forbidden, "session-sheet-gm-only")
            #expect(detail == "the game's session sheet is changed by its GMs; players and spectators read it")
            let otto = try await server.logIn("otto")
            try await server.patch(Self.path, json: #"{"fields": {}}"#, headers: otto.headers)
                .expectProblem(.unauthorized, "credential-required")
            let read = try await server.get(Self.path, headers: Self.credential(ann.credential))
            #expect(try read.json["state"]?["fields"]?["notes"] == "")
        }
    }

    @Test("a GM seat's credential may change the sheet too")
    func gmSeat() async throws {
        try await withTestServer(on: .sqlite) { server in
            let gina = try await server.createGame()
            let seat = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
            #expect(seat.role == "gm")
            let changed = try await server.patch(
                Self.path,
                json: #"{"fields": {"gmNotes": "from the seat"}}"#,
                headers: Self.credential(seat.credential)
            )
            #expect(changed.status == .ok)
            #expect(try changed.json["state"]?["fields"]?["gmNotes"] == "from the seat")
        }
    }

    @Test(
        "values that do not fit are refused field by field, and nothing changes",
        arguments: ScratchDatabase.available
    )
    func invalidValues(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            _ = try await server.patch(Self.path, json: #"{"fields": {"notes": "kept"}}"#, headers: gina.headers)
            let refused = try await server.patch(
                Self.path,
                json: #"{"fields": {"notes": "lost", "gmNotes": 7, "gmNotse": "x"}}"#,
                headers: gina.headers
            )
            try refused.expectProblem(.unprocessableContent, "invalid-session-sheet")
            #expect(
                try refused.json["errors"] == [
                    [
                        "pointer": "/fields/gmNotes",
                        "detail": "\"GM notes\" is a MultiText field and needs a string, found a number",
                    ],
                    [
                        "pointer": "/fields/gmNotse",
                        "detail": "template \"tabletop\" has no field \"gmNotse\" (did you mean \"gmNotes\"?)",
                    ],
                ]
            )
            let read = try await server.get(Self.path, headers: gina.headers)
            #expect(try read.json["state"]?["fields"] == ["notes": "kept", "gmNotes": ""])
            try await server.patch(Self.path, json: #"{"fields": ["notes"]}"#, headers: gina.headers)
                .expectProblem(.badRequest, "invalid-field")
            try await server.patch(Self.path, json: #"{"name": "x", "fields": {}}"#, headers: gina.headers)
                .expectProblem(.badRequest, "invalid-field")
        }
    }

    @Test(
        "the change is stored: it survives a restart and is in the session pack",
        arguments: ScratchDatabase.available
    )
    func durable(database: ScratchDatabase) async throws {
        try await database.withLocation { location in
            let blobs = scratchBlobs()
            let gina = try await withLiveServer(location: location, blobs: blobs) { server, _ in
                let gina = try await server.createGame()
                let changed = try await server.patch(
                    Self.path,
                    json: #"{"fields": {"notes": "Session 2", "gmNotes": "\#(Self.secret)"}}"#,
                    headers: gina.headers
                )
                #expect(changed.status == .ok)
                return gina
            }
            try await withLiveServer(location: location, blobs: blobs) { server, _ in
                let read = try await server.get(Self.path, headers: gina.headers)
                #expect(try read.json["state"]?["fields"] == ["notes": "Session 2", "gmNotes": .string(Self.secret)])
                let szp = try await server.get(
                    "/api/v1/games/gina/dark-forest/export?format=szp",
                    headers: gina.headers
                )
                let contents = try PackArchiveReader().read(Array(buffer: szp.body))
                let report = PackValidator().validate(contents)
                #expect(report.isValid, "\(report.problems)")
                let state = try #require(report.pack?.session?.state)
                #expect(state.fields["notes"] == "Session 2")
                #expect(state.fields["gmNotes"] == .string(Self.secret))
                let template = try #require(report.pack?.sessionTemplates.first)
                #expect(template.gmOnlyFieldIDs == ["gmNotes"])
            }
        }
    }
}

@Suite("The session sheet of a game made from an installed pack's template")
struct TemplateSessionSheetTests {
    static let path = "/api/v1/games/gina/coast/session"

    @Test("List values are checked against the linked dataset; players do not get the GM notes")
    func fromTemplate() async throws {
        try await withTestServer(on: .sqlite) { server in
            let gina = try await server.logIn("gina")
            #expect(
                try await server.upload(try ExampleArchives.archive("core-fantasy"), session: gina).status == .created
            )
            let created = try await server.post(
                "/api/v1/games/from-template",
                json: #"{"packId": "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13", "version": "1.0.0", "#
                    + #""templateId": "heroic-campaign", "slug": "coast"}"#,
                headers: gina.headers
            )
            #expect(created.status == .created)
            let refused = try await server.patch(
                Self.path,
                json: #"{"fields": {"partyStash": ["longsword", "lngbow"], "gmNotes": "A traitor in the party"}}"#,
                headers: gina.headers
            )
            try refused.expectProblem(.unprocessableContent, "invalid-session-sheet")
            #expect(try refused.json["errors"]?.arrayValue?.map { $0["pointer"] } == ["/fields/partyStash/1"])
            let saved = try await server.patch(
                Self.path,
                json: #"{"fields": {"partyStash": ["longbow"], "gmNotes": "A traitor in the party"}}"#,
                headers: gina.headers
            )
            #expect(saved.status == .ok)
            #expect(try saved.json["state"]?["fields"]?["partyStash"] == ["longbow"])

            let ann = try await server.join("gina/coast", name: "Ann")
            let asPlayer = try await server.get(
                Self.path,
                headers: [HTTPField.Name("X-Game-Credential")!: ann.credential]
            )
            let bytes = String(buffer: asPlayer.body)
            #expect(!bytes.contains("traitor") && !bytes.contains("gmNotes"), "\(bytes)")
            #expect(try asPlayer.json["state"]?["fields"]?["partyStash"] == ["longbow"])
            #expect(try asPlayer.json["template"]?["id"] == "heroic-campaign")
        }
    }
}
