import SZDice
import Testing

@Suite struct BasicDiceTests {
    @Test func sumsSeveralDice() throws {
        let result = try roll("3d6", faces: [2, 5, 6])
        #expect(result.total == 13)
        #expect(result.breakdown == "3d6 [2, 5, 6] = 13")
        #expect(result.terms.count == 1)
        #expect(result.terms[0].dice.map(\.value) == [2, 5, 6])
        #expect(result.terms[0].dice.allSatisfy { $0.status == .counted })
    }

    @Test func oneDieWhenTheCountIsLeftOut() throws {
        let result = try roll("d20", faces: [17])
        #expect(result.total == 17)
        #expect(result.formula == "d20")
    }

    @Test func asksTheRandomSourceForTheRightDie() throws {
        var dice = ScriptedDice([50, 2, 3, 1])
        let result = try DiceFormula.parse("d% + 3dF").roll(using: &dice)
        #expect(dice.sidesRequested == [100, 3, 3, 3])
        #expect(result.total == 50 + (-1) + 0 + 1 - 0)
    }

    @Test func fateDiceAreWorthMinusOneZeroOrOne() throws {
        let result = try roll("4dF", faces: [1, 2, 3, 3])
        #expect(result.terms[0].dice.map(\.value) == [-1, 0, 1, 1])
        #expect(result.total == 1)
        #expect(result.breakdown == "4dF [-1, 0, 1, 1] = 1")
    }

    @Test func percentileDieIsAD100() throws {
        let result = try roll("d%", faces: [100])
        #expect(result.total == 100)
        #expect(result.breakdown == "d% [100] = 100")
    }

    @Test(arguments: ["d2", "d4", "d6", "d8", "d10", "d12", "d20", "d100"])
    func pyvttQuickDiceParse(formula: String) throws {
        let sides = Int(formula.dropFirst())!
        var dice = ScriptedDice([sides])
        let result = try DiceFormula.parse(formula).roll(using: &dice)
        #expect(result.total == sides)
        #expect(dice.sidesRequested == [sides])
    }

    @Test func zeroDiceAreWorthZero() throws {
        #expect(try roll("0d6 + 2", faces: []).total == 2)
    }

    @Test func lettersMayBeUpperCase() throws {
        let formula = try DiceFormula.parse("4D6KH3 + 2DF")
        #expect(formula.text == "4d6kh3 + 2dF")
    }

    @Test func normalizesTheFormulaText() throws {
        let formula = try DiceFormula.parse("  1d20+5+2d6 [ fire ]*2  #  attack ")
        #expect(formula.text == "1d20 + 5 + 2d6[fire] * 2 # attack")
        #expect(formula.comment == "attack")
    }

    @Test(arguments: [
        "4d6k3", "4d6kh3", "2d20kl", "4d6d1", "10d10!>=8", "10d10!10>=8", "3d6r", "3d6ro<3", "2d6!!5", "2d6!p",
        "5dF>=1f=-1", "(1+1)d(2*3)", "(@level)d@{hit die}min2max5", "-(-d4)", "1d6r-1", "d%>=50[check] # luck",
    ])
    func normalizedTextMeansTheSameFormula(text: String) throws {
        let formula = try DiceFormula.parse(text)
        let reparsed = try DiceFormula.parse(formula.text)
        #expect(reparsed.text == formula.text)
        let fields = ["level": 3, "hit die": 8]
        var firstDice = SplitMix64(seed: 7)
        var secondDice = SplitMix64(seed: 7)
        #expect(
            try formula.roll(fields: fields, using: &firstDice) == reparsed.roll(fields: fields, using: &secondDice)
        )
    }

    @Test func successComparePointIsWrittenBeforeABareExplosion() throws {
        // `10d10!>=8` would explode on 8 or more; the success check must not be read as the explosion's.
        #expect(try DiceFormula.parse("10d10kh9!>=8").text == "10d10kh9!>=8")
        #expect(try DiceFormula.parse("10d10!kh9>=8").text == "10d10>=8!kh9")
    }

    @Test func systemRandomSourceStaysOnTheDie() {
        var source = SystemDiceRandomSource()
        for sides in [1, 2, 6, 20, 1_000_000] {
            #expect((1...sides).contains(source.roll(sides: sides)))
        }
    }
}
