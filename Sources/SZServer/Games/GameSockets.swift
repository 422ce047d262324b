import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import SZTabletop

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

/// HTTP/1 with the games' WebSocket upgrade. Upgrades have a router of their own, so ordinary requests never go
/// through it; a request to the socket path without an upgrade reaches the API router, which answers 426.
func webSocketServer(_ environment: ServerEnvironment) -> HTTPServerBuilder {
    let games = GameService(environment)
    let router = Router(context: BasicWebSocketRequestContext.self)
    router.ws(
        RouterPath(APIRoutes.prefix + "/games/:gm/:slug/socket"),
        shouldUpgrade: { _, context in
            let found = try? await games.find(
                gm: context.parameters.get("gm") ?? "",
                slug: context.parameters.get("slug") ?? ""
            )
            return found == nil ? .dontUpgrade : .upgrade([:])
        },
        onUpgrade: { inbound, outbound, context in
            let parameters = context.requestContext.parameters
            let (_, game) = try await games.find(gm: parameters.get("gm") ?? "", slug: parameters.get("slug") ?? "")
            try await TabletopSocket(games: games, game: game, metrics: environment.metrics).run(
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
