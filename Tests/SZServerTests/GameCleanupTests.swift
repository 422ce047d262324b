import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import Logging
import NIOCore
import SZStore
import SZTabletop
import Testing

@testable import SZServer

@Suite("Clean-up of games and their files")
struct GameCleanupTests {
    @Test("deleting a game removes the images no other game uses", arguments: ScratchDatabase.available)
    func deleteReleasesImages(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            _ = try await server.post("/api/v1/games", json: #"{"slug": "other"}"#, headers: gina.headers)
            let own = try await server.uploadImage(GameArchives.png(1), game: "gina/dark-forest", headers: gina.headers)
            let shared = try await server.uploadImage(
                GameArchives.png(2),
                game: "gina/dark-forest",
                headers: gina.headers
            )
            _ = try await server.uploadImage(GameArchives.png(2), game: "gina/other", headers: gina.headers)
            let otto = try await server.logIn("otto")
            try await server.delete("/api/v1/games/gina/dark-forest", headers: otto.headers)
                .expectProblem(.forbidden, "not-game-owner")
            #expect(
                try await server.delete("/api/v1/games/gina/dark-forest", headers: gina.headers).status == .noContent
            )
            #expect(!server.blobs.contains(own))
            #expect(server.blobs.contains(shared))
        }
    }

    @Test("the GM's clean-up lets go of files the game no longer uses", arguments: ScratchDatabase.available)
    func gmCleanup(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            var headers = gina.headers
            headers[.contentType] = "application/octet-stream"
            let created = try await server.client.execute(
                uri: "/api/v1/games/import?slug=map",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: GameArchives.png(3))
            )
            #expect(created.status == .created)
            let background = BlobStore.sha256(of: GameArchives.png(3))
            let unused = try await server.uploadImage(GameArchives.png(4), game: "gina/map", headers: gina.headers)
            let otto = try await server.logIn("otto")
            try await server.post("/api/v1/games/gina/map/cleanup", json: "", headers: otto.headers)
                .expectProblem(.forbidden, "not-game-owner")
            let cleaned = try await server.post("/api/v1/games/gina/map/cleanup", json: "", headers: gina.headers)
            #expect(cleaned.status == .ok)
            #expect(try cleaned.json["removed"] == .array([.string(unused)]))
            #expect(server.blobs.contains(background))
            #expect(!server.blobs.contains(unused))
        }
    }

    @Test("games unused for `expire` seconds expire with their files", arguments: ScratchDatabase.available)
    func expiry(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let image = try await server.uploadImage(
                GameArchives.png(5),
                game: "gina/dark-forest",
                headers: gina.headers
            )
            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .critical
            let cleanup = Cleanup(store: server.store, blobs: server.blobs, expire: 86_400, logger: logger)
            let early = try await cleanup.run(now: server.clock.now.addingTimeInterval(3_600), dryRun: true)
            #expect(early.removed.isEmpty)
            let listed = try await cleanup.run(now: server.clock.now.addingTimeInterval(2 * 86_400), dryRun: true)
            #expect(listed.removed.map(\.description).contains { $0.hasPrefix("game gina/dark-forest") })
            #expect(server.blobs.contains(image))
            let removed = try await cleanup.run(now: server.clock.now.addingTimeInterval(2 * 86_400), dryRun: false)
            #expect(removed.removed.contains { $0.kind == "game" })
            #expect(!server.blobs.contains(image))
            try await server.get("/api/v1/games/gina/dark-forest").expectProblem(.notFound, "game-not-found")
        }
    }
}
