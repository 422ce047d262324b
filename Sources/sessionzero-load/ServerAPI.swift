import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls that prepare a run: a GM account and a game per table, and a seat per player.
struct ServerAPI: Sendable {
    struct Seat: Decodable, Sendable {
        var playerID: String
        var credential: String
    }

    private struct Created: Decodable {
        var gm: String
        var slug: String
    }

    private struct Registered: Decodable {
        var csrfToken: String
    }

    private struct Uploaded: Decodable {
        var sha256: String
    }

    /// A game as the run plays it: its path (`gm/slug`) and the image its tokens show.
    struct Table: Sendable {
        var path: String
        var tokenImage: String
    }

    /// The smallest PNG the server accepts as a token image (a 64 x 64 header is all it reads).
    static let tokenPNG: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0, 64, 0, 0, 0, 64, 8, 6, 0, 0, 0, 0, 0, 0, 0]

    private struct Session {
        var cookie: String
        var csrfToken: String
    }

    /// `http://host:port`, without a trailing slash.
    let baseURL: String
    let client: HTTPClient

    /// Registers the GM `gm`, creates the game `slug` and uploads the image its tokens show (a table shows only
    /// files the game holds).
    func createGame(gm: String, slug: String) async throws -> Table {
        let (headers, registered) = try await post(
            "/api/v1/auth/register",
            body: try JSONEncoder().encode(["name": gm, "password": "load-generator-password"])
        )
        let cookie = headers["set-cookie"].first { $0.hasPrefix("sz_session=") }?.prefix { $0 != ";" }
        guard let cookie else { throw LoadError.missing("a session cookie", in: "POST /api/v1/auth/register") }
        let csrfToken = try JSONDecoder().decode(Registered.self, from: registered).csrfToken
        let session = Session(cookie: String(cookie), csrfToken: csrfToken)
        let (_, created) = try await post(
            "/api/v1/games",
            body: try JSONEncoder().encode(["slug": slug, "name": "Load \(slug)"]),
            session: session
        )
        let game = try JSONDecoder().decode(Created.self, from: created)
        let path = "\(game.gm)/\(game.slug)"
        let (_, uploaded) = try await post(
            "/api/v1/games/\(path)/images",
            body: Data(Self.tokenPNG),
            contentType: "image/png",
            session: session
        )
        return Table(path: path, tokenImage: try JSONDecoder().decode(Uploaded.self, from: uploaded).sha256)
    }

    func join(_ game: String, name: String, colour: String) async throws -> Seat {
        let (_, body) = try await post(
            "/api/v1/games/\(game)/join",
            body: try JSONEncoder().encode(["name": name, "colour": colour])
        )
        return try JSONDecoder().decode(Seat.self, from: body)
    }

    private func post(
        _ path: String,
        body: Data,
        contentType: String = "application/json",
        session: Session? = nil
    ) async throws -> (HTTPHeaders, Data) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        if let session {
            request.headers.add(name: "Cookie", value: session.cookie)
            request.headers.add(name: "X-CSRF-Token", value: session.csrfToken)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        let answer = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            throw LoadError.http(
                request: "POST \(path)",
                status: response.status.code,
                body: String(decoding: answer, as: UTF8.self)
            )
        }
        return (response.headers, answer)
    }
}
