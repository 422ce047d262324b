/// The state of a game as one viewer may see it: what a joining client starts from. Players and spectators
/// get the active scene only, without hidden tokens and without anyone's account.
public struct GameSnapshot: Codable, Equatable, Sendable {
    /// The last event the snapshot includes; events after it follow on the stream.
    public var sequence: Int64
    public var gameID: GameID
    public var name: String
    public var flags: GameFlags
    public var players: [PlayerInfo]
    public var scenes: [Scene]
    public var activeSceneID: SceneID
    /// Every scene's for a GM, bottom to top per scene.
    public var tokens: [Token]
    public var music: [MusicSlot]
    /// The latest rolls the viewer may see, oldest first.
    public var rolls: [RollEntry]
}

extension GameState {
    public func snapshot(for viewer: Viewer) -> GameSnapshot {
        let shownScenes = viewer.isGameMaster ? scenes : scenes.filter { $0.id == activeSceneID }
        let shownTokens = shownScenes.flatMap { tokens(on: $0.id) }.filter {
            viewer.isGameMaster || isVisibleToTable($0)
        }
        return GameSnapshot(
            sequence: sequence,
            gameID: game.id,
            name: game.name,
            flags: game.flags,
            players: players.map(\.info),
            scenes: shownScenes,
            activeSceneID: activeSceneID,
            tokens: shownTokens,
            music: music,
            rolls: rolls.filter { $0.audience.includes(viewer) }
        )
    }
}
