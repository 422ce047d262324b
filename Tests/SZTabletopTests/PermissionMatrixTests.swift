import SZTabletop
import Testing

@Suite("Who may send each command")
struct PermissionMatrixTests {
    /// The seats allowed to send each command kind in a game where only the GM controls the music.
    static func allowed(_ kind: CommandKind) -> Set<Seat> {
        switch kind {
        case .createScene, .activateScene, .reorderScene, .cloneScene, .deleteScene, .updateScene: [.gm]
        case .lockTokens, .hideTokens: [.gm]
        case .setMusicTrack, .playMusic, .pauseMusic, .stopMusic, .loopMusic, .setMusicVolume: [.gm]
        case .kickPlayer, .banPlayer, .readmitPlayer: [.gm]
        case .createTokens, .selectTokens, .placeBeacon, .rollDice: [.gm, .owner, .otherPlayer]
        case .moveTokens, .dragTokens, .resizeTokens, .rotateTokens, .flipTokens, .labelTokens, .arrangeTokens,
            .cloneTokens, .deleteTokens:
            [.gm, .owner]
        }
    }

    @Test("every command kind against every seat", arguments: CommandKind.allCases)
    func matrix(kind: CommandKind) {
        let command = sampleCommand(kind)
        #expect(command.kind == kind)
        for seat in Seat.allCases {
            let result = Result { () throws(RoomError) in try tableState().applying(command, by: seat) }
            switch result {
            case .success(let applied):
                #expect(Self.allowed(kind).contains(seat), "\(seat) may not send \(kind.rawValue)")
                #expect(!applied.outcome.committed.isEmpty || !applied.outcome.ephemeral.isEmpty)
            case .failure(let error):
                #expect(!Self.allowed(kind).contains(seat), "\(seat) may send \(kind.rawValue): \(error)")
                #expect(error.code == "forbidden", "\(seat) \(kind.rawValue): \(error)")
            }
        }
    }

    @Test("a game flag lets players, never spectators, control the music")
    func musicFlag() throws {
        let state = tableState(playersControlMusic: true)
        for kind in [CommandKind.playMusic, .setMusicVolume, .setMusicTrack] {
            #expect(throws: Never.self) { try state.applying(sampleCommand(kind), by: .otherPlayer) }
            #expect(throws: RoomError.forbidden("spectators only watch; they may not control the music")) {
                try state.applying(sampleCommand(kind), by: .spectator)
            }
        }
    }

    @Test("refusals say why")
    func messages() {
        #expect(throws: RoomError.forbidden("only the GM may create scenes")) {
            try tableState().applying(.createScene(name: "X"), by: .owner)
        }
        #expect(throws: RoomError.forbidden("token ann-token belongs to someone else")) {
            try tableState().applying(sampleCommand(.moveTokens), by: .otherPlayer)
        }
        #expect(throws: RoomError.forbidden("you were kicked from this game")) {
            try tableState().applying(sampleCommand(.placeBeacon), by: .kicked)
        }
        #expect(throws: RoomError.forbidden("player nobody is not part of this game")) {
            var ids = SequentialIdentifiers()
            var dice = FixedDice()
            return try tableState().applying(.placeBeacon(x: 1, y: 1), by: PlayerID("nobody"), ids: &ids, random: &dice)
        }
    }

    @Test("players add tokens only as their own, visible, ordinary tokens")
    func playerCreatedTokens() throws {
        let scene = SceneID("s1")
        let created = try tableState().applying(.createTokens(scene, [NewToken(image: image, x: 1, y: 2)]), by: .owner)
        #expect(created.state.token("new-1")?.owner == PlayerID("ann"))
        for (request, field) in [
            (NewToken(image: image, x: 1, y: 2, owner: PlayerID("bob")), "owner"),
            (NewToken(image: image, x: 1, y: 2, hidden: true), "hidden"),
            (NewToken(image: image, x: 1, y: 2, background: true), "background"),
        ] {
            #expect {
                try tableState().applying(.createTokens(scene, [request]), by: .owner)
            } throws: { error in
                (error as? RoomError)?.code == "forbidden"
                    && (error as? RoomError)?.message.hasPrefix("tokens/0/\(field)") == true
            }
        }
        let forBob = try tableState().applying(
            .createTokens(scene, [NewToken(image: image, x: 1, y: 2, owner: PlayerID("bob"))]),
            by: .gm
        )
        #expect(forBob.state.token("new-1")?.owner == PlayerID("bob"))
    }

    @Test("the GM cannot be kicked, and a kicked player can be readmitted")
    func standing() throws {
        #expect(throws: RoomError.forbidden("a GM cannot be kicked, banned or readmitted")) {
            try tableState().applying(.setStanding(PlayerID("gm"), .kicked), by: .gm)
        }
        let readmitted = try tableState().applying(.setStanding(PlayerID("kim"), .active), by: .gm).state
        #expect(throws: Never.self) { try readmitted.applying(sampleCommand(.placeBeacon), by: .kicked) }
    }
}
