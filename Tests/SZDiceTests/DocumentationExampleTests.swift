import SZDice
import Testing

/// The examples of docs/dice.md, so that the page stays true.
@Suite struct DocumentationExampleTests {
    @Test func introduction() throws {
        let formula = try DiceFormula.parse("1d20 + @Abilities.Strength + 2d6[fire] # Attack")
        #expect(formula.fieldReferences == ["Abilities.Strength"])
        var dice = ScriptedDice([14, 4, 6])
        let result = try formula.roll(fields: ["Abilities.Strength": 3], using: &dice)
        #expect(result.total == 27)
        #expect(result.breakdown == #"1d20 [14] + @Abilities.Strength [3] + 2d6 [4, 6] "fire" = 27 # Attack"#)
    }

    @Test(arguments: [
        ("4d6kh3", [6, 1, 4, 3], "4d6kh3 [6, ~~1~~, 4, 3] = 13"),
        ("1d20+5 + 2d6[fire] # attack", [14, 3, 5], #"1d20 [14] + 5 + 2d6 [3, 5] "fire" = 27 # attack"#),
        ("5d10>=8f<=1", [8, 1, 10, 3, 9], "5d10>=8f<=1 [8s, 1f, 10s, 3, 9s] = 2"),
    ])
    func breakdowns(formula: String, faces: [Int], breakdown: String) throws {
        #expect(try roll(formula, faces: faces).breakdown == breakdown)
    }

    @Test(arguments: [
        ("1+2dx", "unexpected 'x' at character 5: expected a number of sides after 'd', like d6, d% or dF"),
        ("1d0", "a die with 0 sides at character 3: a die needs at least 1 side"),
        ("1d1!", "endless explosion at character 1: every face of this die would explode; explode on fewer faces"),
        (
            "9223372036854775807 + 1",
            "result too large at character 21: the calculation goes beyond 9223372036854775807"
        ),
    ])
    func errors(formula: String, message: String) {
        #expect(diceError(formula)?.description == message)
    }
}
