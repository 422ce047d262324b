import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JSONSchema
import Logging
import NIOCore
import SZCore
import SZServer
import SZStore
import Synchronization
import Testing

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// What a test gets: the in-process client, the clock the server reads and its store.
struct TestServer: Sendable {
    let client: any TestClientProtocol
    let clock: TestClock
    let store: Store
    let blobs: BlobStore
    /// The rooms, for tests that play commands without a socket.
    let games: GameRegistry
}

/// Runs `body` against the whole application (router, middleware, store service, migrations) on a fresh database,
/// with the cheapest bcrypt cost and a hand-moved clock.
func withTestServer<Result: Sendable>(
    on database: ScratchDatabase,
    settings: ServerSettings = .defaults,
    options: ServeOptions = ServeOptions(),
    rateLimits: LoginRateLimiter.Limits = .standard,
    fancyURLs: FancyURLGenerator? = nil,
    timeZone: TimeZone = .current,
    logger: Logger = {
        var logger = Logger(label: "sessionzero.test")
        logger.logLevel = .critical
        return logger
    }(),
    _ body: @escaping @Sendable (TestServer) async throws -> Result
) async throws -> Result {
    try await database.withLocation { location in
        let clock = TestClock()
        let store = try Store(location: location, logger: logger)
        let blobs = scratchBlobs()
        let environment = ServerEnvironment(
            settings: settings,
            plan: try LaunchPlan.resolve(options: options, settings: settings, lanAddress: { "192.0.2.10" }),
            store: store,
            blobs: blobs,
            hasher: BcryptPasswordHasher(cost: 4),
            rateLimits: rateLimits,
            now: { clock.now },
            timeZone: timeZone,
            fancyURLs: fancyURLs
        )
        let app = try await buildApplication(environment, tls: nil, logger: logger)
        return try await app.test(.router) { client in
            try await body(
                TestServer(client: client, clock: clock, store: store, blobs: blobs, games: environment.games)
            )
        }
    }
}

/// A blob folder of its own under the temporary directory, for one test.
func scratchBlobs() -> BlobStore {
    BlobStore(folder: FileManager.default.temporaryDirectory.appendingPathComponent("sz-blobs-\(UUID().uuidString)"))
}

/// The cookies and CSRF token of a logged-in browser.
struct BrowserSession: Sendable {
    let cookie: String
    let csrfToken: String

    var headers: HTTPFields {
        [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrfToken]
    }
}

extension TestServer {
    func post(_ path: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: headers)
    }

    func delete(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: path, method: .delete, headers: headers)
    }

    /// Registers (or logs in, with `path`) and returns the browser's session.
    func logIn(
        _ name: String,
        password: String? = "correct horse",
        path: String = "/api/v1/auth/register"
    ) async throws -> BrowserSession {
        let passwordField = password.map { ", \"password\": \"\($0)\"" } ?? ""
        let response = try await post(path, json: "{\"name\": \"\(name)\"\(passwordField)}")
        #expect(response.status == .created || response.status == .ok, "\(path) answered \(response.status)")
        return try response.browserSession()
    }
}

extension TestResponse {
    /// The JSON body, parsed strictly.
    var json: JSONValue {
        get throws { try JSONParser().parse(body.readableBytesView) }
    }

    /// `Set-Cookie` values by cookie name, with their attributes.
    var setCookies: [String: String] {
        var cookies: [String: String] = [:]
        for header in headers[values: .setCookie] {
            let name = String(header.prefix { $0 != "=" })
            cookies[name] = header
        }
        return cookies
    }

    func browserSession() throws -> BrowserSession {
        let sessionCookie = try #require(setCookies["sz_session"]).prefix { $0 != ";" }
        let csrfToken = try #require(try json["csrfToken"]?.stringValue)
        return BrowserSession(cookie: String(sessionCookie), csrfToken: csrfToken)
    }

    /// Checks that this is an RFC 9457 problem document of the given kind and returns its detail.
    @discardableResult
    func expectProblem(
        _ status: HTTPResponse.Status,
        _ slug: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        #expect(self.status == status, sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let document = try json
        #expect(document["type"] == .string("urn:sessionzero:problem:\(slug)"), sourceLocation: sourceLocation)
        #expect(document["status"] == .number(JSONNumber(status.code)), sourceLocation: sourceLocation)
        return document["detail"]?.stringValue ?? ""
    }
}
