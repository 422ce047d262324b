import Testing

@testable import JSONSchema

@Suite struct FormatAssertionTests {
    private func expect(
        _ format: String,
        accepts valid: [String],
        refuses invalid: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for string in valid {
            #expect(
                FormatAssertion.isValid(string, format: format) == true,
                "\(format) should accept \(string.debugDescription)",
                sourceLocation: sourceLocation
            )
        }
        for string in invalid {
            #expect(
                FormatAssertion.isValid(string, format: format) == false,
                "\(format) should refuse \(string.debugDescription)",
                sourceLocation: sourceLocation
            )
        }
    }

    @Test func unknownFormatsAreNotAsserted() {
        #expect(FormatAssertion.isValid("anything", format: "color") == nil)
        #expect(FormatAssertion.isValid("", format: "") == nil)
    }

    @Test func dates() {
        expect(
            "date",
            accepts: ["2000-02-29", "0000-01-01", "2024-12-31"],
            refuses: ["1900-02-29", "2023-02-29", "2024-04-31", "2024-1-01", "2024-01-01T00:00:00Z", "２０２４-01-01"]
        )
    }

    @Test func times() {
        expect(
            "time",
            accepts: ["23:59:60Z", "23:59:60.5Z", "00:00:60+00:01", "12:00:00-00:00", "12:00:00z", "12:00:00.000001Z"],
            refuses: ["12:00:00.Z", "12:00:00+0100", "12:00:00", "23:59:60+00:01", "12:00Z", "12:00:00+24:00"]
        )
    }

    @Test func dateTimes() {
        expect(
            "date-time",
            accepts: ["2020-01-01t00:00:00z", "2016-12-31T23:59:60Z", "2017-01-01T00:59:60+01:00"],
            refuses: ["2020-01-01 00:00:00Z", "2020-02-30T00:00:00Z", "2020-01-01T00:00:00", "2020-01-01TZ"]
        )
    }

    @Test func durations() {
        expect(
            "duration",
            accepts: ["P1W", "PT1S", "P1Y1M1DT1H1M1S", "P1DT1M", "p1d"],
            refuses: ["P", "PT", "P1.5D", "PT1H1S", "P1W1D", "P1M1Y", "P1DT", "PT1M1H", "P1Y1D"]
        )
    }

    @Test func emails() {
        expect(
            "email",
            accepts: [
                "a@b", #""a\"b"@example.com"#, "a@[IPv6:::1]", "a@[ipv6:1::2]", "a@[192.0.2.1]",
                "!#$%&'*+-/=?^_`{|}~@x.org",
                String(repeating: "a", count: 64) + "@example.com",
            ],
            refuses: [
                #""a"b@example.com"#, "a@[1.2.3]", "a@[foo:bar]", "a@[::1]", "é@example.com", "a@example..com",
                "a@-example.com", String(repeating: "a", count: 65) + "@example.com", #""unterminated@example.com"#,
                "a@example.com@", "a.@b.com",
            ]
        )
    }

    @Test func internationalizedEmails() {
        expect(
            "idn-email",
            accepts: ["é@example.com", "a@bücher.de", #""é x"@example.com"#],
            refuses: ["a@BÜCHER.de", "é@", "a b@example.com"]
        )
    }

    @Test func hostnames() {
        let label = String(repeating: "a", count: 63)
        let longest = [label, label, label, String(repeating: "a", count: 61)].joined(separator: ".")
        expect(
            "hostname",
            accepts: [longest, "xn--bcher-kva.de", "XN--BCHER-KVA.de", "localhost", "0.0.0.0"],
            refuses: [longest + "a", "bücher.de", "xn--", "xn--abc", "a.b.", "a_b.com", "a..b"]
        )
    }

    @Test func internationalizedHostnames() {
        expect(
            "idn-hostname",
            accepts: ["bücher.de", "例え.テスト", "xn--bcher-kva.de", "مثال.إختبار", "a\u{0915}\u{094D}\u{200D}b"],
            refuses: [
                "BÜCHER.de", "a\u{200D}b", "Ⅻ.com", "a b", "\u{0301}a", "ab--cü", "ü-", "a\u{00B7}b",
                "\u{0661}\u{06F1}",
            ]
        )
    }

    @Test func ipv4Addresses() {
        expect(
            "ipv4",
            accepts: ["0.0.0.0", "255.255.255.255", "10.0.0.1"],
            refuses: ["01.1.1.1", "1.1.1.01", "1.1.1", "1.1.1.1.", "256.1.1.1", "1.1.1.1/8"]
        )
    }

    @Test func ipv6Addresses() {
        expect(
            "ipv6",
            accepts: ["::ffff:1.2.3.4", "1:2:3:4:5:6:7::", "::1.2.3.4", "FFFF::", "1:2:3:4:5:6:1.2.3.4"],
            refuses: ["1:2:3:4:5:6:7:8::", "1::2::3", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4", "::01.2.3.4", "g::", ":::"]
        )
    }

    @Test func uris() {
        expect(
            "uri",
            accepts: [
                "http://example.com:8080/a?b#c", "http://example.com:", "http://[v1.x]", "a:b", "http://%41",
                "http://u:p@host/", "http://h/a/../b?c=d/e?#f/g?",
            ],
            refuses: [
                "http://[v1.]", "http://[::1", "http://a b", "http://ex%2", "http://é.com", "http://h/p?q=é",
                "http://h/#a#b", "//host/p",
            ]
        )
    }

    @Test func uriReferences() {
        expect(
            "uri-reference",
            accepts: ["", "../a", "a:b", "//host", "#f", "?q", "a/b:c"],
            refuses: ["1:a", "%zz", "a b", "#a#b", "http://h/\u{E000}"]
        )
    }

    @Test func iris() {
        expect(
            "iri",
            accepts: ["http://bücher.de/ä?ö#ü", "http://h/p?q=\u{E000}", "http://h/\u{10000}"],
            refuses: [
                "http://h/p#\u{E000}", "http://h/\u{E000}", "http://h/\u{E0001}", "http://h/\u{FFFF}", "/relative",
            ]
        )
        expect("iri-reference", accepts: ["ä/ö", "#ü", ""], refuses: ["ä:ö/x", "a\\b"])
    }

    @Test func uriTemplates() {
        expect(
            "uri-template",
            accepts: ["{+a,b*,c:3}", "{a}{b}", "{a.b.c}", "{.a}", "x{y}z", "{%41b}", "{a:9999}"],
            refuses: ["{", "{a", "a}", "{=a}", "{..a}", "{a:}", "{a*:3}", "{%4}", "{a b}", "{a{b}}", "{|a}", "{a-b}"]
        )
    }

    @Test func uuids() {
        expect(
            "uuid",
            accepts: ["123e4567-e89b-12d3-a456-426614174000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"],
            refuses: [
                "123e4567-e89b-12d3-a456-42661417400", "123e4567e-89b-12d3-a456-426614174000",
                "{123e4567-e89b-12d3-a456-426614174000}",
            ]
        )
    }

    @Test func jsonPointers() {
        expect("json-pointer", accepts: ["/~01", "/a/~1/", "/é"], refuses: ["~", "/a~", "/~a", "a"])
        expect(
            "relative-json-pointer",
            accepts: ["0", "0+1/a", "3-2#", "10/~0"],
            refuses: ["0+01", "0+", "0+0", "0-#", "00", "1/~", "#", "0 #"]
        )
    }

    @Test func regexes() {
        expect("regex", accepts: [#"^\p{L}+$"#, "(?<n>a)\\k<n>", "[]"], refuses: ["a{", "[", "(?i)a", "a**"])
    }

    @Test(arguments: [
        ("bücher", "bcher-kva"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("ü", "tda"),
    ])
    func punycodeRoundTrips(unicode: String, encoded: String) {
        #expect(Punycode.encode(Array(unicode.unicodeScalars)) == encoded)
        #expect(Punycode.decode(encoded).map { String(String.UnicodeScalarView($0)) } == unicode)
    }

    @Test func malformedPunycodeIsRefused() {
        #expect(Punycode.decode("x") == nil)
        #expect(Punycode.decode("ab-9") == nil)
        #expect(Punycode.decode("é") == nil)
        #expect(Punycode.decode("99999999999999999999") == nil)
    }
}
