/// Caps on the work one formula may ask for. Each cap is checked before the dice it protects are rolled, so a
/// formula such as `1000000d1000000!!` is refused at once.
public struct DiceLimits: Sendable, Hashable, Codable {
    /// Characters in the formula text, comment included.
    public var maxFormulaLength: Int
    /// Dice asked for by one term (`1000d6` asks for 1,000), before rerolls and explosions.
    public var maxDicePerTerm: Int
    /// Dice asked for by all terms together, before rerolls and explosions.
    public var maxDice: Int
    /// Sides of one die.
    public var maxSides: Int
    /// Rerolls and explosions of one die. The chain stops there and the last die is marked `reachedLimit`,
    /// so a lucky streak never turns into an error.
    public var maxRerollsPerDie: Int
    /// Every die rolled by the formula, rerolls and explosions included.
    public var maxRolls: Int
    /// Parentheses and unary minus signs nested inside each other.
    public var maxNestingDepth: Int
    /// Dice terms (`2d6`, `d20`, …) in the formula.
    public var maxDiceTerms: Int

    public init(
        maxFormulaLength: Int = 500,
        maxDicePerTerm: Int = 1_000,
        maxDice: Int = 2_000,
        maxSides: Int = 1_000_000,
        maxRerollsPerDie: Int = 100,
        maxRolls: Int = 10_000,
        maxNestingDepth: Int = 32,
        maxDiceTerms: Int = 50
    ) {
        self.maxFormulaLength = maxFormulaLength
        self.maxDicePerTerm = maxDicePerTerm
        self.maxDice = maxDice
        self.maxSides = maxSides
        self.maxRerollsPerDie = maxRerollsPerDie
        self.maxRolls = maxRolls
        self.maxNestingDepth = maxNestingDepth
        self.maxDiceTerms = maxDiceTerms
    }

    public static let standard = DiceLimits()
}

/// Names one of the `DiceLimits`, for errors.
public enum DiceLimit: String, Sendable, Hashable, Codable, CaseIterable {
    case formulaLength
    case dicePerTerm
    case dice
    case sides
    case rolls
    case nestingDepth
    case diceTerms
}
