import SZDice
import Testing

/// Returns the given faces in order and remembers which dice were asked for.
struct ScriptedDice: DiceRandomSource {
    var faces: [Int]
    var sidesRequested: [Int] = []

    init(_ faces: [Int]) {
        self.faces = faces
    }

    mutating func roll(sides: Int) -> Int {
        sidesRequested.append(sides)
        guard !faces.isEmpty else {
            Issue.record("the script ran out of faces on a d\(sides)")
            return 1
        }
        return faces.removeFirst()
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, seedable and good enough for tests.
struct SplitMix64: DiceRandomSource, RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func roll(sides: Int) -> Int {
        Int.random(in: 1...sides, using: &self)
    }
}

/// Rolls `formula` with scripted faces and checks that the script was used up exactly.
func roll(
    _ formula: String,
    faces: [Int],
    fields: [String: Int] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> DiceRoll {
    var dice = ScriptedDice(faces)
    let result = try DiceFormula.parse(formula).roll(fields: fields, using: &dice)
    #expect(dice.faces.isEmpty, "faces left over: \(dice.faces)", sourceLocation: sourceLocation)
    return result
}

/// The error thrown by parsing or rolling `formula`, or nil when there is none.
func diceError(
    _ formula: String,
    faces: [Int] = [],
    fields: [String: Int] = [:],
    limits: DiceLimits = .standard
)
    -> DiceError?
{
    var dice = ScriptedDice(faces)
    do {
        _ = try DiceFormula.parse(formula, limits: limits).roll(fields: fields, using: &dice)
        return nil
    } catch {
        return error
    }
}
