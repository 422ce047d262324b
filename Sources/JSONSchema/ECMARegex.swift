import Foundation

/// A regular expression with ECMAScript (ECMA-262, `u` flag) semantics, as JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` require. The pattern is checked against the ECMAScript grammar
/// and rewritten into ICU syntax with the same meaning, then compiled once by `NSRegularExpression`.
struct ECMARegex: Sendable {
    let pattern: String
    private let expression: NSRegularExpression

    init(_ pattern: String) throws(ECMARegexError) {
        let translated = try ECMARegexTranslator.translate(pattern)
        do {
            expression = try NSRegularExpression(pattern: translated)
        } catch {
            throw ECMARegexError(
                pattern: pattern,
                offset: nil,
                problem: "valid ECMAScript that the ICU engine cannot run (an unbounded repetition nested in a "
                    + "lookbehind, or a backreference inside one, are the usual causes)"
            )
        }
        self.pattern = pattern
    }

    /// `RegExp.prototype.test`: true when the pattern matches anywhere in `string`.
    func matches(_ string: String) -> Bool {
        // NSRegularExpression measures in UTF-16 code units, so the range must too (an emoji counts as two).
        let whole = NSRange(location: 0, length: string.utf16.count)
        return expression.rangeOfFirstMatch(in: string, range: whole).location != NSNotFound
    }
}

/// Why a pattern was refused, naming the pattern and, where it applies, the offset (in Unicode scalars) of the
/// offending part.
struct ECMARegexError: Error, Sendable, Equatable, CustomStringConvertible {
    let pattern: String
    let offset: Int?
    let problem: String

    var description: String {
        let place = offset.map { " at offset \($0)" } ?? ""
        return "invalid regular expression \"\(pattern)\"\(place): \(problem)"
    }
}
