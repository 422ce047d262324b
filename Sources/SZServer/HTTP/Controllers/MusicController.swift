import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SZStore
import SZTabletop

/// Tracks for a game's music slots: uploads sniffed from their bytes and capped by `file_limit.music`, and
/// serving them by SHA-256 with the sniffed type. The room's music commands then name tracks by that hash.
struct MusicController {
    let games: GameService
    let blobs: BlobStore
    let limits: ServerSettings.FileLimits

    struct TrackView: ResponseCodable {
        let sha256: String
        let type: String
        let size: Int
    }

    func register(on routes: APIRoutes) {
        routes.on(.post, "/games/:gm/:slug/music") { request, context in
            let (_, game) = try await games.find(
                gm: context.parameters.get("gm") ?? "",
                slug: context.parameters.get("slug") ?? ""
            )
            let uploader = try await GameUploader.identify(request, context: context, game: game, games: games)
            let playersMayControl = try await games.registry.room(for: game.id).currentState.game.flags
                .playersControlMusic
            guard uploader.isGameMaster || (uploader.isPlayer && playersMayControl) else {
                throw APIError(
                    status: .forbidden,
                    slug: "music-forbidden",
                    title: "Not allowed to upload music",
                    detail: "only the GM may upload music in this game (players too when the game's "
                        + "playersControlMusic flag is on)"
                )
            }
            let bytes = try await UploadBody.collect(
                request,
                mebibytes: limits.music,
                slug: "music-too-large",
                what: "a track",
                setting: "music"
            )
            let audio: SniffedAudio
            do throws(AudioError) {
                audio = try SniffedAudio.sniff(bytes)
            } catch {
                throw APIError(
                    status: .unsupportedMediaType,
                    slug: "unsupported-audio",
                    title: "Not audio this server accepts",
                    detail: error.description
                )
            }
            let hash = try await GameMedia(store: games.store, blobs: blobs).keep(bytes, for: game.id)
            let view = TrackView(sha256: hash, type: audio.kind.mediaType, size: bytes.count)
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.get, "/music/:sha256") { request, context in
            let hash = context.parameters.get("sha256") ?? ""
            // Only audio is served here, so an image or a pack never gets an audio type.
            guard let bytes = try blobs.bytes(hash), let audio = try? SniffedAudio.sniff(bytes) else {
                throw APIError(
                    status: .notFound,
                    slug: "track-not-found",
                    title: "No such track",
                    detail: "no track is stored under \(hash.prefix(64))"
                )
            }
            return APIResponse.immutableBlob(bytes, sha256: hash, contentType: audio.kind.mediaType, for: request)
        }
    }
}
