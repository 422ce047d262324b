import Hummingbird
import JSONSchema
import SZStore

/// Thumbnails the browser makes of uploaded images, and a GM's images across their games: the asset browser lists
/// them and brings one into the game it shows.
struct ImageReuseController {
    let games: GameService
    let media: GameMedia

    func register(on routes: APIRoutes) {
        routes.on(.post, "/games/:gm/:slug/images/:sha256/thumbnail") { request, context in
            let (gm, game) = try await find(context)
            let uploader = try await GameUploader.identify(request, context: context, game: game, games: games)
            try uploader.requireMayChangeTable(uploading: "thumbnails")
            let image = context.parameters.get("sha256") ?? ""
            let bytes: [UInt8]
            do {
                bytes = Array(buffer: try await request.body.collect(upTo: Thumbnail.maxBytes))
            } catch {
                throw Self.problem(.tooLarge)
            }
            let thumbnail: SniffedImage
            do throws(ThumbnailError) {
                thumbnail = try Thumbnail.check(bytes)
            } catch {
                throw Self.problem(error)
            }
            guard let hash = try await media.keepThumbnail(bytes, of: image, for: game.id) else {
                throw Self.imageNotInGame(image, game: "\(gm.name)/\(game.slug)")
            }
            let view = ImagesController.ImageView(
                sha256: hash,
                width: thumbnail.width,
                height: thumbnail.height,
                type: thumbnail.kind.mediaType
            )
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.put, "/games/:gm/:slug/images/:sha256") { request, context in
            let (_, game) = try await find(context)
            let uploader = try await GameUploader.identify(request, context: context, game: game, games: games)
            guard uploader.isGameMaster else {
                throw APIError(
                    status: .forbidden,
                    slug: "not-game-master",
                    title: "Only the game's GM may do this",
                    detail: "only the GM may bring images from their other games into this one"
                )
            }
            let image = context.parameters.get("sha256") ?? ""
            guard try await media.adopt(image, into: game) != nil,
                let sniffed = try SniffedImage.stored(image, in: media.blobs)
            else {
                throw APIError(
                    status: .notFound,
                    slug: "image-not-found",
                    title: "No such image in your games",
                    detail: "none of your games holds an image \(image.prefix(64)); upload it instead"
                )
            }
            let view = ImagesController.ImageView(
                sha256: image,
                width: sniffed.width,
                height: sniffed.height,
                type: sniffed.kind.mediaType
            )
            return try view.response(from: request, context: context)
        }
        routes.on(.get, "/me/images") { request, context in
            let user = try context.requireUser()
            let page = try Paging(request)
            var excluded: GameRecord?
            if let slug = request.uri.queryParameters.get("except") {
                excluded = try await games.find(gm: user.name, slug: slug).game
            }
            let rows = try await games.store.gameBlobs.held(
                byGamesOf: user.id,
                except: excluded?.id,
                offset: page.offset,
                limit: page.limit
            )
            var seen: Set<String> = []
            var items: [JSONValue] = []
            for row in rows where seen.insert(row.sha256).inserted {
                // Tracks are held like images; only images are listed.
                guard let image = try SniffedImage.stored(row.sha256, in: media.blobs) else { continue }
                items.append(Self.view(row, image, gm: user.name))
            }
            let next = page.nextCursor(after: rows.count).map(JSONValue.string) ?? .null
            return APIResponse.make(["items": .array(items), "nextCursor": next], for: request)
        }
    }

    private func find(_ context: AppRequestContext) async throws -> (owner: UserRecord, game: GameRecord) {
        try await games.find(gm: context.parameters.get("gm") ?? "", slug: context.parameters.get("slug") ?? "")
    }

    static func view(_ row: HeldBlobRecord, _ image: SniffedImage, gm: String) -> JSONValue {
        [
            "sha256": .string(row.sha256),
            "url": .string(ImagesController.url(row.sha256)),
            "thumbnailUrl": row.thumbnailSHA256.map { .string(ImagesController.url($0)) } ?? .null,
            "width": .number(JSONNumber(image.width)),
            "height": .number(JSONNumber(image.height)),
            "type": .string(image.kind.mediaType),
            "game": ["gm": .string(gm), "slug": .string(row.gameSlug), "name": .string(row.gameName)],
        ]
    }

    static func problem(_ error: ThumbnailError) -> APIError {
        switch error {
        case .tooLarge:
            APIError(
                status: .contentTooLarge,
                slug: "thumbnail-too-large",
                title: "The thumbnail is too large",
                detail: error.description
            )
        case .notAnImage, .unsupportedKind:
            APIError(
                status: .unsupportedMediaType,
                slug: "unsupported-thumbnail",
                title: "Not a thumbnail this server accepts",
                detail: error.description
            )
        case .tooManyPixels:
            APIError(
                status: .unprocessableContent,
                slug: "thumbnail-too-big",
                title: "The thumbnail has too many pixels",
                detail: error.description
            )
        }
    }

    static func imageNotInGame(_ image: String, game: String) -> APIError {
        APIError(
            status: .notFound,
            slug: "image-not-in-game",
            title: "The game holds no such image",
            detail: "game \(game) holds no image \(image.prefix(64)); upload the image before its thumbnail"
        )
    }
}
