/// Recursive-descent parser for the grammar in docs/dice.md. Works on grapheme clusters so that offsets are the
/// character positions a player sees.
struct DiceParser {
    let characters: [Character]
    let limits: DiceLimits
    var position = 0
    private var depth = 0
    var diceTermCount = 0
    /// Dice asked for by terms whose count is a plain number; computed counts are added when rolled.
    var literalDiceCount = 0

    init(_ text: String, limits: DiceLimits) {
        self.characters = Array(text)
        self.limits = limits
    }

    /// The whole formula: an expression, then an optional `# comment`.
    mutating func parseFormula() throws(DiceError) -> (expression: DiceExpression, comment: String?) {
        guard characters.count <= limits.maxFormulaLength else {
            throw DiceError(.limitExceeded(.formulaLength, limit: limits.maxFormulaLength), at: limits.maxFormulaLength)
        }
        let expression = try parseBinary(level: 0)
        skipWhitespace()
        var comment: String?
        if peek == "#" {
            comment = String(characters[(position + 1)...]).trimmedOrNil
            position = characters.count
        }
        guard position == characters.count else {
            throw unexpected("an operator (+ - * /), a label [...], a comment (# ...) or the end of the formula")
        }
        return (expression, comment)
    }

    // MARK: Expressions

    private mutating func parseBinary(level: Int) throws(DiceError) -> DiceExpression {
        guard level < BinaryOperator.precedenceLevels else { return try parseUnary() }
        var left = try parseBinary(level: level + 1)
        while true {
            skipWhitespace()
            guard let character = peek, let operation = BinaryOperator(rawValue: character),
                operation.precedence == level
            else { return left }
            let offset = position
            position += 1
            let right = try parseBinary(level: level + 1)
            left = .binary(operation, left, right, offset: offset)
        }
    }

    private mutating func parseUnary() throws(DiceError) -> DiceExpression {
        skipWhitespace()
        guard peek == "-" else { return try parseOperand() }
        let offset = position
        position += 1
        try enterNesting(at: offset)
        defer { depth -= 1 }
        return .negate(try parseUnary(), offset: offset)
    }

    /// A number, field, group or dice term, with its optional `[label]`.
    private mutating func parseOperand() throws(DiceError) -> DiceExpression {
        skipWhitespace()
        let start = position
        var operand: DiceExpression
        if isDiceLetter(peek) {
            operand = .dice(try parseDice(count: nil, start: start))
        } else {
            operand = try parseAtom(expected: "a number, a die like d20, a field like @strength, '-' or '('")
            if isDiceLetter(peek) {
                operand = .dice(try parseDice(count: operand, start: start))
            }
        }
        return try parseLabel(after: operand)
    }

    /// A number, a field or a parenthesized expression: what may stand before or after the `d` of a dice term.
    mutating func parseAtom(expected: String) throws(DiceError) -> DiceExpression {
        switch peek {
        case "(":
            let offset = position
            position += 1
            try enterNesting(at: offset)
            defer { depth -= 1 }
            let inner = try parseBinary(level: 0)
            skipWhitespace()
            guard peek == ")" else { throw unexpected("')' to close the '(' at character \(offset + 1)") }
            position += 1
            return .group(inner)
        case "@":
            return try parseField()
        case let character? where character.isASCIIDigit:
            return .number(try parseNumber())
        default:
            throw unexpected(expected)
        }
    }

    private mutating func enterNesting(at offset: Int) throws(DiceError) {
        depth += 1
        guard depth <= limits.maxNestingDepth else {
            throw DiceError(.limitExceeded(.nestingDepth, limit: limits.maxNestingDepth), at: offset)
        }
    }

    // MARK: Fields and labels

    /// `@name`, `@dotted.name` or `@{any name}`.
    private mutating func parseField() throws(DiceError) -> DiceExpression {
        let start = position
        position += 1
        if peek == "{" {
            guard let close = characters[position...].firstIndex(of: "}") else {
                throw DiceError(.unterminated(what: "field name", closer: "}"), at: start)
            }
            let name = String(characters[(position + 1)..<close]).trimmedOrNil
            position = close + 1
            guard let name else { throw DiceError(.unexpected(found: "}", expected: "a field name"), at: close) }
            return .field(name, offset: start)
        }
        guard let first = peek, first.isFieldNameStart else {
            throw unexpected("a field name after '@', like @strength or @{Armor Class}")
        }
        var name = ""
        while let character = peek {
            if character.isFieldNameStart || character.isASCIIDigit {
                name.append(character)
                position += 1
            } else if character == ".", let next = peek(at: position + 1), next.isFieldNameStart {
                name.append(character)
                position += 1
            } else {
                break
            }
        }
        return .field(name, offset: start)
    }

    private mutating func parseLabel(after operand: DiceExpression) throws(DiceError) -> DiceExpression {
        let beforeWhitespace = position
        skipWhitespace()
        guard peek == "[" else {
            position = beforeWhitespace
            return operand
        }
        guard let close = characters[position...].firstIndex(of: "]") else {
            throw DiceError(.unterminated(what: "label", closer: "]"), at: position)
        }
        let label = String(characters[(position + 1)..<close]).trimmedOrNil
        position = close + 1
        return label.map { .labeled(operand, label: $0) } ?? operand
    }

    // MARK: Characters

    var peek: Character? { peek(at: position) }

    func peek(at index: Int) -> Character? {
        index < characters.count ? characters[index] : nil
    }

    /// Whether the next characters spell `word`, ignoring case.
    func peekWord(_ word: String) -> Bool {
        var index = position
        for expected in word {
            guard let character = peek(at: index), character.lowercased() == String(expected) else { return false }
            index += 1
        }
        return true
    }

    mutating func skipWhitespace() {
        while let character = peek, character.isWhitespace { position += 1 }
    }

    func isDiceLetter(_ character: Character?) -> Bool {
        character == "d" || character == "D"
    }

    mutating func parseNumber() throws(DiceError) -> Int {
        let start = position
        var value = 0
        while let character = peek, let digit = character.wholeNumberValue, character.isASCIIDigit {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw DiceError(.numberTooLarge, at: start) }
            value = sum
            position += 1
        }
        return value
    }

    func unexpected(_ expected: String) -> DiceError {
        DiceError(.unexpected(found: peek, expected: expected), at: position)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }

    var isFieldNameStart: Bool { isLetter || self == "_" }
}

extension String {
    /// The text without surrounding whitespace, or nil when nothing is left.
    var trimmedOrNil: String? {
        let trimmed = drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
