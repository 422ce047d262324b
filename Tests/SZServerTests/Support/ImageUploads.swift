import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZStore
import SZTabletop
import Testing

@testable import SZServer

/// Images of a chosen size and the calls that upload them and their thumbnails.
enum TestImages {
    /// A PNG of `width`×`height`: the signature and IHDR are all the server reads; `seed` makes different bytes and
    /// `padding` adds bytes after the header.
    static func png(width: Int, height: Int, seed: UInt8 = 0, padding: Int = 0) -> [UInt8] {
        let bigEndian = { (value: Int) in (0..<4).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + bigEndian(width) + bigEndian(height) + [8, 6, 0, 0, 0, 0, 0, 0, seed]
            + [UInt8](repeating: 0, count: padding)
    }

    static func gif(width: Int, height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + [UInt8(width & 0xFF), UInt8(width >> 8), UInt8(height & 0xFF), UInt8(height >> 8), 0, 0]
    }
}

extension TestServer {
    /// Uploads an image into `game` (`gm/slug`) and returns its SHA-256.
    func uploadImage(_ bytes: [UInt8], game: String, headers: HTTPFields) async throws -> String {
        let response = try await client.execute(
            uri: "/api/v1/games/\(game)/images",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
        #expect(response.status == .created, "uploading the image answered \(response.status)")
        return try #require(try response.json["sha256"]?.stringValue)
    }

    func postThumbnail(
        _ bytes: [UInt8],
        of image: String,
        game: String,
        headers: HTTPFields
    ) async throws
        -> TestResponse
    {
        try await client.execute(
            uri: "/api/v1/games/\(game)/images/\(image)/thumbnail",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }

    func adopt(_ image: String, into game: String, headers: HTTPFields) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/games/\(game)/images/\(image)", method: .put, headers: headers)
    }

    /// The game's thumbnail URLs in the owner's list, by slug.
    func listedThumbnails(_ session: BrowserSession) async throws -> [String: JSONValue] {
        let page = try await get("/api/v1/games", headers: session.headers)
        #expect(page.status == .ok)
        var thumbnails: [String: JSONValue] = [:]
        for game in try #require(try page.json["items"]?.arrayValue) {
            thumbnails[try #require(game["slug"]?.stringValue)] = game["thumbnailUrl"]
        }
        return thumbnails
    }

    /// Makes `image` the background of the game's active scene, as its GM.
    func setBackground(_ image: String, game: String, session: BrowserSession) async throws {
        let parts = game.split(separator: "/").map(String.init)
        let owner = try #require(try await store.users.find(name: parts[0]))
        let record = try #require(try await store.games.find(ownerID: owner.id, slug: parts[1]))
        let gm = try await join(game, name: parts[0], headers: session.headers)
        let room = try await games.room(for: record.id)
        let scene = await room.currentState.activeSceneID
        let reply = await room.perform(
            ClientCommand(
                clientID: "bg",
                command: .updateScene(scene, SceneUpdate(background: try BlobID(hex: image)))
            ),
            by: PlayerID(gm.playerID)
        )
        guard case .ack = reply else { throw TestFailure("setting the background answered \(reply)") }
    }
}
