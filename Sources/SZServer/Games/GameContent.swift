import SZTabletop

/// What a new game starts with besides its name: scenes, tokens and music (from an image, an export or a session
/// pack), the blobs it holds from the start and its session sheet. Empty, it is a game with one empty scene.
struct GameContent {
    var name: String?
    var flags = GameFlags()
    var scenes: [Scene] = []
    var activeSceneID: SceneID?
    var tokens: [Token] = []
    var music: [MusicSlot]?
    var rolls: [RollEntry] = []
    /// SHA-256s of the blobs the content names, stored before the game is created.
    var blobs: Set<String> = []
    var sessionSheet: GameSessionSheet?

    func state(of game: Game) -> GameState {
        var ids = RandomIdentifiers()
        let scenes = scenes.isEmpty ? [Scene(id: SceneID(ids.next()), name: "Scene 1")] : scenes
        return GameState(
            game: game,
            players: [],
            scenes: scenes,
            activeSceneID: activeSceneID ?? scenes[0].id,
            tokens: tokens,
            music: music ?? (0..<TabletopLimits.musicSlots).map { MusicSlot(slot: $0) },
            rolls: rolls
        )
    }
}
