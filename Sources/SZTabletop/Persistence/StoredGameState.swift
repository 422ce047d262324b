/// The whole state of a game as a snapshot row keeps it, with what the wire never shows (the accounts behind
/// players). A room is rebuilt from the latest snapshot and the events stored after it (`replaying`).
extension GameState {
    public static let storedFormatVersion = 1

    public var storedJSON: String {
        sortedJSON(
            StoredState(
                format: Self.storedFormatVersion,
                game: game,
                players: players.map(StoredPlayer.init),
                scenes: scenes,
                activeSceneID: activeSceneID,
                tokens: scenes.flatMap { tokens(on: $0.id) },
                music: music,
                rolls: rolls,
                sequence: sequence
            )
        )
    }

    public init(storedJSON: String) throws(StoredFormError) {
        let stored: StoredState
        do {
            stored = try TabletopJSONDecoder.decode(StoredState.self, from: storedJSON)
        } catch {
            throw StoredFormError(what: "snapshot", reason: "cannot be read: \(error)")
        }
        guard stored.format == Self.storedFormatVersion else {
            throw StoredFormError(
                what: "snapshot",
                reason: "has format \(stored.format); this server reads format \(Self.storedFormatVersion)"
            )
        }
        self.init(
            game: stored.game,
            players: stored.players.map(\.player),
            scenes: stored.scenes,
            activeSceneID: stored.activeSceneID,
            tokens: stored.tokens,
            music: stored.music,
            rolls: stored.rolls,
            sequence: stored.sequence
        )
    }

    /// A new game: one empty scene, no players yet (the GM joins like everyone else).
    public static func newGame(_ game: Game, firstScene: SceneID) -> GameState {
        GameState(game: game, players: [], scenes: [Scene(id: firstScene, name: "Scene 1")], activeSceneID: firstScene)
    }
}

private struct StoredState: Codable {
    var format: Int
    var game: Game
    var players: [StoredPlayer]
    var scenes: [Scene]
    var activeSceneID: SceneID
    var tokens: [Token]
    var music: [MusicSlot]
    var rolls: [RollEntry]
    var sequence: Int64
}

private struct StoredPlayer: Codable {
    var info: PlayerInfo
    var userID: UserID?

    init(_ player: Player) {
        info = player.info
        userID = player.userID
    }

    var player: Player {
        Player(
            id: info.id,
            name: info.name,
            colour: info.colour,
            role: info.role,
            standing: info.standing,
            online: info.online,
            userID: userID
        )
    }
}
