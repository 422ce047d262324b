import JSONSchema
import Testing

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func numbersAreExactAndCanonical() throws {
        #expect(try parser.parse("1.0") == parser.parse("1"))
        #expect(try parser.parse("10e-1") == parser.parse("1"))
        #expect(try parser.parse("-0") == parser.parse("0"))
        let big = try parser.parse("123456789012345678901234567890")
        let bigger = try parser.parse("123456789012345678901234567891")
        #expect(big != bigger)
        #expect(try #require(big.numberValue) < #require(bigger.numberValue))
        #expect(try parser.parse("0.1").numberValue?.description == "0.1")
        #expect(try parser.parse("1e400").numberValue?.isInteger == true)
    }

    @Test func numbersAroundTheInlineLimitCompareExactly() throws {
        let texts = [
            "-12345678901234567890", "-9999999999999999999", "-1", "0.000000000000000000001", "0.1",
            "1", "1.0000000000000000001", "9999999999999999999", "10000000000000000000", "10000000000000000001",
            "12345678901234567890.5",
        ]
        let numbers = try texts.map { try #require(JSONNumber($0)) }
        for (index, number) in numbers.enumerated() {
            #expect(numbers.dropFirst(index + 1).allSatisfy { number < $0 })
            #expect(number.description == JSONNumber(number.description)?.description)
        }
        #expect(JSONNumber("10000000000000000000") == JSONNumber("1e19"))
        #expect(JSONNumber("1.0000000000000000001")?.description == "1.0000000000000000001")
        #expect(JSONNumber(Int.min).intValue == nil)
        #expect(JSONNumber(Int.max).intValue == Int.max)
        #expect(JSONNumber(-1200) == JSONNumber("-1.2e3"))
        #expect(JSONNumber("-1.2e3")?.intValue == -1200)
        #expect(JSONNumber("12345678901234567890")?.intValue == nil)
    }

    @Test func booleansAreNeverNumbers() throws {
        #expect(try parser.parse("true") != parser.parse("1"))
        #expect(try parser.parse("[false]") != parser.parse("[0]"))
    }

    @Test func objectEqualityIgnoresKeyOrderButKeepsIt() throws {
        let value = try parser.parse(#"{"b": 1, "a": 2}"#)
        #expect(value == (try parser.parse(#"{"a": 2, "b": 1}"#)))
        #expect(value.objectValue?.keys == ["b", "a"])
    }

    @Test func duplicateKeysAreRejectedWithTheirPosition() {
        let error = #expect(throws: JSONParseError.self) { try parser.parse("{\"a\": 1,\n  \"a\": 2}") }
        #expect(error?.description == "line 2, column 3: duplicate property name \"a\"")
    }

    @Test func stringsDecodeEscapesAndSurrogatePairs() throws {
        #expect(try parser.parse(#""a\n\u00e9\ud83d\udca9""#) == .string("a\né💩"))
        #expect(try parser.parse(#""💩""#).stringValue?.unicodeScalars.count == 1)
    }

    @Test(arguments: [
        ("", "line 1, column 1: unexpected end of the document, a value was expected"),
        ("[1,]", "line 1, column 4: unexpected ']', a value was expected"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after property name \"a\""),
        ("01", "line 1, column 1: invalid number 01"),
        ("1e999999", "line 1, column 1: the number 1e999999 has an exponent too large to keep exactly"),
        ("\"a\tb\"", "line 1, column 3: a control character (U+0009) must be escaped in a string"),
        (#""\ud800""#, "line 1, column 2: a high surrogate escape must be followed by a low surrogate"),
        ("[1] x", "line 1, column 5: unexpected 'x' after the end of the document"),
        ("\n\n  tru", "line 3, column 3: invalid literal, expected true"),
        ("NaN", "line 1, column 1: unexpected 'N', a value was expected"),
        ("// c\n1", "line 1, column 1: unexpected '/', a value was expected"),
    ])
    func malformedTextIsRefusedWithLineAndColumn(text: String, expected: String) {
        let error = #expect(throws: JSONParseError.self) { try parser.parse(text) }
        #expect(error?.description == expected)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError.self) { try parser.parse(bytes) }
    }

    @Test func nestingDepthIsCapped() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try parser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parser.parse(fine) }
    }
}
