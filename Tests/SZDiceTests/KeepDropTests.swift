import SZDice
import Testing

@Suite struct KeepDropTests {
    @Test func keepHighestStrikesThroughTheRest() throws {
        let result = try roll("4d6kh3", faces: [6, 1, 4, 3])
        #expect(result.total == 13)
        #expect(result.breakdown == "4d6kh3 [6, ~~1~~, 4, 3] = 13")
        #expect(result.terms[0].dice.map(\.status) == [.counted, .dropped, .counted, .counted])
    }

    @Test func keepLowestForDisadvantage() throws {
        let result = try roll("2d20kl1", faces: [15, 8])
        #expect(result.total == 8)
        #expect(result.breakdown == "2d20kl1 [~~15~~, 8] = 8")
    }

    @Test func dropHighestAndDropLowest() throws {
        #expect(try roll("3d6dh1", faces: [5, 2, 6]).total == 7)
        #expect(try roll("4d6dl1", faces: [5, 2, 6, 3]).total == 14)
    }

    @Test func shortFormsKeepHighestAndDropLowest() throws {
        #expect(try roll("4d6k3", faces: [6, 1, 4, 3]).total == 13)
        #expect(try roll("4d6d1", faces: [6, 1, 4, 3]).total == 13)
        #expect(try roll("2d20kh", faces: [3, 19]).total == 19)
        #expect(try roll("2d20kl", faces: [3, 19]).total == 3)
        #expect(try DiceFormula.parse("4d6k3").text == "4d6kh3")
        #expect(try DiceFormula.parse("4d6d").text == "4d6dl1")
    }

    @Test func amongEqualValuesTheEarlierDieIsKept() throws {
        let result = try roll("3d6kh1", faces: [4, 4, 2])
        #expect(result.terms[0].dice.map(\.status) == [.counted, .dropped, .dropped])
    }

    @Test func keepingMoreDiceThanRolledKeepsAll() throws {
        #expect(try roll("2d6kh5", faces: [2, 3]).total == 5)
        #expect(try roll("2d6dl5", faces: [2, 3]).total == 0)
    }

    @Test func keepAndDropApplyInTheOrderWritten() throws {
        // Drop the lowest of five, then keep the lowest two of the four left.
        let result = try roll("5d6dl1kl2", faces: [1, 6, 2, 5, 3])
        #expect(result.total == 5)
        #expect(result.breakdown == "5d6dl1kl2 [~~1~~, ~~6~~, 2, ~~5~~, 3] = 5")
    }
}
