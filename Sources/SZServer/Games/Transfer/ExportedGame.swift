import Foundation
import SZTabletop

/// `game.json` of a SessionZero game export (docs/game-export.md): pyvtt's idea of one JSON file beside the
/// images, but complete. Scenes are in the GM's order with their tokens, music slots and the dice log are
/// included, and files are named by path inside the archive (`images/<sha256>.png`, `music/<sha256>.ogg`).
/// Seats are not exported (credentials and accounts stay on their server), so tokens lose their owners.
struct ExportedGame: Codable, Equatable {
    static let format = "sessionzero-game"
    static let currentVersion = 1

    var format: String
    var version: Int
    var name: String
    var flags: GameFlags
    /// Index into `scenes`.
    var activeScene: Int
    var scenes: [ExportedScene]
    var music: [ExportedMusic]
    var rolls: [RollEntry]

    struct ExportedScene: Codable, Equatable {
        var id: String
        var name: String
        var width: Int
        var height: Int
        var background: String?
        var grid: Grid
        /// Bottom to top.
        var tokens: [ExportedToken]
    }

    struct ExportedToken: Codable, Equatable {
        var id: String
        var image: String
        var x: Int
        var y: Int
        var size: Int
        var rotation: Double
        var flipped: Bool
        var label: String
        var locked: Bool
        var z: Int
        var hidden: Bool
        var background: Bool
    }

    struct ExportedMusic: Codable, Equatable {
        var slot: Int
        var track: String?
        var playback: Playback
        var loop: Bool
        var volume: Double
    }
}

extension ExportedGame {
    /// The export of `state`; `path` names the archive file of each image or track.
    init(_ state: GameState, imagePath: (BlobID) -> String, trackPath: (BlobID) -> String) {
        self.init(
            format: Self.format,
            version: Self.currentVersion,
            name: state.game.name,
            flags: state.game.flags,
            activeScene: state.scenes.firstIndex { $0.id == state.activeSceneID } ?? 0,
            scenes: state.scenes.map { scene in
                ExportedScene(
                    id: scene.id.rawValue,
                    name: scene.name,
                    width: scene.width,
                    height: scene.height,
                    background: scene.background.map(imagePath),
                    grid: scene.grid,
                    tokens: state.tokens(on: scene.id).map { token in
                        ExportedToken(
                            id: token.id.rawValue,
                            image: imagePath(token.image),
                            x: token.x,
                            y: token.y,
                            size: token.size,
                            rotation: token.rotation,
                            flipped: token.flipped,
                            label: token.label,
                            locked: token.locked,
                            z: token.z,
                            hidden: token.hidden,
                            background: token.background
                        )
                    }
                )
            },
            music: state.music.map { slot in
                ExportedMusic(
                    slot: slot.slot,
                    track: slot.track.map(trackPath),
                    playback: slot.playback,
                    loop: slot.loop,
                    volume: slot.volume
                )
            },
            rolls: state.rolls
        )
    }

    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every member is a plain value with finite numbers, which always encodes.
        return (try? Array(encoder.encode(self))) ?? []
    }

    /// Reads `game.json`; a wrong shape is named by its JSON pointer.
    static func decode(_ bytes: [UInt8], file: String) throws(GameImportError) -> ExportedGame {
        do {
            return try JSONDecoder().decode(ExportedGame.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw GameImportError(file: file, pointer: pointer(context.codingPath + [key]), "is required")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw GameImportError(file: file, pointer: pointer(context.codingPath), context.debugDescription)
        } catch {
            throw GameImportError(file: file, "cannot be read: \(error)")
        }
    }

    private static func pointer(_ path: [any CodingKey]) -> String {
        path.map { "/" + ($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
    }
}
