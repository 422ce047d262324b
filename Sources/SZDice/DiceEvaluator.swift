/// Evaluates a parsed formula once, collecting the dice terms and the breakdown text as it goes.
struct DiceEvaluator<Random: DiceRandomSource> {
    var random: Random
    let fields: [String: Int]
    let limits: DiceLimits
    /// Dice asked for so far, for `DiceLimits.maxDice`.
    var diceCount = 0
    /// Dice rolled so far, rerolls and explosions included, for `DiceLimits.maxRolls`.
    var rollCount = 0
    var terms: [DiceTermResult] = []

    init(random: Random, fields: [String: Int], limits: DiceLimits) {
        self.random = random
        self.fields = fields
        self.limits = limits
    }

    /// The value of `expression` and its breakdown text.
    mutating func evaluate(_ expression: DiceExpression) throws(DiceError) -> (value: Int, breakdown: String) {
        switch expression {
        case .number(let value):
            return (value, String(value))
        case .field(let name, let offset):
            guard let value = fields[name] else { throw DiceError(.unknownField(name), at: offset) }
            return (value, "\(DiceExpression.fieldText(name, braced: false)) [\(value)]")
        case .dice(let term):
            return try roll(term, label: nil)
        case .group(let inner):
            let (value, breakdown) = try evaluate(inner)
            return (value, "(\(breakdown))")
        case .negate(let inner, let offset):
            let (value, breakdown) = try evaluate(inner)
            return (try Self.checked(0.subtractingReportingOverflow(value), at: offset), "-\(breakdown)")
        case .binary(let operation, let left, let right, let offset):
            let (leftValue, leftBreakdown) = try evaluate(left)
            let (rightValue, rightBreakdown) = try evaluate(right)
            let value = try Self.apply(operation, leftValue, rightValue, at: offset)
            return (value, "\(leftBreakdown) \(operation.rawValue) \(rightBreakdown)")
        case .labeled(let inner, let label):
            let (value, breakdown) =
                if case .dice(let term) = inner { try roll(term, label: label) } else { try evaluate(inner) }
            return (value, "\(breakdown) \"\(label)\"")
        }
    }

    private static func apply(
        _ operation: BinaryOperator,
        _ left: Int,
        _ right: Int,
        at offset: Int
    ) throws(DiceError) -> Int {
        switch operation {
        case .add:
            return try checked(left.addingReportingOverflow(right), at: offset)
        case .subtract:
            return try checked(left.subtractingReportingOverflow(right), at: offset)
        case .multiply:
            return try checked(left.multipliedReportingOverflow(by: right), at: offset)
        case .divide:
            guard right != 0 else { throw DiceError(.divisionByZero, at: offset) }
            let quotient = try checked(left.dividedReportingOverflow(by: right), at: offset)
            // Swift truncates toward zero; step down when the exact result was negative and not whole.
            let roundsDown = left % right != 0 && (left < 0) != (right < 0)
            return roundsDown ? quotient - 1 : quotient
        }
    }

    static func checked(_ result: (partialValue: Int, overflow: Bool), at offset: Int) throws(DiceError) -> Int {
        guard !result.overflow else { throw DiceError(.overflow, at: offset) }
        return result.partialValue
    }
}
