import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZServer
import SZStore
import Testing

@Suite("Music tracks over HTTP")
struct MusicEndpointTests {
    func upload(
        _ server: TestServer,
        _ bytes: [UInt8],
        headers: HTTPFields,
        game: String = "gina/dark-forest"
    )
        async throws -> TestResponse
    {
        var headers = headers
        headers[.contentType] = "audio/mpeg"
        return try await server.client.execute(
            uri: "/api/v1/games/\(game)/music",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }

    @Test(
        "the GM uploads tracks, sniffed from their bytes, served with their type",
        arguments: ScratchDatabase.available
    )
    func gmUploads(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let stored = try await upload(server, GameArchives.mp3, headers: gina.headers)
            #expect(stored.status == .created)
            #expect(try stored.json["type"] == "audio/mpeg")
            let hash = try #require(try stored.json["sha256"]?.stringValue)
            let served = try await server.get("/api/v1/music/\(hash)")
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "audio/mpeg")
            #expect(Array(buffer: served.body) == GameArchives.mp3)
            let opus = try await upload(server, GameArchives.opus, headers: gina.headers)
            #expect(try opus.json["type"] == "audio/ogg")
            let lying = try await upload(server, GameArchives.png(), headers: gina.headers)
            #expect(try lying.expectProblem(.unsupportedMediaType, "unsupported-audio").contains("89 50 4e 47"))
            try await server.get("/api/v1/music/\(BlobStore.sha256(of: GameArchives.png()))")
                .expectProblem(.notFound, "track-not-found")
        }
    }

    @Test("players upload music only when the game allows it; others never", arguments: ScratchDatabase.available)
    func permissions(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let ann = try await server.join("gina/dark-forest", name: "Ann")
            let player: HTTPFields = [HTTPField.Name("X-Game-Credential")!: ann.credential]
            let refused = try await upload(server, GameArchives.mp3, headers: player)
            #expect(try refused.expectProblem(.forbidden, "music-forbidden").contains("playersControlMusic"))
            try await upload(server, GameArchives.mp3, headers: [:]).expectProblem(.unauthorized, "credential-required")
            let otto = try await server.logIn("otto")
            try await upload(server, GameArchives.mp3, headers: otto.headers)
                .expectProblem(.unauthorized, "credential-required")

            let open = try await server.post(
                "/api/v1/games",
                json: #"{"slug": "jam", "playersControlMusic": true}"#,
                headers: gina.headers
            )
            #expect(open.status == .created)
            let bob = try await server.join("gina/jam", name: "Bob")
            let allowed = try await upload(
                server,
                GameArchives.mp3,
                headers: [HTTPField.Name("X-Game-Credential")!: bob.credential],
                game: "gina/jam"
            )
            #expect(allowed.status == .created)
        }
    }

    @Test("a track over file_limit.music is refused", arguments: ScratchDatabase.available)
    func tooLarge(database: ScratchDatabase) async throws {
        var settings = ServerSettings.defaults
        settings.fileLimit.music = 1
        try await withTestServer(on: database, settings: settings) { server in
            let gina = try await server.createGame()
            let big = GameArchives.mp3 + Array(repeating: 0, count: 1024 * 1024)
            let detail = try await upload(server, big, headers: gina.headers).expectProblem(
                .contentTooLarge,
                "music-too-large"
            )
            #expect(detail.contains("file_limit.music"))
        }
    }
}
