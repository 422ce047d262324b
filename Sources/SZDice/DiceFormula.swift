/// A parsed dice formula such as `4d6kh3`, `1d20+@strength # attack` or `10d10>=8f<=1`; docs/dice.md has the
/// grammar. Parsing checks everything the text alone can show, so a formula refused by a limit never rolls a die.
public struct DiceFormula: Sendable, Hashable, CustomStringConvertible {
    let expression: DiceExpression
    /// The trailing `# comment`, if any.
    public let comment: String?
    public let limits: DiceLimits

    public static func parse(_ text: String, limits: DiceLimits = .standard) throws(DiceError) -> DiceFormula {
        var parser = DiceParser(text, limits: limits)
        let (expression, comment) = try parser.parseFormula()
        return DiceFormula(expression: expression, comment: comment, limits: limits)
    }

    /// The formula in normalized notation: lower-case letters (`dF` aside), spaces around `+ - * /` only, explicit
    /// keep counts (`kh1`), and a success compare point right after the sides. Parsing it gives the same formula.
    public var text: String {
        expression.text + commentSuffix
    }

    private var commentSuffix: String {
        comment.map { " # \($0)" } ?? ""
    }

    public var description: String { text }

    /// The names of the `@field` references, each once, in order of appearance.
    public var fieldReferences: [String] {
        var seen: Set<String> = []
        return expression.fieldNames.filter { seen.insert($0).inserted }
    }

    /// Rolls the formula. `fields` holds the roller's character fields by name (`"Abilities.Strength"`), matched
    /// exactly. Division rounds down, toward negative infinity: `7/2` is 3 and `-7/2` is -4.
    public func roll(
        fields: [String: Int] = [:],
        using random: inout some DiceRandomSource
    ) throws(DiceError) -> DiceRoll {
        var evaluator = DiceEvaluator(random: random, fields: fields, limits: limits)
        defer { random = evaluator.random }
        let (total, breakdown) = try evaluator.evaluate(expression)
        return DiceRoll(
            formula: text,
            comment: comment,
            total: total,
            terms: evaluator.terms,
            breakdown: "\(breakdown) = \(total)\(commentSuffix)"
        )
    }
}
