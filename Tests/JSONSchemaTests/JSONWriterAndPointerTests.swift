import JSONSchema
import Testing

@Suite struct JSONWriterAndPointerTests {
    @Test func writingAndReadingAgainGivesTheSameValue() throws {
        let text =
            #"{"b": [1, 2.5, -0.001, 1e+30, true, null], "a": "quote \" slash \\ tab \t nul \u0000 é 💩", "c": {}}"#
        let value = try JSONParser().parse(text)
        #expect(try JSONParser().parse(JSONWriter.compact(value)) == value)
        #expect(try JSONParser().parse(JSONWriter.pretty(value)) == value)
        #expect(JSONWriter.compact(value).hasPrefix(#"{"b":[1,2.5,-0.001,1e+30,true,null],"a":"#))
    }

    @Test func prettyOutputIsIndentedWithTwoSpaces() throws {
        #expect(JSONWriter.pretty(["a": [1]]) == "{\n  \"a\": [\n    1\n  ]\n}\n")
    }

    @Test func pointersEscapeAndResolve() throws {
        let document = try JSONParser().parse(#"{"a/b": {"m~n": [10, 20]}}"#)
        let pointer = try #require(JSONPointer("/a~1b/m~0n/1"))
        #expect(pointer.tokens == ["a/b", "m~n", "1"])
        #expect(pointer.description == "/a~1b/m~0n/1")
        #expect(pointer.resolve(in: document) == 20)
        #expect(JSONPointer("/a~1b/m~0n/01")?.resolve(in: document) == nil)
        #expect(JSONPointer("no-slash") == nil)
        #expect(JSONPointer("/bad~2escape") == nil)
    }
}
