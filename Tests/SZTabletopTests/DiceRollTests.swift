import SZDice
import SZTabletop
import Testing

@Suite("Dice rolls")
struct DiceRollTests {
    @Test("a roll is made on the server with the injected dice and logged once, in the roller's colour")
    func publicRoll() throws {
        let result = try tableState().applying(.roll(formula: "2d6+1", private: false), by: .owner)
        let entry = try #require(result.state.rolls.last)
        #expect(entry.roll.total == 9)
        #expect(entry.playerID == PlayerID("ann") && entry.colour == .of("#aa0000"))
        #expect(result.outcome.committed == [Published(.diceRolled(entry), to: .everyone)])
    }

    @Test("a private roll reaches the GMs and the roller only, in events and snapshots")
    func privateRoll() throws {
        let state = try tableState().applying(.roll(formula: "d20", private: true), by: .owner).state
        let entry = try #require(state.rolls.last)
        #expect(entry.audience == .gameMastersAnd(PlayerID("ann")))
        #expect(state.snapshot(for: Viewer(playerID: PlayerID("ann"), role: .player)).rolls == [entry])
        #expect(state.snapshot(for: Viewer(playerID: PlayerID("gm"), role: .gm)).rolls == [entry])
        #expect(state.snapshot(for: Viewer(playerID: PlayerID("bob"), role: .player)).rolls.isEmpty)
    }

    @Test("a bad formula is refused with the dice parser's explanation")
    func badFormula() {
        #expect {
            try tableState().applying(.roll(formula: "2d", private: false), by: .owner)
        } throws: { error in
            guard case .invalid(let field, let reason) = error as? RoomError else { return false }
            return field == "formula" && reason.contains("at character 3")
        }
    }

    @Test("the dice log keeps the latest rolls only, oldest first")
    func recentRolls() throws {
        var state = tableState()
        let rolled = 1...(TabletopLimits().recentRolls + 5)
        for number in rolled {
            state = try state.applying(.roll(formula: "\(number)", private: false), by: .gm).state
        }
        #expect(state.rolls.map(\.roll.total) == Array(rolled.suffix(TabletopLimits().recentRolls)))
    }
}
