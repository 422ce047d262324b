import SZStore
import SZTabletop

/// The picture of a game on its GM's dashboard: the thumbnail the browser made of the background of the active
/// scene (or of the first scene, when the active one has none). Nil when there is no such thumbnail.
struct GameCovers {
    let store: Store
    let registry: GameRegistry

    func thumbnail(of game: GameRecord) async throws -> String? {
        guard let background = Self.background(of: try await registry.currentState(of: game.id)) else { return nil }
        return try await store.gameBlobs.thumbnail(of: background.hex, gameID: game.id)
    }

    static func background(of state: GameState) -> BlobID? {
        state.scenes.first { $0.id == state.activeSceneID }?.background ?? state.scenes.first?.background
    }
}
