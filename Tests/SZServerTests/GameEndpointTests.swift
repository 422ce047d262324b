import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Games over HTTP: create, list, read, delete, join, images")
struct GameEndpointTests {
    /// A 3×2 PNG: signature and IHDR are all the server reads.
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0, 0x5C, 0x72, 0xA8, 0x66]

    func upload(
        _ server: TestServer,
        _ bytes: [UInt8],
        headers: HTTPFields = [:],
        query: String = ""
    ) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "image/png"
        return try await server.client.execute(
            uri: "/api/v1/games/gina/dark-forest/images\(query)",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }

    @Test(
        "a logged-in user creates games, lists and reads them; slugs are checked and unique",
        arguments: ScratchDatabase.available
    )
    func createListRead(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let anonymous = try await server.post("/api/v1/games", json: "{}")
            try anonymous.expectProblem(.unauthorized, "not-authenticated")
            let gina = try await server.createGame()
            let read = try await server.get("/api/v1/games/gina/dark-forest")
            #expect(read.status == .ok)
            let game = try read.json
            #expect(game["gm"] == "gina")
            #expect(game["slug"] == "dark-forest")
            #expect(game["name"] == "Dark forest")
            #expect(game["url"] == "/game/gina/dark-forest")
            #expect(game["hasPassword"] == false)
            let random = try await server.post("/api/v1/games", json: "{}", headers: gina.headers)
            #expect(random.status == .created)
            let fancy = try #require(try random.json["slug"]?.stringValue)
            #expect(fancy.split(separator: "-").count == 3, "a verb-adjective-noun slug, not \(fancy)")
            let list = try await server.get("/api/v1/games?limit=1", headers: gina.headers)
            let page = try list.json
            #expect(page["items"]?.arrayValue?.count == 1)
            #expect(page["nextCursor"]?.stringValue != nil)
            let taken = try await server.post(
                "/api/v1/games",
                json: "{\"slug\": \"Dark-Forest\"}",
                headers: gina.headers
            )
            try taken.expectProblem(.conflict, "slug-taken")
            let bad = try await server.post("/api/v1/games", json: "{\"slug\": \"no spaces!\"}", headers: gina.headers)
            #expect(try bad.expectProblem(.badRequest, "invalid-field").hasPrefix("/slug: must be 1 to 30"))
            try await server.get("/api/v1/games/gina/nothing-here").expectProblem(.notFound, "game-not-found")
        }
    }

    @Test(
        "joining: names unique whatever their case, colours checked, passwords required, the owner is GM",
        arguments: ScratchDatabase.available
    )
    func join(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame(password: "open sesame")
            let path = "/api/v1/games/gina/dark-forest/join"
            let gm = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
            #expect(gm.role == "gm")
            let noPassword = try await server.post(path, json: "{\"name\": \"Ann\", \"colour\": \"#aa0000\"}")
            try noPassword.expectProblem(.forbidden, "wrong-game-password")
            let wrong = try await server.post(
                path,
                json: "{\"name\": \"Ann\", \"colour\": \"#aa0000\", \"password\": \"x\"}"
            )
            try wrong.expectProblem(.forbidden, "wrong-game-password")
            let ann = try await server.post(
                path,
                json: "{\"name\": \"Ann\", \"colour\": \"#aa0000\", \"password\": \"open sesame\"}"
            )
            #expect(ann.status == .created)
            #expect(try ann.json["role"] == "player")
            #expect(try ann.json["credential"]?.stringValue?.count == 43)
            let twin = try await server.post(
                path,
                json: "{\"name\": \"ANN\", \"colour\": \"#aa0000\", \"password\": \"open sesame\"}"
            )
            #expect(try twin.expectProblem(.conflict, "name-taken").contains("already taken"))
            let colour = try await server.post(
                path,
                json: "{\"name\": \"Eve\", \"colour\": \"red);\\\"\", \"password\": \"open sesame\"}"
            )
            #expect(
                try colour.expectProblem(.badRequest, "invalid-field").hasPrefix(
                    "/colour: must be a colour written #rrggbb"
                )
            )
            let again = try await server.join("gina/dark-forest", name: "Gina", headers: gina.headers)
            #expect(again.playerID == gm.playerID)
            #expect(again.credential != gm.credential)
        }
    }

    @Test("only the owner deletes a game", arguments: ScratchDatabase.available)
    func delete(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let mallory = try await server.logIn("mallory")
            try await server.delete("/api/v1/games/gina/dark-forest", headers: mallory.headers)
                .expectProblem(.forbidden, "not-game-owner")
            #expect(
                try await server.delete("/api/v1/games/gina/dark-forest", headers: gina.headers).status == .noContent
            )
            try await server.get("/api/v1/games/gina/dark-forest").expectProblem(.notFound, "game-not-found")
        }
    }

    @Test(
        "uploads need a seat's credential; the type is sniffed from the bytes and served with nosniff",
        arguments: ScratchDatabase.available
    )
    func images(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            _ = try await server.createGame()
            try await upload(server, Self.png).expectProblem(.unauthorized, "credential-required")
            try await upload(server, Self.png, headers: [ImagesHeader.credential: "guess"])
                .expectProblem(.unauthorized, "invalid-credential")
            let ann = try await server.join("gina/dark-forest", name: "Ann")
            let seat: HTTPFields = [ImagesHeader.credential: ann.credential]
            let page = Array("<html><script>alert(1)</script></html>".utf8)
            let lie = try await upload(server, page, headers: seat)
            #expect(
                try lie.expectProblem(.unsupportedMediaType, "unsupported-image").hasPrefix(
                    "the file is not a PNG, JPEG, WebP or GIF"
                )
            )
            let cut = try await upload(server, Array(Self.png.prefix(18)), headers: seat)
            #expect(
                try cut.expectProblem(.unsupportedMediaType, "unsupported-image")
                    == "the file ends after 18 bytes, inside its image header"
            )
            var huge = Self.png
            huge.replaceSubrange(16..<20, with: [0, 0, 0x80, 0x01])
            let tooWide = try await upload(server, huge, headers: seat)
            #expect(try tooWide.expectProblem(.unsupportedMediaType, "unsupported-image").contains("32769×2 pixels"))
            let tooBig = try await upload(
                server,
                Self.png + [UInt8](repeating: 0, count: 2 * 1024 * 1024),
                headers: seat
            )
            try tooBig.expectProblem(.contentTooLarge, "image-too-large")

            let stored = try await upload(server, Self.png, headers: seat, query: "?purpose=background")
            #expect(stored.status == .created)
            let image = try stored.json
            #expect(image["width"] == 3)
            #expect(image["height"] == 2)
            #expect(image["type"] == "image/png")
            let hash = try #require(image["sha256"]?.stringValue)
            let served = try await server.get("/api/v1/images/\(hash)")
            #expect(served.status == .ok)
            #expect(Array(served.body.readableBytesView) == Self.png)
            #expect(served.headers[.contentType] == "image/png")
            #expect(served.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            try await server.get("/api/v1/images/\(String(repeating: "0", count: 64))").expectProblem(
                .notFound,
                "image-not-found"
            )
        }
    }

    @Test("the socket path without a WebSocket upgrade answers 426", arguments: ScratchDatabase.available)
    func socketWithoutUpgrade(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            _ = try await server.createGame()
            try await server.get("/api/v1/games/gina/dark-forest/socket").expectProblem(
                .upgradeRequired,
                "websocket-required"
            )
        }
    }
}

enum ImagesHeader {
    static let credential = HTTPField.Name("X-Game-Credential")!
}
