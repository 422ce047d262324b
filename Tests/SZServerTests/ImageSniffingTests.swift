import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZStore
import Testing

@Suite("Image types and sizes read from the bytes of an upload")
struct ImageSniffingTests {
    struct Sample: Sendable, CustomStringConvertible {
        let description: String
        let bytes: [UInt8]
        let type: String
        let width: Int
        let height: Int
    }

    static func riff(_ chunk: String, _ body: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [UInt8(body.count), 0, 0, 0] + body
    }

    static let samples = [
        Sample(
            description: "JPEG after an APP0 segment",
            bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
                + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03],
            type: "image/jpeg",
            width: 600,
            height: 300
        ),
        Sample(
            description: "GIF",
            bytes: Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00, 0, 0, 0],
            type: "image/gif",
            width: 320,
            height: 240
        ),
        Sample(
            description: "lossy WebP",
            bytes: riff("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01]),
            type: "image/webp",
            width: 640,
            height: 480
        ),
        Sample(
            description: "lossless WebP",
            // 14 bits width - 1 (99), then 14 bits height - 1 (49).
            bytes: riff("VP8L", [0x2F, 0x63, 0x40, 0x0C, 0x00]),
            type: "image/webp",
            width: 100,
            height: 50
        ),
        Sample(
            description: "extended WebP",
            bytes: riff("VP8X", [0, 0, 0, 0, 0xFF, 0x03, 0x00, 0xFF, 0x01, 0x00]),
            type: "image/webp",
            width: 1024,
            height: 512
        ),
    ]

    @Test("each accepted type is recognised with its dimensions", arguments: samples)
    func accepted(sample: Sample) async throws {
        try await withTestServer(on: .sqlite) { server in
            _ = try await server.createGame()
            let ann = try await server.join("gina/dark-forest", name: "Ann")
            let response = try await server.client.execute(
                uri: "/api/v1/games/gina/dark-forest/images",
                method: .post,
                headers: [
                    HTTPField.Name("X-Game-Credential")!: ann.credential, .contentType: "application/octet-stream",
                ],
                body: ByteBuffer(bytes: sample.bytes)
            )
            #expect(response.status == .created)
            let image = try response.json
            #expect(image["type"]?.stringValue == sample.type)
            #expect(image["width"] == .number(JSONNumber(sample.width)))
            #expect(image["height"] == .number(JSONNumber(sample.height)))
            let served = try await server.get("/api/v1/images/\(try #require(image["sha256"]?.stringValue))")
            #expect(served.headers[.contentType] == sample.type)
        }
    }
}
