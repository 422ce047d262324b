import SZDice
import Testing

private let expectedOperand = "expected a number, a die like d20, a field like @strength, '-' or '('"
private let expectedOperator =
    "expected an operator (+ - * /), a label [...], a comment (# ...) or the end of the formula"

@Suite struct ErrorMessageTests {
    @Test(arguments: [
        ("1+2dx", "unexpected 'x' at character 5: expected a number of sides after 'd', like d6, d% or dF"),
        (
            "",
            "unexpected end of formula at character 1: \(expectedOperand)"
        ),
        (
            "1d20 +",
            "unexpected end of formula at character 7: \(expectedOperand)"
        ),
        ("(1d6", "unexpected end of formula at character 5: expected ')' to close the '(' at character 1"),
        (
            "2d6 kh1",
            "unexpected 'k' at character 5: \(expectedOperator)"
        ),
        (
            "2d6x",
            "unexpected 'x' at character 4: \(expectedOperator)"
        ),
        ("2d6[fire", "unterminated label at character 4: expected ']' to close it"),
        ("1d6mx", "unexpected 'm' at character 4: expected 'min' or 'max'"),
        ("1d6min", "unexpected end of formula at character 7: expected a number after 'min', like min2"),
        ("1d6max+1", "unexpected '+' at character 7: expected a number after 'max', like max5"),
        ("1d6>", "unexpected end of formula at character 5: expected a number after '>'"),
        ("1d6r<=x", "unexpected 'x' at character 7: expected a number after '<='"),
        ("1d6!!!", "second explosion at character 6: a dice term takes only one"),
        ("1d6min2min3", "second 'min' at character 8: a dice term takes only one"),
        (
            "@",
            "unexpected end of formula at character 2: expected a field name after '@', like @strength or @{Armor Class}"
        ),
        (
            "1 + 2 3",
            "unexpected '3' at character 7: \(expectedOperator)"
        ),
        (
            "1 */ 2",
            "unexpected '/' at character 4: \(expectedOperand)"
        ),
    ])
    func syntaxErrorSaysWhatAndWhere(formula: String, message: String) {
        #expect(diceError(formula)?.description == message)
    }

    @Test func offsetsCountCharactersAsThePlayerSeesThem() {
        // The thumbs-up with a skin tone is two Unicode scalars but one character.
        let error = diceError("d6[👍🏽] + d6x")
        #expect(error?.offset == 10)
        #expect(error?.description.hasPrefix("unexpected 'x' at character 11:") == true)
    }

    @Test func parseErrorsAreThrownBeforeAnyDieIsRolled() {
        var dice = ScriptedDice([])
        #expect(throws: DiceError.self) { try DiceFormula.parse("1d6 + 2d6 +").roll(using: &dice) }
        #expect(dice.sidesRequested.isEmpty)
    }

    @Test func rollErrorLeavesTheRandomSourceAdvanced() {
        var dice = ScriptedDice([4])
        #expect(throws: DiceError(.unknownField("missing"), at: 6)) {
            try DiceFormula.parse("1d6 + @missing").roll(using: &dice)
        }
        #expect(dice.sidesRequested == [6])
    }
}
