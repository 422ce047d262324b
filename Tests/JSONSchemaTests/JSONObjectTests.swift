import JSONSchema
import Testing

@Suite struct JSONObjectTests {
    let parser = JSONParser()

    @Test func parsedObjectsWithTheSameKeysStayIndependentValues() throws {
        let document = try parser.parse(#"[{"type": "Number", "value": 1}, {"type": "Text", "value": "a"}]"#)
        var first = try #require(document.arrayValue?[0].objectValue)
        let second = try #require(document.arrayValue?[1].objectValue)
        first["value"] = 2
        first["extra"] = true
        #expect(first.keys == ["type", "value", "extra"])
        #expect(second.keys == ["type", "value"])
        #expect(second["value"] == "a")
        #expect(document.arrayValue?[0]["value"] == 1)
        first["type"] = nil
        #expect(first.keys == ["value", "extra"])
        #expect(Array(first.map(\.value)) == [2, true])
    }

    @Test func objectsBuiltMemberByMemberKeepOrderAndFindEveryKey() {
        var object = JSONObject()
        for number in 0..<100 { object["k\(number)"] = .number(JSONNumber(number)) }
        #expect(object.count == 100)
        #expect(object.keys.first == "k0" && object.keys.last == "k99")
        #expect((0..<100).allSatisfy { object["k\($0)"] == .number(JSONNumber($0)) })
        object["k50"] = nil
        #expect(object.count == 99 && object["k50"] == nil && object["k51"] == 51)
        var copy = object
        copy["k0"] = "changed"
        #expect(object["k0"] == 0)
    }

    @Test func equalityIgnoresOrderAndComparesCodePoints() throws {
        let ordered: JSONObject = ["a": 1, "b": [true]]
        #expect(ordered == JSONObject([("b", [true]), ("a", 1)]))
        #expect(ordered != ["a": 1, "b": [false]])
        #expect(ordered.hashValue == JSONObject([("b", [true]), ("a", 1)]).hashValue)
        let composed = try parser.parse(#"{"\u00e9": 1}"#)
        let decomposed = try parser.parse(#"{"e\u0301": 1}"#)
        #expect(composed != decomposed)
        #expect(composed.objectValue?["e\u{301}"] == nil)
    }

    @Test func largeObjectsRefuseDuplicateKeysWithTheirPosition() {
        let members = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let error = #expect(throws: JSONParseError.self) { try parser.parse("{\(members),\n \"k7\": 0}") }
        #expect(error?.description == "line 2, column 2: duplicate property name \"k7\"")
    }
}
