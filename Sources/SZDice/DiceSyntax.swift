/// The parsed formula. Parentheses are kept as `group` so that the normalized text shows them where the player
/// wrote them.
indirect enum DiceExpression: Sendable, Hashable {
    case number(Int)
    case field(String, offset: Int)
    case dice(DiceTerm)
    case group(DiceExpression)
    case negate(DiceExpression, offset: Int)
    case binary(BinaryOperator, DiceExpression, DiceExpression, offset: Int)
    case labeled(DiceExpression, label: String)
}

enum BinaryOperator: Character, Sendable, Hashable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"

    /// Levels from loosest to tightest binding.
    static let precedenceLevels = 2

    var precedence: Int {
        switch self {
        case .add, .subtract: 0
        case .multiply, .divide: 1
        }
    }
}

struct DiceTerm: Sendable, Hashable {
    /// Nil when the formula omits it (`d20`), which means one die.
    var count: DiceExpression?
    var sides: DiceSides
    var modifiers: [DiceModifier]
    var offset: Int
    var sidesOffset: Int
}

enum DiceSides: Sendable, Hashable {
    case number(DiceExpression)
    /// `d%`, a d100 written the percentile way.
    case percent
    /// `dF`, a Fate die with faces -1, 0 and +1.
    case fate
}

enum DiceModifier: Sendable, Hashable {
    case keep(KeepRule, count: Int)
    /// A nil compare point explodes on the highest face.
    case explode(ExplosionKind, ComparePoint?)
    /// A nil compare point rerolls the lowest face.
    case reroll(once: Bool, ComparePoint?)
    case success(ComparePoint)
    case failure(ComparePoint)
    case minimum(Int)
    case maximum(Int)
}

enum KeepRule: String, Sendable, Hashable {
    case keepHighest = "kh"
    case keepLowest = "kl"
    case dropHighest = "dh"
    case dropLowest = "dl"
}

enum ExplosionKind: String, Sendable, Hashable {
    /// Each die that explodes adds another die.
    case explode = "!"
    /// The extra dice are added into the die that exploded.
    case compound = "!!"
    /// Like `explode`, but every extra die counts one less.
    case penetrate = "!p"
}

struct ComparePoint: Sendable, Hashable {
    enum Comparison: String, Sendable, Hashable {
        case equal = "="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    var comparison: Comparison
    var value: Int

    func matches(_ face: Int) -> Bool {
        switch comparison {
        case .equal: face == value
        case .less: face < value
        case .lessOrEqual: face <= value
        case .greater: face > value
        case .greaterOrEqual: face >= value
        }
    }
}
