import SZDice
import Testing

/// Statistical sanity checks with a fixed seed, so they are deterministic; the tolerances are several standard
/// errors wide so that a change of seed would still pass.
@Suite struct DistributionTests {
    func mean(of text: String, rolls: Int = 10_000, seed: UInt64 = 42) throws -> Double {
        let formula = try DiceFormula.parse(text)
        var dice = SplitMix64(seed: seed)
        var sum = 0
        for _ in 0..<rolls {
            sum += try formula.roll(using: &dice).total
        }
        return Double(sum) / Double(rolls)
    }

    @Test func threeD6AveragesTenAndAHalf() throws {
        #expect(abs(try mean(of: "3d6") - 10.5) < 0.15)
    }

    @Test func advantageAveragesAbout13Point8() throws {
        #expect(abs(try mean(of: "2d20kh1") - 13.825) < 0.25)
    }

    @Test func fateDiceAverageZero() throws {
        #expect(abs(try mean(of: "4dF")) < 0.06)
    }

    @Test func explodingD6AveragesFourPointTwo() throws {
        // A d6 exploding on 6 is worth 3.5 * 6/5 on average.
        #expect(abs(try mean(of: "1d6!") - 4.2) < 0.15)
    }

    @Test func everyPercentileFaceShowsUp() throws {
        let formula = try DiceFormula.parse("d%")
        var dice = SplitMix64(seed: 7)
        var seen: Set<Int> = []
        for _ in 0..<5_000 {
            seen.insert(try formula.roll(using: &dice).total)
        }
        #expect(seen == Set(1...100))
    }
}
