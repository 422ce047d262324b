import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import Logging
import NIOCore
import SZStore
import Testing

@testable import SZServer

@Suite("A GM's images across their games, and letting go of thumbnails")
struct OtherGameImagesTests {
    @Test("/me/images lists the images of my other games only, a page at a time", arguments: ScratchDatabase.available)
    func listing(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            _ = try await server.post(
                "/api/v1/games",
                json: #"{"slug": "cave", "name": "Cave"}"#,
                headers: gina.headers
            )
            let here = try await server.uploadImage(
                TestImages.png(width: 10, height: 10),
                game: "gina/dark-forest",
                headers: gina.headers
            )
            var cave: [String] = []
            for seed in UInt8(1)...3 {
                cave.append(
                    try await server.uploadImage(
                        TestImages.png(width: 30, height: 20, seed: seed),
                        game: "gina/cave",
                        headers: gina.headers
                    )
                )
            }
            // Held by both games: it is this game's already, so it is not offered as another game's.
            _ = try await server.uploadImage(
                TestImages.png(width: 10, height: 10),
                game: "gina/cave",
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 30, height: 20, seed: 7)
            _ = try await server.postThumbnail(thumbnail, of: cave[0], game: "gina/cave", headers: gina.headers)
            var music = gina.headers
            music[.contentType] = "audio/ogg"
            let track = try await server.client.execute(
                uri: "/api/v1/games/gina/cave/music",
                method: .post,
                headers: music,
                body: ByteBuffer(bytes: GameArchives.opus)
            )
            #expect(track.status == .created)
            let otto = try await server.createGame(gm: "otto", slug: "tower")
            _ = try await server.uploadImage(
                TestImages.png(width: 5, height: 5, seed: 9),
                game: "otto/tower",
                headers: otto.headers
            )

            var listed: [JSONValue] = []
            var cursor: String?
            repeat {
                let query = "except=dark-forest&limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await server.get("/api/v1/me/images?\(query)", headers: gina.headers)
                #expect(page.status == .ok)
                let items = try #require(try page.json["items"]?.arrayValue)
                #expect(items.count <= 2)
                listed += items
                cursor = try page.json["nextCursor"]?.stringValue
            } while cursor != nil
            #expect(listed.compactMap { $0["sha256"]?.stringValue } == cave.sorted())
            let first = try #require(listed.first { $0["sha256"]?.stringValue == cave[0] })
            #expect(first["thumbnailUrl"] == .string("/api/v1/images/\(BlobStore.sha256(of: thumbnail))"))
            #expect(first["url"] == .string("/api/v1/images/\(cave[0])"))
            #expect(first["width"] == 30)
            #expect(first["height"] == 20)
            #expect(first["game"] == ["gm": "gina", "slug": "cave", "name": "Cave"])
            #expect(listed.allSatisfy { $0["sha256"]?.stringValue != here })
            #expect(listed.contains { $0["sha256"]?.stringValue == cave[1] && $0["thumbnailUrl"] == .null })

            let all = try await server.get("/api/v1/me/images", headers: gina.headers).json["items"]?.arrayValue
            #expect(all?.count == 4)
            try await server.get("/api/v1/me/images").expectProblem(.unauthorized, "not-authenticated")
            try await server.get("/api/v1/me/images?except=tower", headers: gina.headers)
                .expectProblem(.notFound, "game-not-found")
        }
    }

    @Test(
        "a GM brings an image of another own game in; someone else's is refused",
        arguments: ScratchDatabase.available
    )
    func adopting(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            _ = try await server.post("/api/v1/games", json: #"{"slug": "cave"}"#, headers: gina.headers)
            let image = try await server.uploadImage(
                TestImages.png(width: 40, height: 30),
                game: "gina/cave",
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 40, height: 30, seed: 1)
            _ = try await server.postThumbnail(thumbnail, of: image, game: "gina/cave", headers: gina.headers)
            let otto = try await server.createGame(gm: "otto", slug: "tower")
            let ottos = try await server.uploadImage(
                TestImages.png(width: 5, height: 5, seed: 9),
                game: "otto/tower",
                headers: otto.headers
            )

            let player = try await server.join("gina/dark-forest", name: "Pia")
            try await server.adopt(
                image,
                into: "gina/dark-forest",
                headers: [GameUploader.credentialHeader: player.credential]
            )
            .expectProblem(.forbidden, "not-game-master")
            let adopted = try await server.adopt(image, into: "gina/dark-forest", headers: gina.headers)
            #expect(adopted.status == .ok)
            #expect(try adopted.json == ["sha256": .string(image), "width": 40, "height": 30, "type": "image/png"])
            let forest = try await gameID(server, "gina", "dark-forest")
            #expect(try await server.store.gameBlobs.thumbnails(of: forest) == [image: BlobStore.sha256(of: thumbnail)])

            let detail = try await server.adopt(ottos, into: "gina/dark-forest", headers: gina.headers)
                .expectProblem(.notFound, "image-not-found")
            #expect(detail.hasPrefix("none of your games holds an image \(ottos)"))
            #expect(try await server.store.gameBlobs.hashes(of: forest) == [image])

            // The image is this game's now: deleting the game it came from keeps it.
            #expect(try await server.delete("/api/v1/games/gina/cave", headers: gina.headers).status == .noContent)
            #expect(server.blobs.contains(image))
            #expect(server.blobs.contains(BlobStore.sha256(of: thumbnail)))
        }
    }

    @Test("deleting, cleaning up and expiring games let go of thumbnails", arguments: ScratchDatabase.available)
    func releasing(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let image = try await server.uploadImage(
                TestImages.png(width: 40, height: 30),
                game: "gina/dark-forest",
                headers: gina.headers
            )
            let first = TestImages.png(width: 40, height: 30, seed: 1)
            let second = TestImages.png(width: 40, height: 30, seed: 2)
            _ = try await server.postThumbnail(first, of: image, game: "gina/dark-forest", headers: gina.headers)
            _ = try await server.postThumbnail(second, of: image, game: "gina/dark-forest", headers: gina.headers)
            #expect(!server.blobs.contains(BlobStore.sha256(of: first)), "a replaced thumbnail is let go")
            let cleaned = try await server.post(
                "/api/v1/games/gina/dark-forest/cleanup",
                json: "",
                headers: gina.headers
            )
            #expect(
                try cleaned.json["removed"]
                    == .array([image, BlobStore.sha256(of: second)].sorted().map(JSONValue.string))
            )
            #expect(!server.blobs.contains(BlobStore.sha256(of: second)))

            let kept = try await server.uploadImage(
                TestImages.png(width: 8, height: 8),
                game: "gina/dark-forest",
                headers: gina.headers
            )
            _ = try await server.postThumbnail(first, of: kept, game: "gina/dark-forest", headers: gina.headers)
            _ = try await server.post("/api/v1/games", json: #"{"slug": "cave"}"#, headers: gina.headers)
            let other = try await server.uploadImage(
                TestImages.png(width: 9, height: 9),
                game: "gina/cave",
                headers: gina.headers
            )
            _ = try await server.postThumbnail(first, of: other, game: "gina/cave", headers: gina.headers)
            #expect(
                try await server.delete("/api/v1/games/gina/dark-forest", headers: gina.headers).status == .noContent
            )
            #expect(!server.blobs.contains(kept))
            #expect(server.blobs.contains(BlobStore.sha256(of: first)), "the other game still shows it")

            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .critical
            let cleanup = Cleanup(store: server.store, blobs: server.blobs, expire: 86_400, logger: logger)
            _ = try await cleanup.run(now: server.clock.now.addingTimeInterval(2 * 86_400), dryRun: false)
            #expect(!server.blobs.contains(other))
            #expect(!server.blobs.contains(BlobStore.sha256(of: first)))
        }
    }

    func gameID(_ server: TestServer, _ gm: String, _ slug: String) async throws -> UUID {
        let owner = try #require(try await server.store.users.find(name: gm))
        return try #require(try await server.store.games.find(ownerID: owner.id, slug: slug)).id
    }
}
