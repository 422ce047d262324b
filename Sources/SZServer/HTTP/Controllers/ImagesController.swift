import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SZStore

/// Image uploads for a game's tokens and backgrounds, and serving stored images by their SHA-256.
struct ImagesController {
    let games: GameService
    let blobs: BlobStore
    let limits: ServerSettings.FileLimits

    struct ImageView: ResponseCodable {
        let sha256: String
        let width: Int
        let height: Int
        let type: String
    }

    /// Where a stored image is served.
    static func url(_ sha256: String) -> String {
        "\(APIRoutes.prefix)/images/\(sha256)"
    }

    func register(on routes: APIRoutes) {
        routes.on(.post, "/games/:gm/:slug/images") { request, context in
            let (_, game) = try await games.find(
                gm: context.parameters.get("gm") ?? "",
                slug: context.parameters.get("slug") ?? ""
            )
            let uploader = try await GameUploader.identify(request, context: context, game: game, games: games)
            try uploader.requireMayChangeTable(uploading: "images")
            let purpose = request.uri.queryParameters.get("purpose") ?? "token"
            guard purpose == "token" || purpose == "background" else {
                throw APIError.invalidField(
                    "purpose",
                    "must be \"token\" or \"background\", not \"\(purpose.prefix(20))\""
                )
            }
            let mebibytes = purpose == "token" ? limits.token : limits.background
            let bytes = try await UploadBody.collect(
                request,
                mebibytes: mebibytes,
                slug: "image-too-large",
                what: "a \(purpose) image",
                setting: purpose
            )
            let image: SniffedImage
            do throws(ImageError) {
                image = try SniffedImage.sniff(bytes)
            } catch {
                throw APIError(
                    status: .unsupportedMediaType,
                    slug: "unsupported-image",
                    title: "Not an image this server accepts",
                    detail: error.description
                )
            }
            let hash = try await GameMedia(store: games.store, blobs: blobs).keep(bytes, for: game.id)
            let view = ImageView(sha256: hash, width: image.width, height: image.height, type: image.kind.mediaType)
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.get, "/images/:sha256") { request, context in
            let hash = context.parameters.get("sha256") ?? ""
            // Only images are served here, so a blob of another kind (a pack, a track) never gets an image type.
            guard let bytes = try blobs.bytes(hash), let image = try? SniffedImage.sniff(bytes) else {
                throw APIError(
                    status: .notFound,
                    slug: "image-not-found",
                    title: "No such image",
                    detail: "no image is stored under \(hash.prefix(64))"
                )
            }
            return APIResponse.immutableBlob(bytes, sha256: hash, contentType: image.kind.mediaType, for: request)
        }
    }
}
