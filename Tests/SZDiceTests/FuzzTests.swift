import SZDice
import Testing

/// Counts the dice a formula rolls, to check that the limits bound the work.
struct CountingDice: DiceRandomSource {
    var source: SplitMix64
    var rolls = 0

    mutating func roll(sides: Int) -> Int {
        rolls += 1
        return source.roll(sides: sides)
    }
}

@Suite struct FuzzTests {
    static let fragments = [
        "d", "D", "4", "6", "20", "0", "1", "100", "1000", "99999999", "dF", "d%", "!", "!!", "!p", "kh", "kl", "k",
        "dh", "dl", "r", "ro", "<", "<=", ">", ">=", "=", "f", "min", "max", "+", "-", "*", "/", "(", ")", "[fire]",
        "[", "]", "@a", "@b.c", "@{d e}", "@", "{", "}", ".", "#", " ", "x", "👍🏽",
    ]

    static let counts = ["", "1", "2", "4", "10", "(@a)", "@{d e}"]
    static let sides = ["2", "6", "20", "%", "F", "1", "(1d4)"]
    static let modifiers = [
        "!", "!!", "!p", "kh2", "kl1", "dl1", "r", "ro<3", ">=4", "f1", "min2", "max5", "!>=5", "r<2", "[fire]",
    ]
    static let operators = [" + ", "-", "*", " / ", "+"]

    /// Half the time random fragments, half the time a well-formed formula with a few fragments spliced in, so that
    /// both the parser's error paths and the roller get exercised.
    static func randomFormula(using generator: inout SplitMix64) -> String {
        var pieces: [String] = []
        if Bool.random(using: &generator) {
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                pieces.append(fragments.randomElement(using: &generator)!)
            }
            return pieces.joined()
        }
        for index in 0..<Int.random(in: 1...3, using: &generator) {
            if index > 0 { pieces.append(operators.randomElement(using: &generator)!) }
            pieces.append(counts.randomElement(using: &generator)! + "d" + sides.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                pieces.append(modifiers.randomElement(using: &generator)!)
            }
        }
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
            let position = Int.random(in: 0...pieces.count, using: &generator)
            pieces.insert(fragments.randomElement(using: &generator)!, at: position)
        }
        return pieces.joined()
    }

    @Test func randomStringsNeverCrashOrRunAway() throws {
        var generator = SplitMix64(seed: 2_024)
        let fields = ["a": 3, "b.c": -2, "d e": 7]
        var rolledFormulas = 0
        for _ in 0..<20_000 {
            let text = Self.randomFormula(using: &generator)
            let formula: DiceFormula
            do {
                formula = try DiceFormula.parse(text)
            } catch {
                #expect((0...text.count).contains(error.offset), "\(text): \(error)")
                continue
            }
            let reparsed = try DiceFormula.parse(formula.text)
            #expect(reparsed.text == formula.text, "\(text)")

            let seed = generator.next()
            var dice = CountingDice(source: SplitMix64(seed: seed))
            var sameDice = CountingDice(source: SplitMix64(seed: seed))
            let result = Result { () throws(DiceError) in try formula.roll(fields: fields, using: &dice) }
            let again = Result { () throws(DiceError) in try reparsed.roll(fields: fields, using: &sameDice) }
            #expect(dice.rolls <= DiceLimits.standard.maxRolls)
            switch (result, again) {
            case (.success(let roll), .success(let rollAgain)):
                rolledFormulas += 1
                // Offsets differ where the normalized text moved things; everything shown must match.
                #expect(roll.breakdown == rollAgain.breakdown, "\(text)")
                #expect(roll.breakdown.contains("= \(roll.total)"), "\(text)")
            case (.failure(let error), .failure(let errorAgain)):
                #expect(error.reason == errorAgain.reason, "\(text)")
                #expect((0...text.count).contains(error.offset), "\(text): \(error)")
            default:
                Issue.record("\(text) and its normalized form \(formula.text) rolled differently")
            }
        }
        #expect(rolledFormulas > 2_000, "the fuzz should reach the roller often")
    }
}
