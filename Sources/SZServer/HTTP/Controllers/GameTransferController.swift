import Foundation
import HTTPTypes
import Hummingbird
import JSONSchema
import NIOCore
import SZCore
import SZPacks
import SZStore
import SZTabletop

/// Games made from something (a background image, a game ZIP, a session pack, a session template of an installed
/// pack), exported as a ZIP or a session pack, their session sheet, and their clean-up.
struct GameTransferController {
    let games: GameService
    let media: GameMedia
    let sheets: GameSessionSheets
    let limits: ServerSettings.FileLimits

    struct CleanupView: ResponseCodable {
        let removed: [String]
    }

    func register(on routes: APIRoutes) {
        routes.on(.post, "/games/import") { request, context in
            let user = try context.requireUser()
            let creation = GameService.Creation(
                name: request.uri.queryParameters.get("name"),
                slug: request.uri.queryParameters.get("slug")
            )
            let (content, notes) = try await importedContent(request)
            let game = try await games.create(owner: user, creation, content: content)
            let view = ImportView(
                game: GamesController.GameView(game, gm: user.name, expiry: games.expiry),
                notes: notes
            )
            return try EditedResponse(status: .created, response: view).response(from: request, context: context)
        }
        routes.on(.post, "/games/from-template") { request, context in
            let user = try context.requireUser()
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["packId", "version", "templateId", "name", "slug", "password", "playersControlMusic"]
            )
            let creation = GameService.Creation(
                name: try body.optionalString("name"),
                slug: try body.optionalString("slug"),
                password: try body.optionalString("password"),
                playersControlMusic: try body.optionalBool("playersControlMusic")
            )
            let sheet = try await templateSheet(
                packID: try body.string("packId"),
                version: try body.string("version"),
                templateID: try body.string("templateId"),
                name: creation.name,
                viewer: user
            )
            let content = GameContent(name: sheet.record.state.name, sessionSheet: sheet)
            let game = try await games.create(owner: user, creation, content: content)
            return try EditedResponse(
                status: .created,
                response: GamesController.GameView(game, gm: user.name, expiry: games.expiry)
            )
            .response(from: request, context: context)
        }
        routes.on(.get, "/games/:gm/:slug/export") { request, context in
            let (owner, game) = try await find(context)
            try games.requireOwner(game, try context.requireUser())
            let state = try await games.registry.room(for: game.id).currentState
            let exporter = GameExporter(blobs: media.blobs)
            let format = request.uri.queryParameters.get("format") ?? "zip"
            let bytes: [UInt8]
            switch format {
            case "zip": bytes = try exporter.zip(state)
            case "szp":
                bytes = try await sheets.change(game, name: state.game.name) { sheet in
                    let (archive, exported) = try exporter.sessionPack(
                        state,
                        gameID: game.id,
                        sheet: sheet,
                        author: owner.name,
                        now: games.now()
                    )
                    return (exported, archive)
                }
            default:
                throw APIError.invalidField("format", "must be \"zip\" or \"szp\", not \"\(format.prefix(20))\"")
            }
            let headers: HTTPFields = [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"\(owner.name)_\(game.slug).\(format)\"",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        routes.on(.get, "/games/:gm/:slug/session") { request, context in
            let (_, game) = try await find(context)
            let caller = try await GameUploader.identify(request, context: context, game: game, games: games)
            guard caller.mayChangeTable || caller.isSpectator else { throw GameService.removed }
            let state = try await games.registry.room(for: game.id).currentState
            let sheet = try await sheets.sheet(of: game, name: state.game.name)
            let template = try await sheets.template(of: sheet)?.template
            return Self.json(sheets.view(of: sheet, template: template, forGM: caller.isGameMaster))
        }
        routes.on(.patch, "/games/:gm/:slug/session") { request, context in
            let (_, game) = try await find(context)
            let caller = try await GameUploader.identify(request, context: context, game: game, games: games)
            guard caller.isGameMaster else { throw Self.gmOnly }
            let body = try await JSONBody.read(
                request,
                context: context,
                fields: ["fields"],
                limit: CharactersController.bodyLimit
            )
            guard let fields = body.object["fields"]?.objectValue else {
                throw APIError.invalidField("/fields", "must be an object of field values keyed by field id")
            }
            let room = try await games.registry.room(for: game.id)
            let view = try await sheets.update(game, name: await room.currentState.game.name, fields: fields)
            // The sheet is stored: a failed announcement only leaves open dialogs showing the sheet as it was.
            try? await room.announceSessionChange()
            return Self.json(view)
        }
        routes.on(.post, "/games/:gm/:slug/cleanup") { request, context in
            let (_, game) = try await find(context)
            try games.requireOwner(game, try context.requireUser())
            let state = try await games.registry.room(for: game.id).currentState
            let removed = try await media.cleanUp(game.id, state: state)
            return try CleanupView(removed: removed).response(from: request, context: context)
        }
    }

    struct ImportView: ResponseCodable {
        let game: GamesController.GameView
        /// What the import left out (pyvtt's shipped assets).
        let notes: [String]
    }

    /// An image becomes the background of the first scene; a ZIP is a game export, a pyvtt export or a session
    /// pack. Which one is read from the bytes.
    private func importedContent(_ request: Request) async throws -> (GameContent, [String]) {
        let cap = max(limits.background, limits.game, limits.pack)
        let bytes = try await UploadBody.collect(
            request,
            mebibytes: cap,
            slug: Self.tooLargeSlug,
            what: "an upload",
            setting: "game"
        )
        if bytes.starts(with: [0x50, 0x4B]) {
            let isPack = Self.mentionsManifest(bytes)
            let limit = isPack ? limits.pack : limits.game
            guard bytes.count <= limit * 1024 * 1024 else {
                throw Self.tooLarge(isPack ? "a session pack" : "a game archive", limit, isPack ? "pack" : "game")
            }
            var archiveLimits = ArchiveLimits()
            archiveLimits.maximumArchiveSize = limit * 1024 * 1024
            let imported = try GameImporter(limits: archiveLimits).read(bytes)
            try imported.media.store(in: media.blobs)
            return (imported.content, imported.notes)
        }
        guard bytes.count <= limits.background * 1024 * 1024 else {
            throw Self.tooLarge("a background image", limits.background, "background")
        }
        do throws(ImageError) {
            _ = try SniffedImage.sniff(bytes)
        } catch {
            throw APIError(
                status: .unsupportedMediaType,
                slug: "unsupported-upload",
                title: "Neither an image nor a game archive",
                detail: error.description + "; or a ZIP (a game export, a pyvtt export, a session pack)"
            )
        }
        let hash = try media.blobs.store(bytes)
        var ids = RandomIdentifiers()
        let scene = Scene(id: SceneID(ids.next()), name: "Scene 1", background: try BlobID(computed: hash))
        return (GameContent(scenes: [scene], blobs: [hash]), [])
    }

    /// Whether the central directory names `szpack.json` (a session pack is held to file_limit.pack).
    private static func mentionsManifest(_ bytes: [UInt8]) -> Bool {
        let name = Array(PackLayout.manifest.utf8)
        return bytes.indices.dropLast(name.count).contains { bytes[$0..<$0 + name.count].elementsEqual(name) }
    }

    private static let tooLargeSlug = "upload-too-large"

    private static func tooLarge(_ what: String, _ mebibytes: Int, _ setting: String) -> APIError {
        UploadBody.tooLarge(slug: tooLargeSlug, what: what, mebibytes: mebibytes, setting: setting)
    }

    /// A new sheet from session template `templateID` of an installed pack the viewer may see.
    private func templateSheet(
        packID: String,
        version: String,
        templateID: String,
        name: String?,
        viewer: UserRecord
    ) async throws -> GameSessionSheet {
        guard let id = UUID(uuidString: packID),
            let pack = try await games.store.packs.find(packID: id, version: version), pack.isVisible(to: viewer.id)
        else {
            throw APIError(
                status: .notFound,
                slug: "pack-not-found",
                title: "No such pack",
                detail: "no installed pack \(packID.prefix(40)) \(version.prefix(20)) that you may use"
            )
        }
        guard let object = try await games.store.packs.object(of: pack.rowID, kind: .sessionTemplate, id: templateID),
            let template = try? SessionTemplate(json: try JSONParser().parse(object.document))
        else {
            throw APIError(
                status: .notFound,
                slug: "template-not-found",
                title: "No such session template",
                detail: "\(pack.name) \(pack.version) has no session template \"\(templateID.prefix(40))\""
            )
        }
        let instance = template.makeInstance(
            id: "state",
            name: name ?? template.metadata.name,
            templateLink: InstanceTemplateLink(datapackId: pack.packID, version: pack.version)
        )
        return GameSessionSheet(
            record: SessionRecord(state: instance),
            dependency: PackDependency(id: pack.packID, name: pack.name, version: pack.version)
        )
    }

    static let gmOnly = APIError(
        status: .forbidden,
        slug: "session-sheet-gm-only",
        title: "Only the GM changes the session sheet",
        detail: "the game's session sheet is changed by its GMs; players and spectators read it"
    )

    private static func json(_ value: JSONValue) -> Response {
        let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.compact(value)))
        )
    }

    private func find(_ context: AppRequestContext) async throws -> (owner: UserRecord, game: GameRecord) {
        try await games.find(gm: context.parameters.get("gm") ?? "", slug: context.parameters.get("slug") ?? "")
    }
}
