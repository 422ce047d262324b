import HashTreeCollections
import SZTabletop
import Testing

@Suite("Token rules")
struct TokenRuleTests {
    let locked = [TokenID("locked-token")]

    @Test("a locked token refuses every change, whatever else the command carries")
    func lockBypass() throws {
        let message = "token locked-token is locked; the GM must unlock it first"
        let changes: [Command] = [
            .moveTokens([TokenMove(tokenID: locked[0], x: 1, y: 1)]),
            .dragTokens([TokenMove(tokenID: locked[0], x: 1, y: 1)]),
            .editTokens(locked, .size(10)),
            .editTokens(locked, .rotation(45)),
            .editTokens(locked, .label("x")),
            .editTokens(locked, .arrange(.bottom)),
            .deleteTokens(locked),
        ]
        for command in changes {
            #expect(throws: RoomError.forbidden(message)) { try tableState().applying(command, by: .owner) }
            #expect(throws: RoomError.forbidden(message)) { try tableState().applying(command, by: .gm) }
        }
        #expect(throws: RoomError.forbidden(message)) {
            try tableState().applying(.editTokens(locked, .hidden(true)), by: .gm)
        }
        #expect(throws: RoomError.forbidden("only the GM may lock or unlock tokens")) {
            try tableState().applying(.editTokens(locked, .locked(false)), by: .owner)
        }
        // pyvtt moved a locked token when the frame also said `locked`: our frame has no such member to abuse.
        let frame =
            #"{"type":"token.move","clientID":"c1","moves":[{"tokenID":"locked-token","x":1,"y":1,"locked":false}]}"#
        guard case .command(let command) = try TabletopProtocol.decodeClientMessage(frame) else {
            Issue.record("not a command")
            return
        }
        #expect(throws: RoomError.forbidden(message)) { try tableState().applying(command.command, by: .owner) }
        let unlocked = try tableState().applying(.editTokens(locked, .locked(false)), by: .gm).state
        let moved = try unlocked.applying(.moveTokens([TokenMove(tokenID: locked[0], x: 7, y: 8)]), by: .owner).state
        #expect(moved.token("locked-token").map { [$0.x, $0.y] } == [7, 8])
    }

    @Test("players cannot reach tokens of another scene or another game; hidden ones look missing")
    func otherScenesAndGames() throws {
        #expect(throws: RoomError.notFound("token s2-token not found")) {
            try tableState().applying(.moveTokens([TokenMove(tokenID: TokenID("s2-token"), x: 1, y: 1)]), by: .owner)
        }
        #expect(throws: RoomError.notFound("scene s2 not found")) {
            try tableState().applying(.createTokens(SceneID("s2"), [NewToken(image: image, x: 1, y: 1)]), by: .owner)
        }
        #expect(throws: RoomError.notFound("token hidden-token not found")) {
            try tableState().applying(.selectTokens([TokenID("hidden-token")]), by: .owner)
        }
        var other = tableState()
        other.game.id = GameID("g2")
        other.tokens = [
            TokenID("foreign"): Token(id: TokenID("foreign"), sceneID: SceneID("s1"), image: image, x: 1, y: 1)
        ]
        for seat in [Seat.gm, .owner] {
            #expect(throws: RoomError.notFound("token foreign not found")) {
                try tableState().applying(.deleteTokens([TokenID("foreign")]), by: seat)
            }
        }
        // The GM works on any scene of their own game.
        let moved = try tableState().applying(
            .moveTokens([TokenMove(tokenID: TokenID("s2-token"), x: 5, y: 6)]),
            by: .gm
        )
        #expect(moved.state.token("s2-token")?.x == 5)
        #expect(moved.outcome.committed.map(\.audience) == [.gameMasters])
    }

    @Test("a batch changes exactly the tokens it names, each with its own values, or nothing")
    func batches() throws {
        let moves = [
            TokenMove(tokenID: TokenID("bob-token"), x: 700, y: 400),
            TokenMove(tokenID: TokenID("gm-token"), x: 11, y: 12),
        ]
        let before = tableState()
        let after = try before.applying(.moveTokens(moves), by: .gm).state
        #expect(after.token("bob-token").map { [$0.x, $0.y] } == [700, 400])
        #expect(after.token("gm-token").map { [$0.x, $0.y] } == [11, 12])
        for id in ["ann-token", "hidden-token", "locked-token", "s2-token"] {
            #expect(after.token(id) == before.token(id))
        }

        let withMissing = [TokenMove(tokenID: TokenID("gone"), x: 11, y: 11)] + moves
        #expect(throws: RoomError.notFound("token gone not found")) {
            try before.applying(.moveTokens(withMissing), by: .gm)
        }
        #expect(throws: RoomError.invalid(field: "moves/1", reason: "token gm-token is named twice")) {
            try before.applying(.moveTokens([moves[1], moves[1]]), by: .gm)
        }
        #expect(throws: RoomError.invalid(field: "tokenIDs", reason: "must name at least one token")) {
            try before.applying(.deleteTokens([]), by: .gm)
        }
    }

    @Test("positions stay inside the scene; sizes, rotations and labels are checked")
    func values() throws {
        let move = TokenMove(tokenID: TokenID("ann-token"), x: -50, y: 99_999)
        let moved = try tableState().applying(.moveTokens([move]), by: .owner).state
        #expect(moved.token("ann-token").map { [$0.x, $0.y] } == [0, Scene.defaultHeight])
        let ann = [TokenID("ann-token")]
        let turned = try tableState().applying(.editTokens(ann, .rotation(-90)), by: .owner).state
        #expect(turned.token("ann-token")?.rotation == 270)
        #expect(throws: RoomError.invalid(field: "size", reason: "is 0; must be from 1 to 1000")) {
            try tableState().applying(.editTokens(ann, .size(0)), by: .owner)
        }
        #expect(throws: RoomError.invalid(field: "label", reason: "is 101 characters long; at most 100")) {
            try tableState().applying(.editTokens(ann, .label(String(repeating: "x", count: 101))), by: .owner)
        }
        #expect(throws: RoomError.invalid(field: "tokens/0/size", reason: "is 5000; must be from 1 to 1000")) {
            try tableState().applying(
                .createTokens(SceneID("s1"), [NewToken(image: image, x: 1, y: 1, size: 5000)]),
                by: .gm
            )
        }
    }

    @Test("z-order: top and bottom keep the moved tokens' own order")
    func arrange() throws {
        let ids = [TokenID("ann-token"), TokenID("gm-token")]
        let top = try tableState().applying(.editTokens(ids, .arrange(.top)), by: .gm).state
        #expect(top.tokens(on: SceneID("s1")).map(\.id.rawValue).suffix(2) == ["gm-token", "ann-token"])
        let bottom = try tableState().applying(.editTokens([TokenID("bob-token")], .arrange(.bottom)), by: .gm).state
        #expect(bottom.tokens(on: SceneID("s1")).first?.id == TokenID("bob-token"))
    }

    @Test("a clone is an unlocked copy owned like its source, shifted and on top")
    func clone() throws {
        let result = try tableState().applying(.cloneTokens([TokenID("locked-token")], dx: 10, dy: -10), by: .owner)
        let copy = try #require(result.state.token("new-1"))
        #expect([copy.x, copy.y, copy.z] == [510, 290, 6])
        #expect(!copy.locked && copy.owner == PlayerID("ann"))
        #expect(result.state.token("locked-token") == tableState().token("locked-token"))
    }

    @Test("a drag is shown, not stored; the drop is stored")
    func dragAndDrop() throws {
        let move = [TokenMove(tokenID: TokenID("ann-token"), x: 240, y: 250)]
        let drag = try tableState().applying(.dragTokens(move), by: .owner)
        #expect(drag.state == tableState())
        #expect(drag.outcome.committed.isEmpty)
        #expect(drag.outcome.ephemeral == [Published(.tokensDragged(by: PlayerID("ann"), move), to: .everyone)])
        let drop = try tableState().applying(.moveTokens(move), by: .owner)
        #expect(drop.outcome.ephemeral.isEmpty)
        #expect(drop.outcome.committed.count == 1)
    }
}
