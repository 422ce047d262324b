import Foundation
import HTTPTypes
import Hummingbird
import JSONSchema
import SZStore
import SZTabletop

/// `/games`: creating, listing, reading and deleting games, and joining one for a player credential.
struct GamesController {
    let games: GameService
    let media: GameMedia

    struct GameView: ResponseCodable {
        let gm: String
        let slug: String
        let name: String
        /// The page of the game in the browser client.
        let url: String
        let hasPassword: Bool
        let createdAt: Date
        let updatedAt: Date
        /// When the game last stored an event; the clean-up counts its period from here.
        let lastActivityAt: Date
        /// The clean-up pass that will remove the game if nobody plays it before; null when games never expire.
        @NullWhenAbsent var expiresAt: Date?
        /// When its GM said the next session starts; null when none is planned.
        @NullWhenAbsent var nextSessionAt: Date?
        /// The game's picture on the dashboard (`GameCovers`), or null.
        @NullWhenAbsent var thumbnailUrl: String?

        init(_ game: GameRecord, gm: String, expiry: ExpiryForecast, thumbnail: String? = nil) {
            self.gm = gm
            slug = game.slug
            name = game.name
            url = "/game/\(gm)/\(game.slug)"
            hasPassword = game.passwordHash != nil
            createdAt = game.createdAt
            updatedAt = game.updatedAt
            lastActivityAt = game.lastActivityAt
            expiresAt = expiry.removal(lastActivity: game.lastActivityAt)
            nextSessionAt = game.nextSessionAt
            thumbnailUrl = thumbnail.map(ImagesController.url)
        }
    }

    struct GamePage: ResponseCodable {
        let items: [GameView]
        let nextCursor: String?
    }

    struct SeatView: ResponseCodable {
        let playerID: String
        /// The secret for the socket's `hello`; shown this once, only its hash is stored.
        let credential: String
        let role: String
    }

    func register(on routes: APIRoutes) {
        routes.on(.post, "/games") { request, context in
            let user = try context.requireUser()
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["name", "slug", "password", "playersControlMusic"]
            )
            let game = try await games.create(
                owner: user,
                GameService.Creation(
                    name: try body.optionalString("name"),
                    slug: try body.optionalString("slug"),
                    password: try body.optionalString("password"),
                    playersControlMusic: try body.optionalBool("playersControlMusic")
                )
            )
            return try EditedResponse(status: .created, response: GameView(game, gm: user.name, expiry: games.expiry))
                .response(from: request, context: context)
        }
        routes.on(.get, "/games") { request, context in
            let user = try context.requireUser()
            let limit = try Self.pageLimit(request)
            let page = try await games.store.games.list(
                ownerID: user.id,
                after: request.uri.queryParameters.get("cursor"),
                limit: limit
            )
            let covers = GameCovers(store: games.store, registry: games.registry)
            var items: [GameView] = []
            for game in page {
                let thumbnail = try await covers.thumbnail(of: game)
                items.append(GameView(game, gm: user.name, expiry: games.expiry, thumbnail: thumbnail))
            }
            return try GamePage(
                items: items,
                nextCursor: page.count == limit ? page.last?.slug : nil
            ).response(from: request, context: context)
        }
        routes.on(.get, "/games/:gm/:slug") { request, context in
            let (owner, game) = try await find(context)
            let thumbnail = try await GameCovers(store: games.store, registry: games.registry).thumbnail(of: game)
            let view = GameView(game, gm: owner.name, expiry: games.expiry, thumbnail: thumbnail)
            return try view.response(from: request, context: context)
        }
        routes.on(.patch, "/games/:gm/:slug") { request, context in
            let (owner, game) = try await find(context)
            try games.requireOwner(game, try context.requireUser())
            let body = try await JSONBody.read(request, context: context, fields: ["nextSessionAt"])
            var changed = game
            if let value = body.object["nextSessionAt"] {
                changed = try await games.scheduleNextSession(
                    of: game,
                    at: try NextSessionStart.checked(value, now: games.now())
                )
            }
            let thumbnail = try await GameCovers(store: games.store, registry: games.registry).thumbnail(of: changed)
            let view = GameView(changed, gm: owner.name, expiry: games.expiry, thumbnail: thumbnail)
            return try view.response(from: request, context: context)
        }
        routes.on(.delete, "/games/:gm/:slug") { _, context in
            let (_, game) = try await find(context)
            try await games.delete(game, by: try context.requireUser(), media: media)
            return Response(status: .noContent)
        }
        routes.on(.post, "/games/:gm/:slug/join") { request, context in
            let (_, game) = try await find(context)
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["name", "colour", "password", "role"]
            )
            let role = try body.optionalString("role") ?? "player"
            guard role == "player" || role == "spectator" else {
                throw APIError.invalidField("/role", "must be \"player\" or \"spectator\", not \"\(role.prefix(40))\"")
            }
            let seat = try await games.join(
                game,
                user: context.user,
                name: try body.string("name"),
                colour: try body.string("colour"),
                password: try body.optionalString("password"),
                spectator: role == "spectator"
            )
            let view = SeatView(
                playerID: seat.player.id.rawValue,
                credential: seat.credential,
                role: seat.player.role.rawValue
            )
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.get, "/games/:gm/:slug/socket") { _, context in
            _ = try await find(context)
            var error = APIError(
                status: .upgradeRequired,
                slug: "websocket-required",
                title: "This is a WebSocket endpoint",
                detail: "open it as a WebSocket (Upgrade: websocket); the protocol is in docs/protocol.md"
            )
            error.headers[.upgrade] = "websocket"
            throw error
        }
    }

    private func find(_ context: AppRequestContext) async throws -> (owner: UserRecord, game: GameRecord) {
        try await games.find(gm: context.parameters.get("gm") ?? "", slug: context.parameters.get("slug") ?? "")
    }

    static func pageLimit(_ request: Request) throws(APIError) -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return 50 }
        guard let limit = Int(text), (1...200).contains(limit) else {
            throw .invalidField("limit", "must be a whole number from 1 to 200, not \"\(text.prefix(20))\"")
        }
        return limit
    }
}
