import SZDice
import SZTabletop

/// Moves need no dice and no new ids; these keep the measurement free of both.
struct NoDice: DiceRandomSource {
    mutating func roll(sides: Int) -> Int { 1 }
}

struct CountingIdentifiers: IdentifierSource {
    var count = 0

    mutating func next() -> String {
        count += 1
        return "id-\(count)"
    }
}

/// A game whose GM owns `count` tokens on one scene; ids as long as the server's random ones.
func table(tokens count: Int) throws -> (GameState, Player) {
    let scene = SceneID("scene-0123456789abcdefghij")
    let gm = Player(
        id: PlayerID("player-0123456789abcdefghij"),
        name: "Gina",
        colour: try PlayerColour("#112233"),
        role: .gm,
        userID: UserID("account-0123456789abcdefgh")
    )
    let image = try BlobID(hex: String(repeating: "ab", count: 32))
    let tokens = (0..<count).map {
        Token(
            id: TokenID("token-\($0)-0123456789abcdef"),
            sceneID: scene,
            image: image,
            x: 10,
            y: 10,
            z: $0,
            owner: gm.id
        )
    }
    let game = Game(id: GameID("game-0123456789abcdefghijk"), name: "Table", gmUserID: gm.userID!, flags: GameFlags())
    return (
        GameState(
            game: game,
            players: [gm],
            scenes: [Scene(id: scene, name: "Camp")],
            activeSceneID: scene,
            tokens: tokens
        ), gm
    )
}

let moves = 20_000
for count in [8, 100, 500, 2000] {
    var (state, gm) = try table(tokens: count)
    // The room keeps the stored state beside the one it changes, and stores a batch every few commands.
    var stored = state
    var ids = CountingIdentifiers()
    var dice = NoDice()
    let elapsed = try ContinuousClock().measure {
        for move in 0..<moves {
            let token = TokenID("token-\(move % count)-0123456789abcdef")
            state = try state.applying(
                .moveTokens([TokenMove(tokenID: token, x: move % 500, y: 20)]),
                by: gm.id,
                ids: &ids,
                random: &dice
            ).state
            if move % 4 == 0 { stored = state }
        }
    }
    precondition(stored.tokens.count == count)
    let microseconds =
        (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(moves)
    print("{\"tokens\":\(count),\"us_per_move\":\((microseconds * 100).rounded() / 100)}")
}
