import SZDice
import Testing

@Suite struct ArithmeticTests {
    @Test func severalTermsWithLabels() throws {
        let result = try roll("1d20+5 + 2d6[fire]", faces: [14, 3, 5])
        #expect(result.total == 27)
        #expect(result.formula == "1d20 + 5 + 2d6[fire]")
        #expect(result.breakdown == #"1d20 [14] + 5 + 2d6 [3, 5] "fire" = 27"#)
        #expect(result.terms.map(\.label) == [nil, "fire"])
        #expect(result.terms.map(\.offset) == [0, 9])
        #expect(result.terms.map(\.value) == [14, 8])
    }

    @Test func labelsMayFollowNumbersAndGroups() throws {
        let result = try roll("(1d4 + 1)[healing] + 2 [bonus]", faces: [3])
        #expect(result.total == 6)
        #expect(result.breakdown == #"(1d4 [3] + 1) "healing" + 2 "bonus" = 6"#)
    }

    @Test func trailingCommentIsTheRollsLabel() throws {
        let result = try roll("1d20 + 4 # Attack with the longsword", faces: [11])
        #expect(result.comment == "Attack with the longsword")
        #expect(result.breakdown == "1d20 [11] + 4 = 15 # Attack with the longsword")
    }

    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try roll("2 + 3 * 4", faces: []).total == 14)
        #expect(try roll("(2 + 3) * 4", faces: []).total == 20)
        #expect(try roll("2d6 * 2 - 1", faces: [3, 4]).total == 13)
    }

    @Test func subtractionAndDivisionGroupLeftToRight() throws {
        #expect(try roll("10 - 3 - 2", faces: []).total == 5)
        #expect(try roll("100 / 10 / 5", faces: []).total == 2)
    }

    @Test func unaryMinus() throws {
        #expect(try roll("-1d6 + 10", faces: [4]).total == 6)
        #expect(try roll("--3", faces: []).total == 3)
        #expect(try roll("2 * -(1 + 2)", faces: []).total == -6)
    }

    @Test(arguments: [("7 / 2", 3), ("-7 / 2", -4), ("7 / -2", -4), ("-7 / -2", 3), ("6 / 3", 2), ("-6 / 3", -2)])
    func divisionRoundsDown(formula: String, expected: Int) throws {
        #expect(try roll(formula, faces: []).total == expected)
    }

    @Test func halvingDamageRoundsDown() throws {
        #expect(try roll("3d6 / 2", faces: [1, 2, 4]).total == 3)
    }

    @Test func divisionByZeroNamesTheOperator() {
        let error = diceError("1d6 / (2 - 2)", faces: [3])
        #expect(error?.reason == .divisionByZero)
        #expect(error?.description == "division by zero at character 5")
    }

    @Test(arguments: [
        ("9223372036854775807 + 1", 21),
        ("9223372036854775807 * 2", 21),
        ("-9223372036854775807 - 2", 22),
        ("(-9223372036854775807 - 1) / -1", 28),
        ("-(-9223372036854775807 - 1)", 1),
    ])
    func overflowIsAnErrorNotACrash(formula: String, characterNumber: Int) {
        let error = diceError(formula)
        #expect(error?.reason == .overflow)
        #expect(error?.description.hasPrefix("result too large at character \(characterNumber):") == true)
    }

    @Test func hugeMinimumOverflowsTheDiceSum() {
        #expect(diceError("2d6min9223372036854775807", faces: [1, 1])?.reason == .overflow)
        #expect(diceError("1d6!!min9223372036854775807", faces: [6, 1])?.reason == .overflow)
    }

    @Test func computedCountAndSides() throws {
        let result = try roll("(1 + 1)d(2 * 3)", faces: [6, 1])
        #expect(result.total == 7)
        #expect(result.breakdown == "(1 + 1)d(2 * 3) [6, 1] = 7")
    }

    @Test func diceCountFromDice() throws {
        let result = try roll("(1d4)d6", faces: [2, 5, 6])
        #expect(result.total == 11)
        #expect(result.breakdown == "(1d4 [2])d6 [5, 6] = 11")
        #expect(result.terms.map(\.notation) == ["1d4", "(1d4)d6"])
    }
}
