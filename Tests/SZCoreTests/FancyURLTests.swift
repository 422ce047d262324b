import SZCore
import Testing

/// A seeded generator (SplitMix64), so that drawn names are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Fancy URLs")
struct FancyURLTests {
    func list(_ text: String) throws -> FancyURLWordList {
        try FancyURLWordList(parsing: text, file: "words.txt")
    }

    @Test("A list is one lowercase word per line; empty lines and CRLF endings are fine")
    func parsing() throws {
        #expect(try list("think\r\nbig\n\nday\n").words == ["think", "big", "day"])
    }

    @Test(
        "A bad line is refused with the file and the line",
        arguments: [
            (
                "big\nBig\n",
                "words.txt:2: \"Big\" is not a word of lowercase ASCII letters (a-z only, one word per line)"
            ),
            (
                "big\nred car\n",
                "words.txt:2: \"red car\" is not a word of lowercase ASCII letters (a-z only, one word per line)"
            ),
            ("café\n", "words.txt:1: \"café\" is not a word of lowercase ASCII letters (a-z only, one word per line)"),
            ("big\nday\n\nbig\n", "words.txt:4: \"big\" repeats line 1; each word must appear once"),
            ("\n\n", "words.txt: it holds no words"),
            (String(repeating: "a", count: 25), "words.txt:1: \"aaaaaaaaaaaaaaaaaaaaaaaa…\" is longer than 24 letters"),
        ]
    )
    func badLines(text: String, message: String) {
        let error = #expect(throws: FancyURLWordListError.self) { try list(text) }
        #expect(error?.description == message)
    }

    @Test("Names are verb-adjective-noun, drawn from the injected random source")
    func names() async throws {
        let generator = FancyURLGenerator(
            verbs: try list("think\nroll\n"),
            adjectives: try list("big\nred\n"),
            nouns: try list("day\ndragon\n")
        )
        #expect(generator.combinations == 8)
        var first = SeededGenerator(state: 42)
        var second = SeededGenerator(state: 42)
        let name = try await generator.make(using: &first) { _ in false }
        #expect(try await generator.make(using: &second) { _ in false } == name)
        let parts = name.split(separator: "-").map(String.init)
        #expect(parts.count == 3)
        #expect(generator.verbs.words.contains(parts[0]))
        #expect(generator.adjectives.words.contains(parts[1]))
        #expect(generator.nouns.words.contains(parts[2]))
    }

    @Test("A name that exists is never handed out")
    func skipsExisting() async throws {
        let generator = FancyURLGenerator(
            verbs: try list("think\n"),
            adjectives: try list("big\nred\n"),
            nouns: try list("day\n"),
            maximumAttempts: 64
        )
        var random = SeededGenerator(state: 7)
        for _ in 0..<20 {
            #expect(try await generator.make(using: &random) { $0 == "think-big-day" } == "think-red-day")
        }
    }

    @Test("When every name tried exists, it gives up after the bounded attempts with a clear error")
    func exhausted() async throws {
        let generator = FancyURLGenerator(
            verbs: try list("think\n"),
            adjectives: try list("big\n"),
            nouns: try list("day\n"),
            maximumAttempts: 5
        )
        var random = SeededGenerator(state: 1)
        var asked = 0
        await #expect(throws: FancyURLExhausted(attempts: 5, combinations: 1)) {
            try await generator.make(using: &random) { _ in
                asked += 1
                return true
            }
        }
        #expect(asked == 5)
        #expect(
            FancyURLExhausted(attempts: 5, combinations: 1).description
                == "no free fancy URL after 5 attempts (the word lists make 1 names); "
                + "add words to fancyurl/verbs.txt, adjectives.txt or nouns.txt in the data folder"
        )
    }
}
