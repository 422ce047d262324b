/// The outcome of rolling a formula: the total and every die behind it. Codable so the server can broadcast it.
public struct DiceRoll: Sendable, Codable, Equatable {
    /// The formula in normalized notation (see `DiceFormula.text`).
    public var formula: String
    /// The trailing `# comment`, if any.
    public var comment: String?
    public var total: Int
    /// Every dice term in the order it was rolled (a computed dice count is rolled before its term).
    public var terms: [DiceTermResult]
    /// One readable line, such as `4d6kh3 [6, 4, 3, ~~1~~] = 13`; docs/dice.md describes the notation.
    public var breakdown: String
}

/// One dice term of a roll, such as `4d6kh3`.
public struct DiceTermResult: Sendable, Codable, Equatable {
    /// The term in normalized notation.
    public var notation: String
    /// Zero-based character offset of the term in the formula as written.
    public var offset: Int
    public var label: String?
    /// Every die rolled, in order; an extra die from an explosion follows the die that exploded.
    public var dice: [RolledDie]
    /// What the term adds to the formula: the sum of the counted dice, or successes minus failures when the term
    /// counts successes.
    public var value: Int
    /// Set when the term counts successes (`>=8`) or failures (`f<=1`).
    public var successes: Int?
    public var failures: Int?
}

public struct RolledDie: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case counted
        /// Removed by keep or drop (`kh`, `kl`, `dh`, `dl`).
        case dropped
        /// Replaced by a reroll (`r`, `ro`); the next die is its replacement.
        case rerolled
    }

    public enum Outcome: String, Sendable, Codable {
        case success
        case failure
    }

    /// What the die is worth: its face after `min`/`max`, one less for a die added by a penetrating explosion,
    /// or the sum of all faces for a compounding die. Fate dice are worth -1, 0 or +1.
    public var value: Int
    /// The faces as rolled: one, or several for a compounding die.
    public var faces: [Int]
    public var status: Status
    /// The die exploded: an extra die follows it, or (compounding) its faces were added up.
    public var exploded: Bool
    public var outcome: Outcome?
    /// The die would have exploded or been rerolled again, but `DiceLimits.maxRerollsPerDie` stopped it.
    public var reachedLimit: Bool

    public init(
        value: Int,
        faces: [Int],
        status: Status = .counted,
        exploded: Bool = false,
        outcome: Outcome? = nil,
        reachedLimit: Bool = false
    ) {
        self.value = value
        self.faces = faces
        self.status = status
        self.exploded = exploded
        self.outcome = outcome
        self.reachedLimit = reachedLimit
    }

    /// The die in breakdown notation: value, then `!` exploded, `r` rerolled, `s` success, `f` failure,
    /// `(limit)` stopped by a limit; struck through with `~~` when it does not count.
    public var notation: String {
        var text = String(value)
        if exploded { text += "!" }
        if status == .rerolled { text += "r" }
        switch outcome {
        case .success: text += "s"
        case .failure: text += "f"
        case nil: break
        }
        if reachedLimit { text += "(limit)" }
        return status == .counted ? text : "~~\(text)~~"
    }
}
