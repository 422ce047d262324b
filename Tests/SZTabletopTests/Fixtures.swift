import HashTreeCollections
import SZDice
import SZTabletop
import Synchronization

/// Dice that always show `face` (or the die's largest face when it has fewer sides).
struct FixedDice: DiceRandomSource {
    var face = 4

    mutating func roll(sides: Int) -> Int { min(face, sides) }
}

/// Ids `prefix-1`, `prefix-2`, … so tests can name what the room creates.
struct SequentialIdentifiers: IdentifierSource {
    var prefix = "new"
    var count = 0

    mutating func next() -> String {
        count += 1
        return "\(prefix)-\(count)"
    }
}

final class ManualClock: RoomClock {
    private let now = Mutex<Int64>(0)

    func milliseconds() -> Int64 { now.withLock { $0 } }

    func advance(by milliseconds: Int64) { now.withLock { $0 += milliseconds } }
}

struct FailingEventLog: GameEventLog {
    struct DiskFull: Error {}

    func append(_ events: [SequencedEvent], to game: GameID) throws { throw DiskFull() }

    func events(of game: GameID, after sequence: Int64, limit: Int) throws -> [SequencedEvent] { throw DiskFull() }
}

let image = try! BlobID(hex: String(repeating: "ab", count: 32))  // a literal of 64 hex digits cannot fail
let track = try! BlobID(hex: String(repeating: "cd", count: 32))  // a literal of 64 hex digits cannot fail

/// Who sends a command in the permission tests.
enum Seat: String, CaseIterable, CustomStringConvertible {
    case gm, owner, otherPlayer, spectator, kicked

    var playerID: PlayerID {
        switch self {
        case .gm: PlayerID("gm")
        case .owner: PlayerID("ann")
        case .otherPlayer: PlayerID("bob")
        case .spectator: PlayerID("sue")
        case .kicked: PlayerID("kim")
        }
    }

    var description: String { rawValue }
}

extension PlayerColour {
    static func of(_ hex: String) -> PlayerColour {
        try! PlayerColour(hex)  // tests pass literal colours only
    }
}

/// A game with a GM, two players (Ann owns tokens), a spectator and a kicked player; scene `s1` is active and
/// holds the GM's, Ann's, Bob's, a hidden and a locked token; scene `s2` holds one of Ann's tokens.
func tableState(playersControlMusic: Bool = false) -> GameState {
    let game = Game(
        id: GameID("g1"),
        name: "Table",
        gmUserID: UserID("gm-account"),
        flags: GameFlags(playersControlMusic: playersControlMusic)
    )
    let players = [
        Player(id: PlayerID("gm"), name: "Gina", colour: .of("#112233"), role: .gm, userID: UserID("gm-account")),
        Player(id: PlayerID("ann"), name: "Ann", colour: .of("#aa0000"), role: .player, userID: UserID("ann-account")),
        Player(id: PlayerID("bob"), name: "Bob", colour: .of("#00aa00"), role: .player),
        Player(id: PlayerID("sue"), name: "Sue", colour: .of("#0000aa"), role: .spectator),
        Player(id: PlayerID("kim"), name: "Kim", colour: .of("#aaaa00"), role: .player, standing: .kicked),
    ]
    let s1 = SceneID("s1")
    let tokens = [
        Token(id: TokenID("gm-token"), sceneID: s1, image: image, x: 100, y: 100, z: 1),
        Token(id: TokenID("ann-token"), sceneID: s1, image: image, x: 200, y: 200, z: 2, owner: PlayerID("ann")),
        Token(id: TokenID("bob-token"), sceneID: s1, image: image, x: 300, y: 300, z: 3, owner: PlayerID("bob")),
        Token(id: TokenID("hidden-token"), sceneID: s1, image: image, x: 400, y: 400, z: 4, hidden: true),
        Token(
            id: TokenID("locked-token"),
            sceneID: s1,
            image: image,
            x: 500,
            y: 300,
            locked: true,
            z: 5,
            owner: PlayerID("ann")
        ),
        Token(id: TokenID("s2-token"), sceneID: SceneID("s2"), image: image, x: 10, y: 10, owner: PlayerID("ann")),
    ]
    var music = (0..<TabletopLimits.musicSlots).map { MusicSlot(slot: $0) }
    music[0].track = track
    return GameState(
        game: game,
        players: players,
        scenes: [Scene(id: s1, name: "Camp"), Scene(id: SceneID("s2"), name: "Cave")],
        activeSceneID: s1,
        tokens: tokens,
        music: music
    )
}

extension GameState {
    /// Applies a command with sequential ids, for tests that only look at the result.
    func applying(_ command: Command, by seat: Seat) throws(RoomError) -> (state: GameState, outcome: CommandOutcome) {
        var ids = SequentialIdentifiers()
        var dice = FixedDice()
        return try applying(command, by: seat.playerID, ids: &ids, random: &dice)
    }

    func token(_ id: String) -> Token? { tokens[TokenID(id)] }
}

/// One example of every command kind, aimed at Ann's token or Bob's seat where it needs a target.
func sampleCommand(_ kind: CommandKind) -> Command {
    let ann = [TokenID("ann-token")]
    let s2 = SceneID("s2")
    switch kind {
    case .createScene: return .createScene(name: "Dungeon")
    case .activateScene: return .activateScene(s2)
    case .reorderScene: return .reorderScene(s2, toIndex: 0)
    case .cloneScene: return .cloneScene(s2)
    case .deleteScene: return .deleteScene(s2)
    case .updateScene:
        return .updateScene(
            s2,
            SceneUpdate(name: "Deep cave", grid: Grid(cellSize: 32, offsetX: 4, shown: true), background: .some(image))
        )
    case .createTokens: return .createTokens(SceneID("s1"), [NewToken(image: image, x: 50, y: 60, label: "Wolf")])
    case .moveTokens: return .moveTokens([TokenMove(tokenID: ann[0], x: 250, y: 260)])
    case .dragTokens: return .dragTokens([TokenMove(tokenID: ann[0], x: 240, y: 250)])
    case .resizeTokens: return .editTokens(ann, .size(96))
    case .rotateTokens: return .editTokens(ann, .rotation(90))
    case .flipTokens: return .editTokens(ann, .flipped(true))
    case .labelTokens: return .editTokens(ann, .label("Ann"))
    case .lockTokens: return .editTokens(ann, .locked(true))
    case .hideTokens: return .editTokens(ann, .hidden(true))
    case .arrangeTokens: return .editTokens(ann, .arrange(.top))
    case .cloneTokens: return .cloneTokens(ann, dx: 20, dy: 0)
    case .deleteTokens: return .deleteTokens(ann)
    case .selectTokens: return .selectTokens(ann)
    case .placeBeacon: return .placeBeacon(x: 10, y: 20)
    case .setMusicTrack: return .music(slot: 1, .track(track))
    case .playMusic: return .music(slot: 0, .play)
    case .pauseMusic: return .music(slot: 0, .pause)
    case .stopMusic: return .music(slot: 0, .stop)
    case .loopMusic: return .music(slot: 0, .loop(false))
    case .setMusicVolume: return .music(slot: 0, .volume(0.5))
    case .kickPlayer: return .setStanding(PlayerID("bob"), .kicked)
    case .banPlayer: return .setStanding(PlayerID("bob"), .banned)
    case .readmitPlayer: return .setStanding(PlayerID("kim"), .active)
    case .rollDice: return .roll(formula: "2d6+1", private: false)
    }
}
