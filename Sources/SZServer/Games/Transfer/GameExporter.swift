import Foundation
import JSONSchema
import SZCore
import SZPacks
import SZStore
import SZTabletop

/// Writes a game as a ZIP (`game.json` with its images and tracks, docs/game-export.md) or as a session pack
/// (`.szp`, packType `session`), both with the deterministic pack writer.
struct GameExporter {
    let blobs: BlobStore

    /// Where the tabletop lives inside a session pack: media the pack format carries without reading it.
    static let sessionPackFolder = PackLayout.media + "tabletop/"
    static let sessionPackGameFile = sessionPackFolder + "game.szgame"

    func zip(_ state: GameState) throws -> [UInt8] {
        var writer = PackArchiveWriter()
        writer.requiresManifest = false
        return try writer.write(PackArchiveContents(files: try files(of: state, in: ""))).bytes
    }

    /// The session pack of the game: its sheet's state and characters, the earlier snapshots plus one taken
    /// `now`, its template (or a dependency on the pack holding it) and the tabletop under `media/tabletop/`.
    func sessionPack(
        _ state: GameState,
        gameID: UUID,
        sheet: GameSessionSheet,
        author: String,
        now: Date
    ) throws -> (archive: [UInt8], sheet: GameSessionSheet) {
        var sheet = sheet
        sheet.record.state.name = state.game.name
        do {
            try sheet.record.takeSnapshot(at: now, label: "export")
        } catch {
            // Exported twice in one second: that second's snapshot already holds the same state.
        }
        let manifest = PackManifest(
            id: gameID,
            name: state.game.name,
            version: "1.\(state.sequence).0",
            author: author,
            license: "LicenseRef-All-Rights-Reserved",
            description: "A SessionZero game exported as a session pack",
            createdAt: now.formatted(Date.ISO8601FormatStyle()),
            sessionZeroVersion: SessionZeroRelease.version,
            packType: .session,
            dependencies: sheet.dependency.map { [$0] } ?? []
        )
        var pack = Datapack(manifest: manifest, session: sheet.record)
        if let json = sheet.template, let template = try? SessionTemplate(json: json) {
            pack.sessionTemplates = [template]
        }
        var files = try files(of: state, in: Self.sessionPackFolder)
        files[Self.sessionPackGameFile] = files.removeValue(forKey: Self.sessionPackFolder + "game.json")
        for (path, json) in pack.documents { files[path] = Array(JSONWriter.pretty(json).utf8) }
        return (try PackArchiveWriter().write(PackArchiveContents(files: files)).bytes, sheet)
    }

    /// `game.json` and every image and track the state names, under `folder`.
    private func files(of state: GameState, in folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var failure: (any Error)?
        func add(_ blob: BlobID, in subfolder: String, type: ([UInt8]) -> String?) -> String {
            do {
                guard let bytes = try blobs.bytes(blob.hex) else { throw GameExportError.missingBlob(blob.hex) }
                let path = "\(subfolder)/\(blob.hex).\(type(bytes) ?? "bin")"
                files[folder + path] = bytes
                return path
            } catch {
                failure = failure ?? error
                return ""
            }
        }
        let game = ExportedGame(
            state,
            imagePath: { add($0, in: "images", type: { try? SniffedImage.sniff($0).kind.rawValue }) },
            trackPath: { add($0, in: "music", type: { try? SniffedAudio.sniff($0).kind.fileExtension }) }
        )
        if let failure { throw failure }
        files[folder + "game.json"] = game.json
        return files
    }
}

enum GameExportError: Error, CustomStringConvertible {
    case missingBlob(String)

    var description: String {
        switch self {
        case .missingBlob(let hash): "the file \(hash) the game uses is missing from the blob store"
        }
    }
}
