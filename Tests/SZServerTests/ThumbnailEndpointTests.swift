import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZStore
import Testing

@testable import SZServer

@Suite("Thumbnails made by the browser, and the games list showing them")
struct ThumbnailEndpointTests {
    let game = "gina/dark-forest"

    @Test(
        "a thumbnail of an image the game holds is stored and served like an image",
        arguments: ScratchDatabase.available
    )
    func accepted(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let image = try await server.uploadImage(
                TestImages.png(width: 2000, height: 1000),
                game: game,
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 256, height: 128, seed: 1)
            let stored = try await server.postThumbnail(thumbnail, of: image, game: game, headers: gina.headers)
            #expect(stored.status == .created)
            let hash = BlobStore.sha256(of: thumbnail)
            #expect(try stored.json["sha256"] == .string(hash))
            #expect(try stored.json["width"] == 256)
            #expect(try stored.json["type"] == .string("image/png"))
            let served = try await server.get("/api/v1/images/\(hash)")
            #expect(served.status == .ok)
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(served.headers[.contentType] == "image/png")
        }
    }

    @Test(
        "thumbnails too large, of other kinds, or not images are refused naming the rule",
        arguments: ScratchDatabase.available
    )
    func refused(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let image = try await server.uploadImage(
                TestImages.png(width: 800, height: 600),
                game: game,
                headers: gina.headers
            )
            let large = TestImages.png(width: 256, height: 256, padding: 64 * 1024)
            let tooLarge = try await server.postThumbnail(large, of: image, game: game, headers: gina.headers)
                .expectProblem(.contentTooLarge, "thumbnail-too-large")
            #expect(tooLarge.contains("at most 64 KiB"))
            let tooWide = try await server.postThumbnail(
                TestImages.png(width: 321, height: 100),
                of: image,
                game: game,
                headers: gina.headers
            ).expectProblem(.unprocessableContent, "thumbnail-too-big")
            #expect(tooWide == "the thumbnail is 321×100 pixels; each side may be at most 320")
            let gif = try await server.postThumbnail(
                TestImages.gif(width: 10, height: 10),
                of: image,
                game: game,
                headers: gina.headers
            ).expectProblem(.unsupportedMediaType, "unsupported-thumbnail")
            #expect(gif == "a thumbnail must be a PNG, JPEG or WebP image, not GIF")
            let text = try await server.postThumbnail(
                Array("<svg></svg>".utf8),
                of: image,
                game: game,
                headers: gina.headers
            ).expectProblem(.unsupportedMediaType, "unsupported-thumbnail")
            #expect(text.hasPrefix("the thumbnail is not usable: the file is not a PNG, JPEG, WebP or GIF image"))
            #expect(try await server.store.gameBlobs.files(of: try gameID(server)) == [image])
        }
    }

    @Test(
        "a thumbnail of an image the game does not hold is refused and not kept",
        arguments: ScratchDatabase.available
    )
    func imageNotHeld(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            _ = try await server.post("/api/v1/games", json: #"{"slug": "cave"}"#, headers: gina.headers)
            let elsewhere = try await server.uploadImage(
                TestImages.png(width: 50, height: 50),
                game: "gina/cave",
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 20, height: 20, seed: 9)
            for image in [elsewhere, String(repeating: "0", count: 64), "not-a-hash"] {
                let detail = try await server.postThumbnail(thumbnail, of: image, game: game, headers: gina.headers)
                    .expectProblem(.notFound, "image-not-in-game")
                #expect(detail.hasPrefix("game gina/dark-forest holds no image \(image)"))
            }
            #expect(!server.blobs.contains(BlobStore.sha256(of: thumbnail)))
        }
    }

    @Test("players may add thumbnails; spectators and strangers may not", arguments: ScratchDatabase.available)
    func rights(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            let image = try await server.uploadImage(
                TestImages.png(width: 64, height: 64),
                game: game,
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 32, height: 32, seed: 2)
            let player = try await server.join(game, name: "Pia")
            let asPlayer = try await server.postThumbnail(
                thumbnail,
                of: image,
                game: game,
                headers: [GameUploader.credentialHeader: player.credential]
            )
            #expect(asPlayer.status == .created)
            let spectating = try await server.post(
                "/api/v1/games/\(game)/join",
                json: ##"{"name": "Sam", "colour": "#00aa00", "role": "spectator"}"##
            )
            let spectator = try #require(try spectating.json["credential"]?.stringValue)
            let detail = try await server.postThumbnail(
                thumbnail,
                of: image,
                game: game,
                headers: [GameUploader.credentialHeader: spectator]
            ).expectProblem(.forbidden, "upload-forbidden")
            #expect(detail == "spectators and removed players cannot upload thumbnails")
            try await server.postThumbnail(thumbnail, of: image, game: game, headers: [:])
                .expectProblem(.unauthorized, "credential-required")
        }
    }

    @Test(
        "the games list shows the thumbnail of the active scene's background, else null",
        arguments: ScratchDatabase.available
    )
    func gamesList(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.createGame()
            #expect(try await server.listedThumbnails(gina) == ["dark-forest": .null])
            let background = try await server.uploadImage(
                TestImages.png(width: 1600, height: 900),
                game: game,
                headers: gina.headers
            )
            let thumbnail = TestImages.png(width: 256, height: 144, seed: 3)
            _ = try await server.postThumbnail(thumbnail, of: background, game: game, headers: gina.headers)
            #expect(try await server.listedThumbnails(gina) == ["dark-forest": .null])
            try await server.setBackground(background, game: game, session: gina)
            let url = JSONValue.string("/api/v1/images/\(BlobStore.sha256(of: thumbnail))")
            #expect(try await server.listedThumbnails(gina) == ["dark-forest": url])
            #expect(try await server.get("/api/v1/games/\(game)").json["thumbnailUrl"] == url)

            // An imported image game is listed from storage, its room never loaded.
            var headers = gina.headers
            headers[.contentType] = "image/png"
            let map = TestImages.png(width: 640, height: 480, seed: 4)
            let imported = try await server.client.execute(
                uri: "/api/v1/games/import?slug=map",
                method: .post,
                headers: headers,
                body: ByteBuffer(bytes: map)
            )
            #expect(imported.status == .created)
            let mapThumbnail = TestImages.png(width: 256, height: 192, seed: 5)
            let made = try await server.postThumbnail(
                mapThumbnail,
                of: BlobStore.sha256(of: map),
                game: "gina/map",
                headers: gina.headers
            )
            #expect(made.status == .created)
            #expect(
                try await server.listedThumbnails(gina)["map"]
                    == .string("/api/v1/images/\(BlobStore.sha256(of: mapThumbnail))")
            )
        }
    }

    func gameID(_ server: TestServer) async throws -> UUID {
        let owner = try #require(try await server.store.users.find(name: "gina"))
        return try #require(try await server.store.games.find(ownerID: owner.id, slug: "dark-forest")).id
    }
}
