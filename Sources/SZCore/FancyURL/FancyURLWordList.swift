/// One word list of the fancy URL generator, read from a text file with one word per line: lowercase ASCII
/// letters only (they end up in URLs), no duplicates. Empty lines are skipped.
public struct FancyURLWordList: Sendable, Equatable {
    public let words: [String]

    /// Reads `text`; `file` names the source in errors.
    public init(parsing text: String, file: String) throws(FancyURLWordListError) {
        var words: [String] = []
        var firstLine: [String: Int] = [:]
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, word) in lines.enumerated() {
            let line = index + 1
            if word.isEmpty { continue }
            guard word.utf8.count <= Self.maximumLength else {
                throw FancyURLWordListError(
                    file: file,
                    line: line,
                    problem: "\"\(word.prefix(Self.maximumLength))…\" is longer than \(Self.maximumLength) letters"
                )
            }
            guard word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
                throw FancyURLWordListError(
                    file: file,
                    line: line,
                    problem: "\"\(word)\" is not a word of lowercase ASCII letters (a-z only, one word per line)"
                )
            }
            let text = String(word)
            if let earlier = firstLine[text] {
                throw FancyURLWordListError(
                    file: file,
                    line: line,
                    problem: "\"\(text)\" repeats line \(earlier); each word must appear once"
                )
            }
            firstLine[text] = line
            words.append(text)
        }
        guard !words.isEmpty else { throw FancyURLWordListError(file: file, line: nil, problem: "it holds no words") }
        self.words = words
    }

    static let maximumLength = 24
}

/// A word list file cannot be used; the message names the file and the line.
public struct FancyURLWordListError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; nil when the problem is the whole file.
    public let line: Int?
    public let problem: String

    public var description: String {
        line.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)"
    }
}
