import SZDice
import Testing

@Suite struct LimitTests {
    /// Parses and rolls, returning the error and how many dice were rolled before it.
    func failure(
        _ formula: String,
        limits: DiceLimits = .standard,
        fields: [String: Int] = [:],
        faces: [Int] = []
    )
        -> (error: DiceError?, rolled: Int)
    {
        var dice = ScriptedDice(faces)
        do {
            _ = try DiceFormula.parse(formula, limits: limits).roll(fields: fields, using: &dice)
            return (nil, dice.sidesRequested.count)
        } catch {
            return (error, dice.sidesRequested.count)
        }
    }

    @Test func hugeDiceTermIsRefusedAtParseTime() {
        let error = #expect(throws: DiceError.self) { try DiceFormula.parse("1000000d1000000!!") }
        #expect(error?.reason == .limitExceeded(.dicePerTerm, limit: 1_000))
        #expect(
            error?.description == "too many dice in one term at character 1: at most 1000 dice per term are allowed"
        )
    }

    @Test func formulaLength() {
        let error = failure(String(repeating: "1+", count: 250) + "1").error
        #expect(error?.reason == .limitExceeded(.formulaLength, limit: 500))
        #expect(error?.description == "formula too long at character 501: at most 500 characters are allowed")
        #expect(failure(String(repeating: "1+", count: 249) + "1").error == nil)
    }

    @Test func dicePerTerm() {
        #expect(failure("1000d1", faces: Array(repeating: 1, count: 1_000)).error == nil)
        #expect(failure("1001d6").error == DiceError(.limitExceeded(.dicePerTerm, limit: 1_000), at: 0))
    }

    @Test func computedDiceCountIsCheckedBeforeRolling() {
        let (error, rolled) = failure("1d4 + (@level * 100)d6", fields: ["level": 11], faces: [1])
        #expect(error == DiceError(.limitExceeded(.dicePerTerm, limit: 1_000), at: 6))
        #expect(rolled == 1)
    }

    @Test func diceInTheWholeFormula() {
        let error = failure("1000d6 + 1000d6 + 1d6").error
        #expect(error == DiceError(.limitExceeded(.dice, limit: 2_000), at: 18))
        #expect(
            error?.description
                == "too many dice at character 19: at most 2000 dice in the whole formula are allowed"
        )
        let (computedError, rolled) = failure(
            "(@n)d6 + (@n)d6",
            limits: DiceLimits(maxDice: 10),
            fields: ["n": 6],
            faces: [1, 2, 3, 4, 5, 6]
        )
        #expect(computedError == DiceError(.limitExceeded(.dice, limit: 10), at: 9))
        #expect(rolled == 6)
    }

    @Test func sides() {
        #expect(failure("1d1000000", faces: [1]).error == nil)
        let error = failure("2 + 1d1000001").error
        #expect(error == DiceError(.limitExceeded(.sides, limit: 1_000_000), at: 6))
        #expect(error?.description == "too many sides at character 7: a die may have at most 1000000 sides")
        #expect(failure("1d@s", fields: ["s": 2_000_000]).error?.reason == .limitExceeded(.sides, limit: 1_000_000))
    }

    @Test func dieNeedsASide() {
        #expect(failure("1d0").error?.description == "a die with 0 sides at character 3: a die needs at least 1 side")
        #expect(failure("1d(0-4)").error?.reason == .noSides(-4))
    }

    @Test func diceCountCannotBeNegative() {
        #expect(
            failure("(0-2)d6").error?.description
                == "-2 dice at character 1: the number of dice cannot be negative"
        )
    }

    @Test func rollsIncludingExplosions() {
        var limits = DiceLimits.standard
        limits.maxRolls = 5
        let (error, rolled) = failure("2d6!", limits: limits, faces: [6, 6, 6, 6, 6])
        #expect(error == DiceError(.limitExceeded(.rolls, limit: 5), at: 0))
        #expect(rolled == 5)
        #expect(
            error?.description
                == "too many rolls at character 1: rerolls and explosions may roll at most 5 dice in all"
        )
    }

    @Test func termThatCannotFitInTheRemainingRollsIsNotStarted() {
        var limits = DiceLimits.standard
        limits.maxRolls = 5
        let (error, rolled) = failure("3d6 + 3d6", limits: limits, faces: [1, 2, 3])
        #expect(error == DiceError(.limitExceeded(.rolls, limit: 5), at: 6))
        #expect(rolled == 3)
    }

    @Test func standardLimitsStopTheWorstExplosions() {
        var dice = SplitMix64(seed: 1)
        let formula = try? DiceFormula.parse("1 + 1000d100!>1")
        #expect(throws: DiceError(.limitExceeded(.rolls, limit: 10_000), at: 4)) {
            try formula?.roll(using: &dice)
        }
    }

    @Test func nestingDepth() {
        let deepest = String(repeating: "(", count: 32) + "1" + String(repeating: ")", count: 32)
        #expect(failure(deepest).error == nil)
        let error = failure("(" + deepest + ")").error
        #expect(error == DiceError(.limitExceeded(.nestingDepth, limit: 32), at: 32))
        #expect(
            error?.description
                == "too deeply nested at character 33: at most 32 parentheses or minus signs may be nested"
        )
        #expect(failure(String(repeating: "-", count: 33) + "1").error?.offset == 32)
    }

    @Test func diceTerms() {
        let fifty = Array(repeating: "d6", count: 50).joined(separator: "+")
        #expect(failure(fifty, faces: Array(repeating: 1, count: 50)).error == nil)
        let error = failure(fifty + "+d6").error
        #expect(error == DiceError(.limitExceeded(.diceTerms, limit: 50), at: 150))
        #expect(error?.description == "too many dice terms at character 151: at most 50 dice terms are allowed")
    }

    @Test func numberTooLarge() {
        #expect(
            failure("1 + 99999999999999999999").error?.description
                == "number too large at character 5: at most 9223372036854775807 is allowed"
        )
    }

    @Test func customLimitsAreKeptByTheFormula() throws {
        let limits = DiceLimits(maxDicePerTerm: 3)
        #expect(try DiceFormula.parse("3d6", limits: limits).limits == limits)
        #expect(failure("4d6", limits: limits).error?.reason == .limitExceeded(.dicePerTerm, limit: 3))
    }
}
