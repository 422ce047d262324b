/// Why a text is not a version range: `reason` says what is wrong, `offset` is the UTF-8 byte offset
/// in `text` where it starts, `column` the same position counted in characters from 1.
public struct VersionRangeParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let offset: Int
    public let reason: String

    public var column: Int { String(decoding: text.utf8.prefix(offset), as: UTF8.self).count + 1 }

    public var description: String { text.isEmpty ? reason : "\(text): column \(column): \(reason)" }
}

extension VersionRange {
    /// Parses the syntax described on ``VersionRange``.
    public init(parsing text: String) throws(VersionRangeParseError) {
        var parser = RangeParser(text: text)
        let alternatives = try parser.alternatives()
        self.init(
            description: alternatives.map(\.description).joined(separator: " || "),
            versions: alternatives.map(\.versions).reduce(.empty) { $0.union($1) }
        )
    }
}

private struct RangeParser {
    /// A run of text between spaces, commas and `||`.
    struct Word {
        var text: String
        var offset: Int
        var followsComma: Bool
    }

    let text: String
    let bytes: [UInt8]
    var index = 0

    init(text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    mutating func alternatives() throws(VersionRangeParseError) -> [ComparatorSet] {
        var alternatives: [ComparatorSet] = []
        while true {
            let start = index
            let words = try words()
            if words.isEmpty {
                let isBlank = alternatives.isEmpty && index == bytes.count
                throw error(isBlank ? "the range is empty" : "an alternative of '||' is empty", at: start)
            }
            alternatives.append(try comparatorSet(words))
            if index == bytes.count { return alternatives }
            index += 2
        }
    }

    /// Reads words up to `||` or the end.
    private mutating func words() throws(VersionRangeParseError) -> [Word] {
        var words: [Word] = []
        var pendingComma: Int? = nil
        while true {
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: "|") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "|") else {
                    throw error("a single '|': alternatives are separated by '||'", at: index)
                }
                break
            }
            if bytes[index] == UInt8(ascii: ",") {
                if words.isEmpty || pendingComma != nil {
                    throw error("a ',' must separate two comparators", at: index)
                }
                pendingComma = index
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, !isWhitespace(bytes[index]),
                bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "|")
            {
                index += 1
            }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            words.append(Word(text: word, offset: start, followsComma: pendingComma != nil))
            pendingComma = nil
        }
        if let pendingComma { throw error("a ',' must separate two comparators", at: pendingComma) }
        return words
    }

    private func comparatorSet(_ words: [Word]) throws(VersionRangeParseError) -> ComparatorSet {
        if words.count == 3, words[1].text == "-", !words[1].followsComma, !words[2].followsComma {
            let from = try comparator(words[0].text, at: words[0].offset)
            let to = try comparator(words[2].text, at: words[2].offset)
            for end in [(from, words[0]), (to, words[2])] where end.0.relation != nil {
                throw error("a hyphen range joins two versions, without operators", at: end.1.offset)
            }
            return .hyphen(from: from, to: to)
        }
        var comparators: [Comparator] = []
        var position = 0
        while position < words.count {
            let word = words[position]
            if word.text == "-" {
                throw error("a hyphen range is written 'VERSION - VERSION', alone between '||'", at: word.offset)
            }
            var text = word.text
            var offset = word.offset
            // An operator may stand apart from its version: `>= 1.2.3`.
            if RangeOperator(rawValue: text) != nil {
                position += 1
                guard position < words.count, !words[position].followsComma else {
                    throw error("'\(text)' is not followed by a version", at: word.offset)
                }
                text += words[position].text
                offset = words[position].offset - word.text.utf8.count
            }
            comparators.append(try comparator(text, at: offset))
            position += 1
        }
        return .comparators(comparators)
    }

    /// `text` is an operator (or none) and a version, written together; `offset` is where it starts.
    private func comparator(_ text: String, at offset: Int) throws(VersionRangeParseError) -> Comparator {
        let relation = RangeOperator.allCases.first { text.hasPrefix($0.rawValue) }
        let prefixLength = relation?.rawValue.utf8.count ?? 0
        let versionText = String(text.dropFirst(prefixLength))
        let version = try partialVersion(versionText, at: offset + prefixLength)
        return Comparator(relation: relation, version: version, versionText: versionText)
    }

    private func partialVersion(_ text: String, at offset: Int) throws(VersionRangeParseError) -> PartialVersion {
        let isWildcard = { (part: Substring) in part == "*" || part == "x" || part == "X" }
        let coreEnd = text.firstIndex { $0 == "-" || $0 == "+" } ?? text.endIndex
        let parts = text[..<coreEnd].split(separator: ".", omittingEmptySubsequences: false)
        let firstWildcard = parts.firstIndex(where: isWildcard)
        if parts.count > 3 { throw error("'\(text)' has more than three numbers", at: offset) }
        if let firstWildcard, !parts[firstWildcard...].allSatisfy(isWildcard) {
            throw error("a number cannot follow a wildcard in '\(text)'", at: offset)
        }
        let numbers = parts.prefix(upTo: firstWildcard ?? parts.count)
        if numbers.count == 3 { return .full(try strictVersion(text, writtenAs: text, at: offset)) }
        if coreEnd != text.endIndex {
            throw error("'\(text)': a pre-release or build metadata needs a full MAJOR.MINOR.PATCH version", at: offset)
        }
        let padded = (numbers + Array(repeating: "0", count: 3 - numbers.count)).joined(separator: ".")
        let version = try strictVersion(padded, writtenAs: text, at: offset)
        switch numbers.count {
        case 0: return .any
        case 1: return .major(version.major)
        default: return .minor(version.major, version.minor)
        }
    }

    private func strictVersion(
        _ candidate: String,
        writtenAs written: String,
        at offset: Int
    ) throws(VersionRangeParseError) -> SemanticVersion {
        do {
            return try SemanticVersion(parsing: candidate)
        } catch {
            throw self.error(
                "'\(written)' is not a valid version: \(error.reason)",
                at: offset + min(error.offset, written.utf8.count)
            )
        }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private func error(_ reason: String, at offset: Int) -> VersionRangeParseError {
        VersionRangeParseError(text: text, offset: offset, reason: reason)
    }
}
