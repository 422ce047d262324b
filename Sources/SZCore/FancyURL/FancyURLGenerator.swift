/// Readable, hard-to-guess names for games in links, like pyvtt's `think-big-day`: a verb, an adjective and a
/// noun joined by `-`. With the shipped lists there are more than 10^9 of them, so a name cannot be guessed the way
/// pyvtt's 1,100 could.
public struct FancyURLGenerator: Sendable {
    public let verbs: FancyURLWordList
    public let adjectives: FancyURLWordList
    public let nouns: FancyURLWordList
    /// Names tried before giving up; with a list nearly used up, more tries would only delay the error.
    public let maximumAttempts: Int

    public init(
        verbs: FancyURLWordList,
        adjectives: FancyURLWordList,
        nouns: FancyURLWordList,
        maximumAttempts: Int = 16
    ) {
        self.verbs = verbs
        self.adjectives = adjectives
        self.nouns = nouns
        self.maximumAttempts = maximumAttempts
    }

    /// How many different names the lists make.
    public var combinations: Int {
        verbs.words.count * adjectives.words.count * nouns.words.count
    }

    /// A name for which `exists` says false, drawn with `generator` (the system's, or a seeded one in tests).
    public func make(
        using generator: inout some RandomNumberGenerator,
        exists: (String) async throws -> Bool
    ) async throws -> String {
        for _ in 0..<maximumAttempts {
            let name = [verbs, adjectives, nouns].map { list in
                list.words[Int.random(in: 0..<list.words.count, using: &generator)]
            }.joined(separator: "-")
            if try await !exists(name) { return name }
        }
        throw FancyURLExhausted(attempts: maximumAttempts, combinations: combinations)
    }
}

/// Every name tried was taken: the word lists are too small for the names in use.
public struct FancyURLExhausted: Error, Sendable, Equatable, CustomStringConvertible {
    public let attempts: Int
    public let combinations: Int

    public init(attempts: Int, combinations: Int) {
        self.attempts = attempts
        self.combinations = combinations
    }

    public var description: String {
        "no free fancy URL after \(attempts) attempts (the word lists make \(combinations) names); "
            + "add words to fancyurl/verbs.txt, adjectives.txt or nouns.txt in the data folder"
    }
}
