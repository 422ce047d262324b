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

    private struct Session {
        var cookie: String
        var csrfToken: String
    }

    /// `http://host:port`, without a trailing slash.
    let baseURL: String
    let client: HTTPClient

    /// Registers the GM `gm` and creates the game `slug`; returns its path, `gm/slug`.
    func createGame(gm: String, slug: String) async throws -> String {
        let (headers, registered) = try await post(
            "/api/v1/auth/register",
            json: ["name": gm, "password": "load-generator-password"]
        )
        let cookie = headers["set-cookie"].first { $0.hasPrefix("sz_session=") }?.prefix { $0 != ";" }
        guard let cookie else { throw LoadError.missing("a session cookie", in: "POST /api/v1/auth/register") }
        let csrfToken = try JSONDecoder().decode(Registered.self, from: registered).csrfToken
        let (_, created) = try await post(
            "/api/v1/games",
            json: ["slug": slug, "name": "Load \(slug)"],
            session: Session(cookie: String(cookie), csrfToken: csrfToken)
        )
        let game = try JSONDecoder().decode(Created.self, from: created)
        return "\(game.gm)/\(game.slug)"
    }

    func join(_ game: String, name: String, colour: String) async throws -> Seat {
        let (_, body) = try await post("/api/v1/games/\(game)/join", json: ["name": name, "colour": colour])
        return try JSONDecoder().decode(Seat.self, from: body)
    }

    private func post(
        _ path: String,
        json: [String: String],
        session: Session? = nil
    ) async throws -> (HTTPHeaders, Data) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let session {
            request.headers.add(name: "Cookie", value: session.cookie)
            request.headers.add(name: "X-CSRF-Token", value: session.csrfToken)
        }
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(json)))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            throw LoadError.http(
                request: "POST \(path)",
                status: response.status.code,
                body: String(decoding: body, as: UTF8.self)
            )
        }
        return (response.headers, body)
    }
}
