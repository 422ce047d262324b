// Normalized notation: the formula as it would be typed, with one spelling per meaning, so that parsing the text
// again gives the same formula.

extension DiceExpression {
    var text: String {
        switch self {
        case .number(let value): String(value)
        case .field(let name, _): Self.fieldText(name, braced: false)
        case .dice(let term): term.notation(count: term.count?.textBeforeOrAfterD, sides: term.sides.text)
        case .group(let inner): "(\(inner.text))"
        case .negate(let inner, _): "-\(inner.text)"
        case .binary(let operation, let left, let right, _): "\(left.text) \(operation.rawValue) \(right.text)"
        case .labeled(let inner, let label): "\(inner.text)[\(label)]"
        }
    }

    /// Braces keep a field from swallowing the `d` or the modifiers next to it (`@{level}d6`).
    var textBeforeOrAfterD: String {
        if case .field(let name, _) = self { Self.fieldText(name, braced: true) } else { text }
    }

    static func fieldText(_ name: String, braced: Bool) -> String {
        braced || !isBareFieldName(name) ? "@{\(name)}" : "@\(name)"
    }

    /// Whether `@name` alone reads back as this name: letters, digits and `_`, in segments joined by single dots.
    private static func isBareFieldName(_ name: String) -> Bool {
        name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.first, first.isFieldNameStart else { return false }
            return segment.allSatisfy { $0.isFieldNameStart || $0.isASCIIDigit }
        }
    }

    /// Every field the expression reads, in order of appearance.
    var fieldNames: [String] {
        switch self {
        case .number: []
        case .field(let name, _): [name]
        case .dice(let term):
            (term.count?.fieldNames ?? []) + (term.sides.expression?.fieldNames ?? [])
        case .group(let inner), .negate(let inner, _), .labeled(let inner, _): inner.fieldNames
        case .binary(_, let left, let right, _): left.fieldNames + right.fieldNames
        }
    }
}

extension DiceSides {
    var expression: DiceExpression? {
        if case .number(let expression) = self { expression } else { nil }
    }

    var text: String {
        switch self {
        case .number(let expression): expression.textBeforeOrAfterD
        case .percent: "%"
        case .fate: "F"
        }
    }
}

extension DiceTerm {
    /// The notation with count and sides already rendered by the caller, as formula text or as breakdown.
    /// A success compare point goes first: after a bare `!` or `r` it would be read as theirs.
    func notation(count: String?, sides: String) -> String {
        let successFirst = modifiers.filter(\.isSuccess) + modifiers.filter { !$0.isSuccess }
        return (count ?? "") + "d" + sides + successFirst.map(\.text).joined()
    }
}

extension DiceModifier {
    var isSuccess: Bool {
        if case .success = self { true } else { false }
    }

    var text: String {
        switch self {
        case .keep(let rule, let count): "\(rule.rawValue)\(count)"
        case .explode(let kind, let point): kind.rawValue + (point?.textWhereBareMeansEqual ?? "")
        case .reroll(let once, let point): (once ? "ro" : "r") + (point?.textWhereBareMeansEqual ?? "")
        case .success(let point): point.text
        case .failure(let point): "f" + point.textWhereBareMeansEqual
        case .minimum(let value): "min\(value)"
        case .maximum(let value): "max\(value)"
        }
    }
}

extension ComparePoint {
    var text: String { "\(comparison.rawValue)\(value)" }

    /// `r1` rather than `r=1`, as players write it.
    var textWhereBareMeansEqual: String {
        comparison == .equal && value >= 0 ? String(value) : text
    }
}
