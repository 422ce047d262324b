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

@Suite("Games made from images and archives, and exported")
struct GameTransferTests {
    func importGame(
        _ server: TestServer,
        _ bytes: [UInt8],
        session: BrowserSession,
        query: String = ""
    ) async throws -> TestResponse {
        var headers = session.headers
        headers[.contentType] = "application/octet-stream"
        return try await server.client.execute(
            uri: "/api/v1/games/import\(query)",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }

    /// The state of the game `gm/slug` as its room holds it, read through the GM's export.
    func state(_ server: TestServer, _ path: String, session: BrowserSession) async throws -> ExportedState {
        let export = try await server.get("/api/v1/games/\(path)/export", headers: session.headers)
        #expect(export.status == .ok)
        #expect(export.headers[.contentType] == "application/zip")
        let contents = try PackArchiveReader(requiresManifest: false).read(Array(buffer: export.body))
        let json = try JSONParser().parse(try #require(contents["game.json"]))
        return ExportedState(json: json, files: contents.paths)
    }

    struct ExportedState {
        let json: JSONValue
        let files: [String]
    }

    @Test("new games get fancy slugs from the word lists, never one that exists", arguments: ScratchDatabase.available)
    func fancySlugs(database: ScratchDatabase) async throws {
        let generator = FancyURLGenerator(
            verbs: try FancyURLWordList(parsing: "roll", file: "verbs"),
            adjectives: try FancyURLWordList(parsing: "bold", file: "adjectives"),
            nouns: try FancyURLWordList(parsing: "dice\nmap", file: "nouns"),
            maximumAttempts: 64
        )
        try await withTestServer(on: database, fancyURLs: generator) { server in
            let gina = try await server.logIn("gina")
            var slugs: Set<String> = []
            for _ in 0..<2 {
                let created = try await server.post("/api/v1/games", json: "{}", headers: gina.headers)
                #expect(created.status == .created)
                slugs.insert(try #require(try created.json["slug"]?.stringValue))
            }
            #expect(slugs == ["roll-bold-dice", "roll-bold-map"])
            let full = try await server.post("/api/v1/games", json: "{}", headers: gina.headers)
            #expect(try full.expectProblem(.serviceUnavailable, "no-free-slug").contains("fancyurl/verbs.txt"))
            let named = try await server.post("/api/v1/games", json: #"{"slug": "mine"}"#, headers: gina.headers)
            #expect(named.status == .created)
        }
    }

    @Test("a background image becomes the first scene of a new game", arguments: ScratchDatabase.available)
    func fromImage(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            let created = try await importGame(server, GameArchives.png(7), session: gina, query: "?slug=map&name=Map")
            #expect(created.status == .created)
            #expect(try created.json["game"]?["slug"] == "map")
            let exported = try await state(server, "gina/map", session: gina)
            let background = try #require(exported.json["scenes"]?.arrayValue?.first?["background"]?.stringValue)
            #expect(background == "images/\(BlobStore.sha256(of: GameArchives.png(7))).png")
            let text = try await importGame(server, Array("<html>".utf8), session: gina)
            #expect(try text.expectProblem(.unsupportedMediaType, "unsupported-upload").contains("not a PNG"))
            try await importGame(server, GameArchives.png(), session: BrowserSession(cookie: "", csrfToken: ""))
                .expectProblem(.unauthorized, "not-authenticated")
        }
    }

    @Test(
        "a pyvtt export imports: scenes in order, backgrounds, tokens clamped, assets noted",
        arguments: ScratchDatabase.available
    )
    func fromPyvtt(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            let created = try await importGame(server, try GameArchives.pyvtt(), session: gina, query: "?slug=old")
            #expect(created.status == .created)
            let notes = try #require(try created.json["notes"]?.arrayValue)
            #expect(notes == [.string("/tokens/3: the pyvtt asset \"crystal\" is not included")])
            let game = try await state(server, "gina/old", session: gina).json
            let scenes = try #require(game["scenes"]?.arrayValue)
            #expect(scenes.count == 2)
            #expect(scenes[0]["background"]?.stringValue == "images/\(BlobStore.sha256(of: GameArchives.png(0))).png")
            let tokens = try #require(scenes[0]["tokens"]?.arrayValue)
            #expect(tokens.count == 2)
            let goblin = try #require(tokens.first { $0["label"] == "Goblin" })
            #expect(goblin["x"] == 101)
            #expect(goblin["y"] == 567)
            #expect(goblin["rotation"] == 270)
            #expect(goblin["flipped"] == true)
            #expect(scenes[1]["tokens"]?.arrayValue?.isEmpty == true)

            let missing = try await importGame(server, try GameArchives.pyvtt(withoutImage: 2), session: gina)
            let detail = try missing.expectProblem(.unprocessableContent, "invalid-game-archive")
            #expect(detail == "game.json at /tokens/2/url: names 2.png, which the archive does not hold")
            let owner = try #require(try await server.store.users.find(name: "gina"))
            #expect(try await server.store.games.list(ownerID: owner.id, after: nil, limit: 10).count == 1)
        }
    }

    @Test("hostile archives are refused before anything is stored", arguments: ScratchDatabase.available)
    func hostileArchives(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            let slip = RawZip(entries: [
                .init(name: "game.json", data: Array("{}".utf8)),
                .init(name: "../../etc/evil.png", data: GameArchives.png()),
            ])
            let slipDetail = try await importGame(server, slip.bytes, session: gina)
                .expectProblem(.unprocessableContent, "unsafe-archive")
            #expect(slipDetail.contains("../../etc/evil.png"))
            let bomb = RawZip(entries: [
                .init(name: "game.json", data: [0x03, 0x00], method: 8, declaredSize: 900 * 1024 * 1024)
            ])
            let bombDetail = try await importGame(server, bomb.bytes, session: gina)
                .expectProblem(.unprocessableContent, "unsafe-archive")
            #expect(bombDetail.contains("game.json"))
            let many = RawZip(entries: (0..<4_097).map { .init(name: "f\($0).txt", data: []) })
            let manyDetail = try await importGame(server, many.bytes, session: gina)
                .expectProblem(.unprocessableContent, "unsafe-archive")
            #expect(manyDetail.contains("4097"))
            let outside = """
                {"format": "sessionzero-game", "version": 1, "name": "Bad", "flags": {"playersControlMusic": false},
                 "activeScene": 0, "music": [], "rolls": [],
                 "scenes": [{"id": "s", "name": "S", "width": 100, "height": 100, "background": null,
                   "grid": {"cellSize": 48, "offsetX": 0, "offsetY": 0, "shown": false},
                   "tokens": [{"id": "t", "image": "a.png", "x": 500, "y": 5, "size": 10, "rotation": 0,
                     "flipped": false, "label": "", "locked": false, "z": 0, "hidden": false, "background": false}]}]}
                """
            let badValue = try await importGame(
                server,
                try GameArchives.zip(["game.json": Array(outside.utf8), "a.png": GameArchives.png()]),
                session: gina
            )
            #expect(
                try badValue.expectProblem(.unprocessableContent, "invalid-game-archive")
                    == "game.json at /scenes/0/tokens/0/x: must be inside the scene (0…100)"
            )
            let noGame = try await importGame(
                server,
                try GameArchives.zip(["x.png": GameArchives.png()]),
                session: gina
            )
            #expect(
                try noGame.expectProblem(.unprocessableContent, "invalid-game-archive").hasPrefix(
                    "game.json: is missing"
                )
            )
            #expect(try server.blobs.allHashes().isEmpty)
        }
    }

    @Test(
        "export then import gives the same game, as a ZIP and as a session pack",
        arguments: ScratchDatabase.available
    )
    func roundTrip(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            _ = try await importGame(server, try GameArchives.pyvtt(), session: gina, query: "?slug=source")
            let music = try await server.client.execute(
                uri: "/api/v1/games/gina/source/music",
                method: .post,
                headers: gina.headers,
                body: ByteBuffer(bytes: GameArchives.opus)
            )
            #expect(music.status == .created)
            let track = try #require(try music.json["sha256"]?.stringValue)
            let owner = try #require(try await server.store.users.find(name: "gina"))
            let game = try #require(try await server.store.games.find(ownerID: owner.id, slug: "source"))
            let gm = try await server.join("gina/source", name: "Gina", headers: gina.headers)
            let reply = try await server.games.room(for: game.id).perform(
                ClientCommand(clientID: "c-1", command: .music(slot: 0, .track(try BlobID(hex: track)))),
                by: PlayerID(gm.playerID)
            )
            guard case .ack = reply else { throw TestFailure("setting the track answered \(reply)") }
            let original = try await state(server, "gina/source", session: gina)
            #expect(original.files.contains("music/\(track).ogg"))

            let zip = try await server.get("/api/v1/games/gina/source/export", headers: gina.headers)
            #expect(zip.headers[.contentDisposition] == "attachment; filename=\"gina_source.zip\"")
            let copy = try await importGame(server, Array(buffer: zip.body), session: gina, query: "?slug=copy")
            #expect(copy.status == .created)
            #expect(try await state(server, "gina/copy", session: gina).json == original.json)

            let szp = try await server.get("/api/v1/games/gina/source/export?format=szp", headers: gina.headers)
            #expect(szp.status == .ok)
            let contents = try PackArchiveReader().read(Array(buffer: szp.body))
            let report = PackValidator().validate(contents)
            #expect(report.isValid, "\(report.problems)")
            #expect(report.pack?.manifest.packType == .session)
            #expect(report.pack?.session?.snapshots.count == 1)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sz-\(UUID().uuidString).szp")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(Array(buffer: szp.body)).write(to: file)
            let validate = try ServerProcess(arguments: ["pack", "validate", file.path])
            #expect(await validate.exitStatus() == 0, "\(validate.output)")
            let again = try await importGame(server, Array(buffer: szp.body), session: gina, query: "?slug=again")
            #expect(again.status == .created)
            #expect(try await state(server, "gina/again", session: gina).json == original.json)
            let sheet = try await server.get("/api/v1/games/gina/again/session", headers: gina.headers)
            #expect(try sheet.json["snapshots"]?.arrayValue?.count == 1)
            #expect(try sheet.json["template"]?["id"] == "tabletop")

            let other = try await server.logIn("otto")
            try await server.get("/api/v1/games/gina/source/export", headers: other.headers)
                .expectProblem(.forbidden, "not-game-owner")
            try await server.get("/api/v1/games/gina/source/export?format=tar", headers: gina.headers)
                .expectProblem(.badRequest, "invalid-field")
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
