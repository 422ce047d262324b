import SZDice
import Testing

@Suite struct ExplodeRerollTests {
    @Test func explodingDieAddsADieOnItsHighestFace() throws {
        let result = try roll("2d6!", faces: [6, 6, 2, 3])
        #expect(result.total == 17)
        #expect(result.breakdown == "2d6! [6!, 6!, 2, 3] = 17")
        #expect(result.terms[0].dice.map(\.exploded) == [true, true, false, false])
    }

    @Test func explosionWithComparePoint() throws {
        let result = try roll("1d10!>=9", faces: [9, 10, 4])
        #expect(result.total == 23)
        #expect(result.breakdown == "1d10!>=9 [9!, 10!, 4] = 23")
    }

    @Test func explosionOnABareNumberMeansEqual() throws {
        #expect(try roll("1d6!5", faces: [5, 6]).total == 11)
    }

    @Test func compoundingAddsIntoOneDie() throws {
        let result = try roll("2d6!!", faces: [6, 6, 2, 3])
        #expect(result.total == 17)
        #expect(result.breakdown == "2d6!! [14!, 3] = 17")
        #expect(result.terms[0].dice[0].faces == [6, 6, 2])
    }

    @Test func penetratingExtraDiceCountOneLess() throws {
        let result = try roll("1d6!p", faces: [6, 6, 3])
        #expect(result.total == 6 + 5 + 2)
        #expect(result.breakdown == "1d6!p [6!, 5!, 2] = 13")
        #expect(result.terms[0].dice.map(\.faces) == [[6], [6], [3]])
    }

    @Test func rerollReplacesMatchingFacesUntilTheyMiss() throws {
        let result = try roll("2d6r<3", faces: [1, 2, 5, 4])
        #expect(result.total == 9)
        #expect(result.breakdown == "2d6r<3 [~~1r~~, ~~2r~~, 5, 4] = 9")
        #expect(result.terms[0].dice.map(\.status) == [.rerolled, .rerolled, .counted, .counted])
    }

    @Test func rerollWithoutComparePointRerollsOnes() throws {
        #expect(try roll("1d6r", faces: [1, 1, 3]).total == 3)
        #expect(try roll("1d6r2", faces: [2, 1]).total == 1)
    }

    @Test func rerollOnceKeepsTheSecondFace() throws {
        let result = try roll("1d6ro<3", faces: [1, 2])
        #expect(result.total == 2)
        #expect(result.breakdown == "1d6ro<3 [~~1r~~, 2] = 2")
    }

    @Test func severalRerollConditionsCombine() throws {
        #expect(try roll("1d6r1r3", faces: [3, 1, 4]).total == 4)
    }

    @Test func rerollThenExplodeOnTheReplacement() throws {
        let result = try roll("1d6r1!", faces: [1, 6, 1, 2])
        #expect(result.breakdown == "1d6r1! [~~1r~~, 6!, ~~1r~~, 2] = 8")
    }

    @Test(arguments: ["1d1!", "3d6!>=1", "2d6!<7", "1d1!!", "4dF!>-2"])
    func explosionOnEveryFaceIsRefusedBeforeRolling(formula: String) {
        let error = diceError(formula)
        #expect(error?.reason == .endlessExplosion)
        #expect(error?.description.hasPrefix("endless explosion at character 1:") == true)
    }

    @Test func explosionOnEveryComputedFaceIsRefusedBeforeRolling() {
        #expect(diceError("1d(2-1)!")?.reason == .endlessExplosion)
    }

    @Test(arguments: ["1d1r", "1d6r<=6", "1d6r<4r>3", "1d20r>0"])
    func rerollOfEveryFaceIsRefused(formula: String) {
        #expect(diceError(formula)?.reason == .endlessReroll)
    }

    @Test func rerollOnceOfEveryFaceIsFine() throws {
        #expect(try roll("1d1ro", faces: [1, 1]).total == 1)
    }

    @Test func longExplosionStopsAtTheLimitPerDie() throws {
        var limits = DiceLimits.standard
        limits.maxRerollsPerDie = 3
        var dice = ScriptedDice([6, 6, 6, 6])
        let result = try DiceFormula.parse("1d6!", limits: limits).roll(using: &dice)
        #expect(result.total == 24)
        #expect(result.breakdown == "1d6! [6!, 6!, 6!, 6(limit)] = 24")
        #expect(result.terms[0].dice.last?.reachedLimit == true)
    }

    @Test func longRerollStopsAtTheLimitPerDie() throws {
        var limits = DiceLimits.standard
        limits.maxRerollsPerDie = 2
        var dice = ScriptedDice([1, 2, 3])
        let result = try DiceFormula.parse("1d6r<5", limits: limits).roll(using: &dice)
        #expect(result.breakdown == "1d6r<5 [~~1r~~, ~~2r~~, 3(limit)] = 3")
    }

    @Test func compoundingStopsAtTheLimitPerDie() throws {
        var limits = DiceLimits.standard
        limits.maxRerollsPerDie = 1
        var dice = ScriptedDice([6, 6])
        let result = try DiceFormula.parse("1d6!!", limits: limits).roll(using: &dice)
        #expect(result.breakdown == "1d6!! [12!(limit)] = 12")
    }
}
