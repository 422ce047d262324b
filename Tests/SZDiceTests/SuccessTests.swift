import SZDice
import Testing

@Suite struct SuccessTests {
    @Test func comparePointCountsSuccesses() throws {
        let result = try roll("5d10>=8", faces: [8, 3, 10, 7, 9])
        #expect(result.total == 3)
        #expect(result.breakdown == "5d10>=8 [8s, 3, 10s, 7, 9s] = 3")
        #expect(result.terms[0].successes == 3)
        #expect(result.terms[0].failures == 0)
    }

    @Test func failuresSubtract() throws {
        let result = try roll("4d10>=8f<=1", faces: [8, 1, 1, 5])
        #expect(result.total == -1)
        #expect(result.breakdown == "4d10>=8f<=1 [8s, 1f, 1f, 5] = -1")
        #expect(result.terms[0].dice.map(\.outcome) == [.success, .failure, .failure, nil])
    }

    @Test func comparisonsAreStrictUnlessWrittenWithEquals() throws {
        #expect(try roll("3d6>5", faces: [5, 6, 6]).total == 2)
        #expect(try roll("3d6<2", faces: [1, 2, 6]).total == 1)
        #expect(try roll("3d6=6", faces: [5, 6, 6]).total == 2)
        #expect(try roll("3d6<=2", faces: [1, 2, 6]).total == 2)
    }

    @Test func droppedDiceAreNotCounted() throws {
        let result = try roll("3d10kh2>=8", faces: [9, 8, 10])
        #expect(result.total == 2)
        #expect(result.breakdown == "3d10>=8kh2 [9s, ~~8~~, 10s] = 2")
    }

    @Test func explodedDiceCountAsSuccessesToo() throws {
        let result = try roll("2d10>=8!", faces: [10, 8, 3])
        #expect(result.total == 2)
        #expect(result.breakdown == "2d10>=8! [10!s, 8s, 3] = 2")
    }

    @Test func termWithSuccessesAddsToArithmetic() throws {
        #expect(try roll("3d6>4 + 1", faces: [5, 6, 1]).total == 3)
    }

    @Test func minimumAndMaximumClampEachDie() throws {
        let result = try roll("4d6min3", faces: [1, 2, 5, 6])
        #expect(result.total == 3 + 3 + 5 + 6)
        #expect(result.breakdown == "4d6min3 [3, 3, 5, 6] = 17")
        #expect(result.terms[0].dice.map(\.faces) == [[1], [2], [5], [6]])
        #expect(try roll("3d6max4", faces: [1, 5, 6]).total == 9)
        #expect(try roll("2d6min2max5", faces: [1, 6]).total == 7)
    }

    @Test func secondSuccessComparePointIsRefused() {
        let error = diceError("5d10>=8>3")
        #expect(error?.reason == .duplicateModifier("success compare point"))
        #expect(error?.offset == 7)
        #expect(
            error?.description == "second success compare point at character 8: a dice term takes only one"
        )
    }

    @Test func failureNeedsAComparePoint() {
        #expect(
            diceError("5d10f")?.description
                == "unexpected end of formula at character 6: expected a compare point after 'f', like f<=1"
        )
    }
}
