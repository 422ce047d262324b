import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import JSONSchema
import Logging
import NIOCore
import NIOWebSocket
import SZServer
import SZStore
import SZTabletop
import Synchronization
import Testing

/// Runs `body` against the whole application listening on a real local port, so WebSockets can connect.
/// `location` and `blobs` may be shared by two servers to check what survives a restart.
func withLiveServer<Result: Sendable>(
    location: DatabaseLocation,
    blobs: BlobStore,
    rooms: RoomConfiguration = RoomConfiguration(),
    _ body: @escaping @Sendable (TestServer, Int) async throws -> Result
) async throws -> Result {
    var logger = Logger(label: "sessionzero.test")
    logger.logLevel = .critical
    let clock = TestClock()
    let store = try Store(location: location, logger: logger)
    let environment = ServerEnvironment(
        settings: .defaults,
        plan: try LaunchPlan.resolve(options: ServeOptions(), settings: .defaults, lanAddress: { "192.0.2.10" }),
        store: store,
        blobs: blobs,
        hasher: BcryptPasswordHasher(cost: 4),
        rooms: rooms,
        now: { clock.now }
    )
    let app = try await buildApplication(environment, tls: nil, logger: logger)
    return try await app.test(.live) { client in
        try await body(
            TestServer(client: client, clock: clock, store: store, blobs: blobs, games: environment.games),
            try #require(client.port)
        )
    }
}

/// One client's WebSocket, driven step by step by a test: send frames, read the server's messages in order.
final class TestSocket: Sendable {
    private let messages: AsyncStream<String>
    private let writer: Task<WebSocketOutboundWriter?, Never>
    private let connection: Task<WebSocketCloseFrame?, any Error>

    init(port: Int, path: String) {
        let (messages, received) = AsyncStream.makeStream(of: String.self)
        let (writers, writerOut) = AsyncStream.makeStream(of: WebSocketOutboundWriter.self)
        self.messages = messages
        connection = Task {
            defer {
                received.finish()
                writerOut.finish()
            }
            return try await WebSocketClient.connect(
                url: "ws://localhost:\(port)\(path)",
                configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 20),
                logger: Logger(label: "sessionzero.test.socket")
            ) { inbound, outbound, _ in
                writerOut.yield(outbound)
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    guard case .text(let text) = message else { continue }
                    for line in TabletopProtocol.serverMessageTexts(in: text) { received.yield(String(line)) }
                }
            }
        }
        writer = Task { await writers.first { _ in true } }
    }

    func send(_ text: String) async throws {
        let outbound = try #require(await writer.value, "the socket did not open")
        try await outbound.writeTextMessage(text)
    }

    func send(_ message: ClientMessage) async throws {
        try await send(TabletopProtocol.encode(message))
    }

    func hello(_ credential: String, lastSequence: Int64? = nil, protocolVersion: Int = 1) async throws {
        try await send(
            .hello(Hello(protocolVersion: protocolVersion, credential: credential, lastSequence: lastSequence))
        )
    }

    func command(_ clientID: String, _ command: Command) async throws {
        try await send(.command(ClientCommand(clientID: clientID, command: command)))
    }

    /// The next message as text, or nil once the server closed the socket.
    func nextText() async -> String? {
        // Iterators of one AsyncStream share its buffer; the test reads from one task at a time.
        var iterator = messages.makeAsyncIterator()
        return await iterator.next()
    }

    func next() async throws -> ServerMessage? {
        guard let text = await nextText() else { return nil }
        return try TabletopProtocol.decodeServerMessage(text)
    }

    /// Skips messages until one satisfies `match`.
    func next<T>(_ match: (ServerMessage) -> T?, sourceLocation: SourceLocation = #_sourceLocation) async throws -> T {
        while let message = try await next() {
            if let found = match(message) { return found }
        }
        Issue.record("the socket closed before the expected message", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    func welcome() async throws -> Welcome {
        try await next { if case .welcome(let welcome) = $0 { welcome } else { nil } }
    }

    func reply(to clientID: String) async throws -> ServerMessage {
        try await next { message -> ServerMessage? in
            switch message {
            case .ack(let id, _) where id == clientID: message
            case .error(let reply) where reply.clientID == clientID: message
            default: nil
            }
        }
    }

    /// Whether the server closed the socket (after any messages still queued, which are dropped).
    func isClosedByServer() async throws -> Bool {
        while await nextText() != nil {}
        return try await connection.value != nil
    }

    func close() async throws {
        if let outbound = await writer.value { try? await outbound.close(.normalClosure, reason: nil) }
        _ = try? await connection.value
    }
}

extension TestServer {
    /// Joins a game and returns the seat: `(playerID, credential, role)`.
    func join(
        _ game: String,
        name: String,
        colour: String = "#aa0000",
        headers: HTTPFields = [:]
    ) async throws -> (playerID: String, credential: String, role: String) {
        let response = try await post(
            "/api/v1/games/\(game)/join",
            json: "{\"name\": \"\(name)\", \"colour\": \"\(colour)\"}",
            headers: headers
        )
        #expect(response.status == .created, "join answered \(response.status)")
        let body = try response.json
        return (
            try #require(body["playerID"]?.stringValue),
            try #require(body["credential"]?.stringValue),
            try #require(body["role"]?.stringValue)
        )
    }

    /// Gina's GM seat (with her login) and Ann's player seat at Gina's game, the two seats most socket tests need.
    func seatGMAndAnn(
        gina: BrowserSession
    ) async throws -> (
        gm: (playerID: String, credential: String, role: String),
        ann: (playerID: String, credential: String, role: String)
    ) {
        let gm = try await join("gina/dark-forest", name: "Gina", headers: gina.headers)
        return (gm, try await join("gina/dark-forest", name: "Ann"))
    }

    /// Registers `gm`, creates the game `slug` and returns the GM's session.
    func createGame(
        gm: String = "gina",
        slug: String = "dark-forest",
        password: String? = nil
    ) async throws -> BrowserSession {
        let session = try await logIn(gm)
        let passwordField = password.map { ", \"password\": \"\($0)\"" } ?? ""
        let response = try await post(
            "/api/v1/games",
            json: "{\"slug\": \"\(slug)\", \"name\": \"Dark forest\"\(passwordField)}",
            headers: session.headers
        )
        #expect(response.status == .created, "creating the game answered \(response.status)")
        return session
    }
}

/// The image tokens of the socket tests show: the SHA-256 of `TestImages.wolf`, which `uploadWolf` stores. It is
/// 64 lower-case hex digits, a valid blob id, so `try!` cannot fail.
let wolfImage = try! BlobID(hex: "8630ef506bae1247c5f7746f441675e49fff2c6a789f220275cbddfa0d276abb")

extension TestImages {
    static let wolf = png(width: 64, height: 64)
}

extension TestServer {
    /// Uploads the wolf image into the game, so that its tokens may show it.
    func uploadWolf(into game: String = "gina/dark-forest", headers: HTTPFields) async throws {
        #expect(try await uploadImage(TestImages.wolf, game: game, headers: headers) == wolfImage.hex)
    }
}
