import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import NIOCore
import SZStore
import SZTabletop
import Synchronization

extension GameService {
    init(_ environment: ServerEnvironment) {
        self.init(
            store: environment.store,
            registry: environment.games,
            hasher: environment.hasher,
            fancyURLs: environment.fancyURLs,
            expiry: environment.expiryForecast,
            now: environment.now
        )
    }
}

/// The request context of a game socket: the game found when deciding to upgrade travels to the connection, so
/// the upgrade reads it from the database once.
struct GameSocketRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let found = FoundGame()
    /// The connection, for writing events to it directly (`ChannelEventWriter`).
    let channel: any Channel

    init(source: Source) {
        coreContext = .init(source: source)
        webSocket = .init()
        channel = source.channel
    }
}

/// Shared by the copies of one request's context.
final class FoundGame: Sendable {
    let game = Mutex<GameRecord?>(nil)
}

/// HTTP/1 with the games' WebSocket upgrade. Upgrades have a router of their own, so ordinary requests never go
/// through it; a request to the socket path without an upgrade reaches the API router, which answers 426.
func webSocketServer(_ environment: ServerEnvironment) -> HTTPServerBuilder {
    let games = GameService(environment)
    let router = Router(context: GameSocketRequestContext.self)
    router.ws(
        RouterPath(APIRoutes.prefix + "/games/:gm/:slug/socket"),
        shouldUpgrade: { _, context in
            let found = try? await games.find(
                gm: context.parameters.get("gm") ?? "",
                slug: context.parameters.get("slug") ?? ""
            )
            context.found.game.withLock { $0 = found?.game }
            return found == nil ? .dontUpgrade : .upgrade([:])
        },
        onUpgrade: { inbound, outbound, context in
            guard let game = context.requestContext.found.game.withLock({ $0 }) else { return }
            let socket = TabletopSocket(
                games: games,
                game: game,
                channel: context.requestContext.channel,
                metrics: environment.metrics
            )
            try await socket.run(
                inbound: inbound,
                outbound: outbound,
                logger: context.logger
            )
        }
    )
    return .http1WebSocketUpgrade(
        webSocketRouter: router,
        configuration: .init(
            ws: WebSocketServerConfiguration(
                maxFrameSize: TabletopSocket.maxFrameBytes,
                autoPing: .enabled(timePeriod: .seconds(30))
            )
        )
    )
}
