/// Why a formula could not be parsed or rolled, and where. `description` is written for players.
public struct DiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// `found` is nil at the end of the formula; `expected` says what would have fitted there.
        case unexpected(found: Character?, expected: String)
        /// A `[` label or `@{` field name that is never closed.
        case unterminated(what: String, closer: Character)
        case numberTooLarge
        case limitExceeded(DiceLimit, limit: Int)
        case noSides(Int)
        case negativeDiceCount(Int)
        case unknownField(String)
        case divisionByZero
        case overflow
        /// An explosion whose compare point matches every face of the die.
        case endlessExplosion
        /// Rerolls (`r`, not `ro`) whose compare points match every face of the die.
        case endlessReroll
        /// A modifier that may appear once per dice term, given twice; the string names it ("explosion").
        case duplicateModifier(String)
    }

    public let reason: Reason
    /// Zero-based index of the character (grapheme) where the problem is; `description` counts from 1.
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let place = "at character \(offset + 1)"
        switch reason {
        case .unexpected(let found?, let expected):
            return "unexpected '\(found)' \(place): expected \(expected)"
        case .unexpected(nil, let expected):
            return "unexpected end of formula \(place): expected \(expected)"
        case .unterminated(let what, let closer):
            return "unterminated \(what) \(place): expected '\(closer)' to close it"
        case .numberTooLarge:
            return "number too large \(place): at most \(Int.max) is allowed"
        case .limitExceeded(let limit, let value):
            return "\(limitProblem(limit)) \(place): \(limitRule(limit, value))"
        case .noSides(let sides):
            return "a die with \(sides) sides \(place): a die needs at least 1 side"
        case .negativeDiceCount(let count):
            return "\(count) dice \(place): the number of dice cannot be negative"
        case .unknownField(let name):
            return "unknown field '@\(name)' \(place): the character has no such field"
        case .divisionByZero:
            return "division by zero \(place)"
        case .overflow:
            return "result too large \(place): the calculation goes beyond \(Int.max)"
        case .endlessExplosion:
            return "endless explosion \(place): every face of this die would explode; explode on fewer faces"
        case .endlessReroll:
            return "endless reroll \(place): every face of this die would be rerolled; use 'ro' or reroll fewer faces"
        case .duplicateModifier(let modifier):
            return "second \(modifier) \(place): a dice term takes only one"
        }
    }

    private func limitProblem(_ limit: DiceLimit) -> String {
        switch limit {
        case .formulaLength: "formula too long"
        case .dicePerTerm: "too many dice in one term"
        case .dice: "too many dice"
        case .sides: "too many sides"
        case .rolls: "too many rolls"
        case .nestingDepth: "too deeply nested"
        case .diceTerms: "too many dice terms"
        }
    }

    private func limitRule(_ limit: DiceLimit, _ value: Int) -> String {
        switch limit {
        case .formulaLength: "at most \(value) characters are allowed"
        case .dicePerTerm: "at most \(value) dice per term are allowed"
        case .dice: "at most \(value) dice in the whole formula are allowed"
        case .sides: "a die may have at most \(value) sides"
        case .rolls: "rerolls and explosions may roll at most \(value) dice in all"
        case .nestingDepth: "at most \(value) parentheses or minus signs may be nested"
        case .diceTerms: "at most \(value) dice terms are allowed"
        }
    }
}
