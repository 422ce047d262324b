/// Rewrites an ECMAScript pattern (ECMA-262 with the `u` flag) into ICU regular-expression syntax with the same
/// meaning, refusing everything ECMAScript refuses, including ICU-only syntax. Every literal is written as
/// `\x{…}` and every shorthand class spelled out, so ICU's own, wider meanings never apply.
struct ECMARegexTranslator {
    private let pattern: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var output: [Piece] = []
    private var captureCount = 0
    private var captureNames: [String: Int] = [:]
    private var lookbehindDepth = 0

    /// Backreferences are resolved once the whole pattern is read: ECMAScript lets them point forwards.
    private enum Piece {
        case text(String)
        case numberedReference(Int, offset: Int)
        case namedReference(String, offset: Int)
    }

    private enum ClassAtom {
        case codePoint(UInt32)
        case set(String)
    }

    /// ICU refuses unbounded repetition inside a lookbehind (ECMAScript allows it); such repetitions are
    /// bounded by this many repeats instead, far beyond any string a schema checks in practice.
    static let lookbehindRepetitionLimit = 1_000_000

    static func translate(_ pattern: String) throws(ECMARegexError) -> String {
        var translator = ECMARegexTranslator(pattern: pattern)
        return try translator.run()
    }

    private init(pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    private mutating func run() throws(ECMARegexError) -> String {
        try parseDisjunction()
        if position < scalars.count { throw failure("unmatched ')'") }
        var result = ""
        for piece in output {
            switch piece {
            case .text(let text):
                result += text
            case .numberedReference(let number, let offset):
                guard number <= captureCount else {
                    throw failure("backreference \\\(number) but the pattern has \(captureCount) groups", at: offset)
                }
                result += "\\\(number)"
            case .namedReference(let name, let offset):
                guard let number = captureNames[name] else {
                    throw failure("backreference to an undefined group name <\(name)>", at: offset)
                }
                result += "\\\(number)"
            }
        }
        // NSRegularExpression refuses an empty pattern; an empty group means the same.
        return result.isEmpty ? "(?:)" : result
    }

    // MARK: Structure

    private mutating func parseDisjunction() throws(ECMARegexError) {
        try parseAlternative()
        while peek() == "|" {
            position += 1
            emit("|")
            try parseAlternative()
        }
    }

    private mutating func parseAlternative() throws(ECMARegexError) {
        while let next = peek(), next != "|", next != ")" {
            try parseTerm()
        }
    }

    private mutating func parseTerm() throws(ECMARegexError) {
        let start = position
        let next = scalars[position]
        switch next {
        case "^":
            position += 1
            emit("^")
            try refuseQuantifier(afterAssertionAt: start)
        case "$":
            position += 1
            // ICU's `$` also matches before a final line terminator; ECMAScript's only at the very end.
            emit("\\z")
            try refuseQuantifier(afterAssertionAt: start)
        case "\\" where peek(at: position + 1) == "b" || peek(at: position + 1) == "B":
            position += 2
            emit(scalars[start + 1] == "b" ? Self.wordBoundary : Self.notWordBoundary)
            try refuseQuantifier(afterAssertionAt: start)
        case "(":
            if try parseGroup() {
                try parseQuantifier()
            } else {
                try refuseQuantifier(afterAssertionAt: start)
            }
        case "*", "+", "?":
            throw failure("nothing to repeat before '\(next)'")
        case "{":
            throw failure(
                isQuantifierBrace(at: position) ? "nothing to repeat before '{'" : "lone '{' (escape it as \\{)"
            )
        case "}", "]":
            throw failure("lone '\(next)' (escape it as \\\(next))")
        default:
            try parseAtom()
            try parseQuantifier()
        }
    }

    private mutating func parseAtom() throws(ECMARegexError) {
        let next = scalars[position]
        switch next {
        case ".":
            position += 1
            emit(Self.anyButLineTerminator)
        case "[":
            try parseClass()
        case "\\":
            try parseAtomEscape()
        default:
            position += 1
            emit(Self.literal(next.value))
        }
    }

    /// Parses a group; returns false for lookarounds, which ECMAScript does not let a quantifier follow.
    private mutating func parseGroup() throws(ECMARegexError) -> Bool {
        let start = position
        position += 1
        var isLookbehind = false
        var isAtom = true
        if peek() == "?" {
            position += 1
            switch (peek(), peek(at: position + 1)) {
            case (":", _):
                position += 1
                emit("(?:")
            case ("=", _), ("!", _):
                emit("(?\(scalars[position])")
                position += 1
                isAtom = false
            case ("<", "="), ("<", "!"):
                emit("(?<\(scalars[position + 1])")
                position += 2
                isLookbehind = true
                isAtom = false
            case ("<", _):
                position += 1
                try declareGroupName(try parseGroupName(), at: start)
                emit("(")
            default:
                throw failure(
                    "'(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>' (inline flags and "
                        + "other engines' group syntax are not ECMAScript)",
                    at: start
                )
            }
        } else {
            captureCount += 1
            emit("(")
        }
        if isLookbehind { lookbehindDepth += 1 }
        try parseDisjunction()
        if isLookbehind { lookbehindDepth -= 1 }
        guard peek() == ")" else { throw failure("missing ')' for the group opened at offset \(start)") }
        position += 1
        emit(")")
        return isAtom
    }

    private mutating func declareGroupName(_ name: String, at offset: Int) throws(ECMARegexError) {
        captureCount += 1
        guard captureNames.updateValue(captureCount, forKey: name) == nil else {
            throw failure("duplicate group name <\(name)>", at: offset)
        }
    }

    /// Reads `name>` after `<`: an ECMAScript identifier, where `\u` escapes may spell characters.
    private mutating func parseGroupName() throws(ECMARegexError) -> String {
        let start = position
        var name = String.UnicodeScalarView()
        while let next = peek(), next != ">" {
            var character = next
            if next == "\\" {
                position += 1
                guard peek() == "u", let escaped = try parseUnicodeEscape(), let scalar = Unicode.Scalar(escaped) else {
                    throw failure("invalid escape in a group name", at: start)
                }
                character = scalar
            } else {
                position += 1
            }
            let isStart = character == "$" || character == "_" || character.properties.isIDStart
            let isPart =
                isStart || character.properties.isIDContinue || character == "\u{200C}" || character == "\u{200D}"
            guard name.isEmpty ? isStart : isPart else { throw failure("invalid group name", at: start) }
            name.append(character)
        }
        guard peek() == ">", !name.isEmpty else { throw failure("invalid group name", at: start) }
        position += 1
        return String(name)
    }

    // MARK: Quantifiers

    private mutating func parseQuantifier() throws(ECMARegexError) {
        let start = position
        guard let next = peek() else { return }
        var minimum = 0
        var maximum: Int?
        switch next {
        case "*":
            position += 1
        case "+":
            position += 1
            minimum = 1
        case "?":
            position += 1
            maximum = 1
        case "{" where isQuantifierBrace(at: position):
            position += 1
            minimum = try parseDecimal()
            maximum = minimum
            if peek() == "," {
                position += 1
                maximum = peek() == "}" ? nil : try parseDecimal()
            }
            position += 1
            if let maximum, maximum < minimum { throw failure("numbers out of order in quantifier", at: start) }
        default:
            return
        }
        if lookbehindDepth > 0, maximum == nil { maximum = Self.lookbehindRepetitionLimit }
        let bounds = maximum.map { $0 == minimum ? "\(minimum)" : "\(minimum),\($0)" } ?? "\(minimum),"
        emit("{\(bounds)}")
        if peek() == "?" {
            position += 1
            emit("?")
        }
        if let after = peek(), after == "*" || after == "+" || after == "?" || isQuantifierBrace(at: position) {
            throw failure("nothing to repeat before '\(after)' (possessive and doubled quantifiers are not ECMAScript)")
        }
    }

    private mutating func refuseQuantifier(afterAssertionAt offset: Int) throws(ECMARegexError) {
        guard let next = peek(), next == "*" || next == "+" || next == "?" || isQuantifierBrace(at: position) else {
            return
        }
        throw failure("an assertion cannot be repeated", at: offset)
    }

    /// True when a `{` starts `{n}`, `{n,}` or `{n,m}`.
    private func isQuantifierBrace(at index: Int) -> Bool {
        guard peek(at: index) == "{" else { return false }
        var cursor = index + 1
        var digits = 0
        while peek(at: cursor)?.isASCIIDigit == true {
            cursor += 1
            digits += 1
        }
        guard digits > 0 else { return false }
        if peek(at: cursor) == "," {
            cursor += 1
            while peek(at: cursor)?.isASCIIDigit == true { cursor += 1 }
        }
        return peek(at: cursor) == "}"
    }

    private mutating func parseDecimal() throws(ECMARegexError) -> Int {
        let start = position
        var value = 0
        while let digit = peek()?.asciiDigitValue {
            position += 1
            let (next, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, next <= Int(Int32.max) - digit else { throw failure("number too large", at: start) }
            value = next + digit
        }
        return value
    }

    // MARK: Escapes

    private mutating func parseAtomEscape() throws(ECMARegexError) {
        let start = position
        position += 1
        guard let next = peek() else { throw failure("the pattern ends with a lone backslash", at: start) }
        if let set = try parseClassEscape() {
            emit(set)
        } else if next == "k" {
            position += 1
            guard peek() == "<" else { throw failure("\\k must be followed by <name>", at: start) }
            position += 1
            output.append(.namedReference(try parseGroupName(), offset: start))
        } else if ("1"..."9").contains(next) {
            output.append(.numberedReference(try parseDecimal(), offset: start))
        } else {
            emit(Self.literal(try parseCharacterEscape(escapeStart: start)))
        }
    }

    /// `\d \D \w \W \s \S \p{…} \P{…}` as an ICU set, or nil (consuming nothing) for any other escape.
    private mutating func parseClassEscape() throws(ECMARegexError) -> String? {
        guard let letter = peek() else { return nil }
        let set: String
        switch letter {
        case "d": set = Self.digitSet
        case "D": set = Self.negated(Self.digitSet)
        case "w": set = Self.wordSet
        case "W": set = Self.negated(Self.wordSet)
        case "s": set = Self.whitespaceSet
        case "S": set = Self.negated(Self.whitespaceSet)
        case "p", "P": return try parsePropertyEscape()
        default: return nil
        }
        position += 1
        return set
    }

    /// `\p{Name}` or `\p{Name=Value}`. ICU resolves the name; it matches names loosely (the test suite relies
    /// on `\p{digit}`), but only the characters ECMAScript allows in property names may appear.
    private mutating func parsePropertyEscape() throws(ECMARegexError) -> String {
        let start = position - 1
        let letter = scalars[position]
        position += 1
        guard peek() == "{" else { throw failure("\\\(letter) must be followed by {property}", at: start) }
        position += 1
        var body = ""
        while let next = peek(), next != "}" {
            guard next.isASCII,
                next.properties.isAlphabetic || next.isASCIIDigit || next == "_"
                    || (next == "=" && !body.isEmpty && !body.contains("="))
            else { throw failure("invalid character in a property escape", at: position) }
            body.unicodeScalars.append(next)
            position += 1
        }
        guard peek() == "}", !body.isEmpty, body.last != "=" else {
            throw failure("unterminated or empty property escape", at: start)
        }
        position += 1
        return "\\\(letter){\(body)}"
    }

    /// The escapes that stand for one character, valid both inside and outside classes. `escapeStart` is the
    /// backslash; `position` is just after it.
    private mutating func parseCharacterEscape(escapeStart: Int) throws(ECMARegexError) -> UInt32 {
        let letter = scalars[position]
        position += 1
        switch letter {
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        case "0":
            if peek()?.isASCIIDigit == true {
                throw failure(
                    "\\0 followed by a digit (octal escapes are not allowed with the u flag)",
                    at: escapeStart
                )
            }
            return 0
        case "c":
            guard let control = peek(), control.isASCII, control.properties.isAlphabetic else {
                throw failure("\\c must be followed by a letter A-Z or a-z", at: escapeStart)
            }
            position += 1
            return control.value % 32
        case "x":
            guard let high = peek()?.asciiHexDigitValue, let low = peek(at: position + 1)?.asciiHexDigitValue
            else { throw failure("\\x must be followed by two hexadecimal digits", at: escapeStart) }
            position += 2
            return UInt32(high * 16 + low)
        case "u":
            position -= 1
            guard let value = try parseUnicodeEscape() else {
                throw failure("\\u must be followed by four hexadecimal digits or {hex}", at: escapeStart)
            }
            return value
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return letter.value
        default:
            throw failure(
                "invalid escape '\\\(letter)' (with the u flag only syntax characters may be escaped)",
                at: escapeStart
            )
        }
    }

    /// At `u` after a backslash: `\uXXXX` (joining a surrogate pair written as two escapes) or `\u{X…}`.
    private mutating func parseUnicodeEscape() throws(ECMARegexError) -> UInt32? {
        position += 1
        if peek() == "{" {
            var cursor = position + 1
            var value: UInt32 = 0
            while let digit = peek(at: cursor)?.asciiHexDigitValue, value <= 0x10FFFF {
                value = value * 16 + UInt32(digit)
                cursor += 1
            }
            guard cursor > position + 1, peek(at: cursor) == "}", value <= 0x10FFFF else { return nil }
            position = cursor + 1
            return value
        }
        guard let lead = fourHexDigits(at: position) else { return nil }
        position += 4
        if (0xD800...0xDBFF).contains(lead), peek() == "\\", peek(at: position + 1) == "u",
            let trail = fourHexDigits(at: position + 2), (0xDC00...0xDFFF).contains(trail)
        {
            position += 6
            return 0x10000 + (lead - 0xD800) << 10 + (trail - 0xDC00)
        }
        return lead
    }

    private func fourHexDigits(at index: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = peek(at: index + offset)?.asciiHexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    // MARK: Character classes

    private mutating func parseClass() throws(ECMARegexError) {
        let start = position
        position += 1
        let isNegated = peek() == "^"
        if isNegated { position += 1 }
        var body = ""
        while let next = peek(), next != "]" {
            let first = try parseClassAtom()
            guard peek() == "-", let afterDash = peek(at: position + 1), afterDash != "]" else {
                body += Self.classText(first)
                continue
            }
            let dash = position
            position += 1
            let last = try parseClassAtom()
            guard case .codePoint(let low) = first, case .codePoint(let high) = last else {
                throw failure("a class escape such as \\d cannot bound a range (u flag)", at: dash)
            }
            guard low <= high else { throw failure("range out of order in character class", at: dash) }
            body += "\(Self.literal(low))-\(Self.literal(high))"
        }
        guard peek() == "]" else { throw failure("missing ']' for the character class opened at offset \(start)") }
        position += 1
        // ECMAScript's `[]` matches nothing and `[^]` anything; ICU has no empty set, so spell both out.
        let contents = body.isEmpty ? "\\x{0}-\\x{10FFFF}" : body
        emit(isNegated != body.isEmpty ? "[^\(contents)]" : "[\(contents)]")
    }

    private mutating func parseClassAtom() throws(ECMARegexError) -> ClassAtom {
        let next = scalars[position]
        guard next == "\\" else {
            position += 1
            return .codePoint(next.value)
        }
        let start = position
        position += 1
        guard let letter = peek() else { throw failure("the pattern ends with a lone backslash", at: start) }
        if let set = try parseClassEscape() { return .set(set) }
        switch letter {
        case "b":
            position += 1
            return .codePoint(0x08)
        case "-":
            position += 1
            return .codePoint(0x2D)
        case "B", "k", "1"..."9":
            throw failure("'\\\(letter)' is not allowed inside a character class", at: start)
        default:
            return .codePoint(try parseCharacterEscape(escapeStart: start))
        }
    }

    private static func classText(_ atom: ClassAtom) -> String {
        switch atom {
        case .codePoint(let value): literal(value)
        case .set(let set): set
        }
    }

    // MARK: ICU spellings

    private static let digitSet = "[0-9]"
    private static let wordSet = "[A-Za-z0-9_]"
    /// ECMAScript's WhiteSpace and LineTerminator: TAB, LF, VT, FF, CR, ZWNBSP, LS, PS and every Zs character.
    private static let whitespaceSet = "[\\x{9}-\\x{D}\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}]"
    private static let anyButLineTerminator = "[^\\x{A}\\x{D}\\x{2028}\\x{2029}]"
    private static let wordBoundary = "(?:(?<=\(wordSet))(?!\(wordSet))|(?<!\(wordSet))(?=\(wordSet)))"
    private static let notWordBoundary = "(?:(?<=\(wordSet))(?=\(wordSet))|(?<!\(wordSet))(?!\(wordSet)))"

    private static func negated(_ set: String) -> String {
        "[^" + set.dropFirst()
    }

    /// ASCII letters as themselves, everything else as `\x{…}`, so nothing is ever special to ICU.
    private static func literal(_ value: UInt32) -> String {
        if let scalar = Unicode.Scalar(value), scalar.isASCII, scalar.properties.isAlphabetic {
            return String(Character(scalar))
        }
        return "\\x{\(String(value, radix: 16, uppercase: true))}"
    }

    // MARK: Cursor

    private func peek() -> Unicode.Scalar? {
        peek(at: position)
    }

    private func peek(at index: Int) -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private mutating func emit(_ text: String) {
        output.append(.text(text))
    }

    private func failure(_ problem: String, at offset: Int? = nil) -> ECMARegexError {
        ECMARegexError(pattern: pattern, offset: offset ?? position, problem: problem)
    }
}
