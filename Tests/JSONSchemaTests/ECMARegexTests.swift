import Testing

@testable import JSONSchema

@Suite struct ECMARegexTests {
    private func matches(_ pattern: String, _ string: String) throws -> Bool {
        try ECMARegex(pattern).matches(string)
    }

    private func problem(_ pattern: String) -> String? {
        #expect(throws: ECMARegexError.self) { try ECMARegex(pattern) }?.description
    }

    @Test func searchIsUnanchored() throws {
        #expect(try matches("b+", "abbc"))
        #expect(try !matches("x", "abc"))
        #expect(try matches("", ""))
        #expect(try matches("|", "x"))
        #expect(try matches("a|()", "x"))
    }

    @Test func digitAndWordClassesAreASCIIOnly() throws {
        #expect(try matches(#"^\d$"#, "7"))
        #expect(try !matches(#"^\d$"#, "\u{0967}"))
        #expect(try matches(#"^\D$"#, "\u{0967}"))
        #expect(try matches(#"^\w+$"#, "aZ_9"))
        #expect(try !matches(#"^\w$"#, "é"))
        #expect(try matches(#"^\W$"#, "é"))
    }

    @Test func wordBoundariesUseASCIIWordCharacters() throws {
        #expect(try matches(#"\bcat\b"#, "a cat!"))
        #expect(try !matches(#"\bcat"#, "scat"))
        // ICU would see é as a word character and find no boundary before "cat".
        #expect(try matches(#"\bcat"#, "écat"))
        #expect(try matches(#"\Bat"#, "cat"))
        #expect(try !matches(#"\Bcat"#, "écat"))
    }

    @Test func whitespaceIsECMAScriptsSet() throws {
        for space in [
            "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{2029}",
            "\u{202F}", "\u{3000}", "\u{FEFF}",
        ] {
            #expect(try matches(#"^\s$"#, space), "\(space.unicodeScalars.first!.value)")
            #expect(try !matches(#"^\S$"#, space))
        }
        // U+0085 and U+180E are whitespace to ICU, not to ECMAScript.
        #expect(try !matches(#"\s"#, "\u{85}\u{180E}"))
        #expect(try matches(#"^\S\S$"#, "\u{85}\u{180E}"))
    }

    @Test func anchorsAreStartAndEndOfInputOnly() throws {
        #expect(try !matches("^abc$", "abc\n"))
        #expect(try matches("^abc$", "abc"))
        #expect(try !matches("^b", "a\nb"))
        #expect(try !matches("a$", "a\nb"))
    }

    @Test func dotStopsAtLineTerminatorsOnly() throws {
        for terminator in ["\n", "\r", "\u{2028}", "\u{2029}"] {
            #expect(try !matches("^.$", terminator))
        }
        // ICU treats these as line ends too; ECMAScript does not.
        for character in ["\u{0B}", "\u{0C}", "\u{85}"] {
            #expect(try matches("^.$", character))
        }
    }

    @Test func controlEscapes() throws {
        #expect(try matches(#"^\cC\cc$"#, "\u{03}\u{03}"))
        #expect(try matches(#"^\t\n\v\f\r\0$"#, "\t\n\u{0B}\u{0C}\r\u{0}"))
        #expect(try !matches(#"^\t$"#, #"\t"#))
    }

    @Test func unicodeEscapes() throws {
        #expect(try matches(#"^\u00e9$"#, "é"))
        #expect(try matches(#"^\u{1F432}$"#, "🐲"))
        #expect(try matches(#"^\ud83d\udc32$"#, "🐲"))
        #expect(try matches(#"^\x41$"#, "A"))
    }

    @Test func charactersOutsideTheBMPCountAsOne() throws {
        #expect(try matches("^.$", "🐲"))
        #expect(try !matches("^..$", "🐲"))
        #expect(try matches("^🐲{2}$", "🐲🐲"))
        #expect(try matches("^[🐉-🐲]+$", "🐉🐲"))
        #expect(try !matches("^[^🐲]$", "🐲"))
        // Matches after non-BMP characters are found: the search range is measured in UTF-16.
        #expect(try matches("x$", "🐲🐲🐲x"))
        #expect(try !matches("y", "🐲🐲🐲x"))
    }

    @Test func characterClasses() throws {
        #expect(try matches(#"^[\d_]+$"#, "1_2"))
        #expect(try matches(#"^[^\D]$"#, "5"))
        #expect(try !matches(#"^[^\D]$"#, "a"))
        #expect(try matches(#"^[\s\w]+$"#, "a b\u{3000}"))
        #expect(try matches(#"^[a-c-e]+$"#, "a-e"))
        #expect(try !matches(#"^[a-c-e]$"#, "d"))
        #expect(try matches(#"^[\-\b[]+$"#, "-\u{08}["))
        #expect(try matches(#"^[&&|]+$"#, "&|"))
        #expect(try !matches("[]", "anything"))
        #expect(try matches("^[^]$", "\n"))
    }

    @Test func unicodePropertyEscapesAreKept() throws {
        #expect(try matches(#"^\p{Letter}+$"#, "Éπ"))
        #expect(try !matches(#"^\p{L}$"#, "1"))
        #expect(try matches(#"^\P{L}$"#, "1"))
        #expect(try matches(#"^\p{Script=Greek}$"#, "π"))
        #expect(try matches(#"^[\p{Lu}\d]+$"#, "A1"))
    }

    @Test func groupsAndBackreferences() throws {
        #expect(try matches(#"^(?<letter>a)\k<letter>$"#, "aa"))
        #expect(try !matches(#"^(?<letter>a)\k<letter>$"#, "ab"))
        #expect(try matches(#"^(a)(b)\2\1$"#, "abba"))
        #expect(try matches(#"^(?:ab)+$"#, "abab"))
        #expect(try matches(#"^(?<$é_1>x)$"#, "x"))
        #expect(try matches(#"(?<=a+)b"#, "aaab"))
        #expect(try !matches(#"(?<=a+)b"#, "b"))
        #expect(try matches(#"a(?!b)"#, "ab ac"))
    }

    @Test func quantifiers() throws {
        #expect(try matches(#"^a{2,3}?$"#, "aaa"))
        #expect(try !matches(#"^a{2}$"#, "aaa"))
        #expect(try matches(#"^a{2,}$"#, "aaaaa"))
    }

    @Test(arguments: [
        (#"a*+"#, 2, "nothing to repeat before '+' (possessive and doubled quantifiers are not ECMAScript)"),
        (#"a{2}{3}"#, 4, "nothing to repeat before '{' (possessive and doubled quantifiers are not ECMAScript)"),
        (#"\Z"#, 0, "invalid escape '\\Z' (with the u flag only syntax characters may be escaped)"),
        (#"\A"#, 0, "invalid escape '\\A' (with the u flag only syntax characters may be escaped)"),
        (#"\a"#, 0, "invalid escape '\\a' (with the u flag only syntax characters may be escaped)"),
        (
            #"(?i)abc"#, 0,
            "'(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>' (inline flags and other engines' group "
                + "syntax are not ECMAScript)"
        ),
        (#"^(abc]"#, 5, "lone ']' (escape it as \\])"),
        (#"a(b(c)"#, 6, "missing ')' for the group opened at offset 1"),
        (#"a)"#, 1, "unmatched ')'"),
        (#"[a"#, 2, "missing ']' for the character class opened at offset 0"),
        (#"[z-a]"#, 2, "range out of order in character class"),
        (#"[\d-z]"#, 3, "a class escape such as \\d cannot bound a range (u flag)"),
        (#"a{2,1}"#, 1, "numbers out of order in quantifier"),
        (#"a{"#, 1, "lone '{' (escape it as \\{)"),
        (#"}"#, 0, "lone '}' (escape it as \\})"),
        (#"*a"#, 0, "nothing to repeat before '*'"),
        (#"^*"#, 0, "an assertion cannot be repeated"),
        (#"(?=a)+"#, 0, "an assertion cannot be repeated"),
        (#"(a)\2"#, 3, "backreference \\2 but the pattern has 1 groups"),
        (#"\k<x>"#, 0, "backreference to an undefined group name <x>"),
        (#"(?<x>a)(?<x>b)"#, 7, "duplicate group name <x>"),
        (#"\01"#, 0, "\\0 followed by a digit (octal escapes are not allowed with the u flag)"),
        (#"\c1"#, 0, "\\c must be followed by a letter A-Z or a-z"),
        (#"\u{110000}"#, 0, "\\u must be followed by four hexadecimal digits or {hex}"),
        (#"\p{L"#, 0, "unterminated or empty property escape"),
        (#"[\B]"#, 1, "'\\B' is not allowed inside a character class"),
        ("a\\", 1, "the pattern ends with a lone backslash"),
    ])
    func ecmaScriptSyntaxErrorsAreRefused(pattern: String, offset: Int, problem: String) {
        #expect(self.problem(pattern) == "invalid regular expression \"\(pattern)\" at offset \(offset): \(problem)")
    }

    @Test func patternsICUCannotRunAreRefusedWithoutAnOffset() {
        let message = problem(#"(?<=(a+)+)b"#)
        #expect(message?.hasPrefix(#"invalid regular expression "(?<=(a+)+)b": valid ECMAScript that the ICU"#) == true)
    }
}
