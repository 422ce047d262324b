import HTTPTypes
import JSONSchema
import SZCore
import SZPacks
import SZStore
import SZTabletop

/// Turns an uploaded archive into a new game's content: a SessionZero game export, a pyvtt export, or a session
/// pack. The archive goes through the pack reader's checks first (paths, links, duplicates, sizes, ratios,
/// overlaps, CRCs), so a hostile ZIP is refused before anything is inflated or stored.
struct GameImporter {
    let limits: ArchiveLimits

    /// What the import made, and notes about what it had to leave out.
    struct Imported {
        var content: GameContent
        var media: ArchiveMedia
        var notes: [String]
    }

    func read(_ archive: [UInt8]) throws -> Imported {
        let contents: PackArchiveContents
        do {
            contents = try PackArchiveReader(limits: limits, requiresManifest: false).read(archive)
        } catch {
            throw APIError(
                status: .unprocessableContent,
                slug: "unsafe-archive",
                title: "The archive was refused",
                detail: error.description
            )
        }
        var media = ArchiveMedia(contents)
        if contents[PackLayout.manifest] != nil {
            let content = try sessionPack(contents, media: &media)
            return Imported(content: content, media: media, notes: [])
        }
        guard let bytes = contents["game.json"] else {
            throw GameImportError(
                file: "game.json",
                "is missing: a game archive holds game.json at its root (or szpack.json for a session pack)"
            ).problem
        }
        do throws(GameImportError) {
            let json: JSONValue
            do {
                json = try JSONParser().parse(bytes)
            } catch {
                throw GameImportError(file: "game.json", error.description)
            }
            if json["format"] != nil {
                let content = try ExportedGame.decode(bytes, file: "game.json")
                    .content(media: &media, folder: "", file: "game.json")
                return Imported(content: content, media: media, notes: [])
            }
            let (content, notes) = try PyvttGame(json: json).content(media: &media)
            return Imported(content: content, media: media, notes: notes)
        } catch {
            throw error.problem
        }
    }

    /// A session pack: valid by the pack pipeline and of packType `session`; its tabletop, when it has one, is
    /// the export under `media/tabletop/`.
    private func sessionPack(_ contents: PackArchiveContents, media: inout ArchiveMedia) throws -> GameContent {
        let report = PackValidator(limits: limits).validate(contents)
        guard let pack = report.pack else {
            let first = report.errors.prefix(3).map(\.description).joined(separator: "; ")
            throw GameImportError(file: "szpack.json", "the session pack is not valid: \(first)").problem
        }
        guard let session = pack.session else {
            throw GameImportError(
                file: PackLayout.manifest,
                pointer: "/packType",
                "is \"\(pack.manifest.packType.rawValue)\"; only a session pack can become a game"
            ).problem
        }
        let template = pack.sessionTemplate(id: session.state.templateId)
        let dependency = session.state.templateLink.flatMap { link in
            pack.manifest.dependencies.first { $0.id == link.datapackId }
        }
        let sheet = GameSessionSheet(record: session, template: template?.json, dependency: dependency)
        var content = GameContent(name: session.state.name)
        if let bytes = contents[GameExporter.sessionPackGameFile] {
            do throws(GameImportError) {
                content = try ExportedGame.decode(bytes, file: GameExporter.sessionPackGameFile).content(
                    media: &media,
                    folder: GameExporter.sessionPackFolder,
                    file: GameExporter.sessionPackGameFile
                )
            } catch {
                throw error.problem
            }
        }
        content.sessionSheet = sheet
        return content
    }
}
