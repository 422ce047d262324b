import JSONSchema
import Testing

@Suite struct ChunkedParsingTests {
    struct ReadFailed: Error {}

    /// Parses `text` delivered `chunkSize` bytes at a time, as a file read in chunks would be.
    private func parseInChunks(_ text: String, chunkSize: Int) throws -> JSONValue {
        var remaining = Array(text.utf8)[...]
        return try JSONParser().parse(chunkSize: chunkSize) { buffer in
            let count = min(buffer.count, chunkSize, remaining.count)
            buffer.copyBytes(from: remaining.prefix(count))
            remaining = remaining.dropFirst(count)
            return count
        }
    }

    static let document = """
        {"name": "Ash \\u00e9\\ud83d\\udca9 crow", "n": [1, -2.50, 1e3, 123456789012345678901234567890],
         "flags": [true, false, null], "nested": {"deep": [[{"a": "é"}]], "empty": {}, "list": []},
         "long": "\(String(repeating: "ember ", count: 40))"}
        """

    @Test(arguments: [1, 2, 3, 7, 16, 64, 1 << 20])
    func chunkedParsingGivesTheSameDocument(chunkSize: Int) throws {
        #expect(try parseInChunks(Self.document, chunkSize: chunkSize) == JSONParser().parse(Self.document))
    }

    @Test(arguments: [
        "{\"a\": 1,\n  \"a\": 2}", "[1,\n 2,\n  tru]", "{\"é\": \"x\ty\"}", "\n\n  [1, 2] x", "[\"abc",
        "{\"a\": 1e999999}", "[1, 2,", "\u{FEFF}{}",
    ])
    func chunkedParsingReportsTheSamePositions(text: String) throws {
        let whole = #expect(throws: JSONParseError.self) { try JSONParser().parse(text) }
        for chunkSize in [1, 2, 3, 5] {
            let chunked = #expect(throws: JSONParseError.self) { try parseInChunks(text, chunkSize: chunkSize) }
            #expect(chunked == whole)
        }
    }

    @Test(arguments: [3, 1 << 20])
    func columnsCountScalarsAcrossLongLines(chunkSize: Int) {
        let text =
            "[\"" + String(repeating: "é", count: 30) + "\",\n \"" + String(repeating: "💩a", count: 20) + "\", tru]"
        let error = #expect(throws: JSONParseError.self) { try parseInChunks(text, chunkSize: chunkSize) }
        #expect(error?.description == "line 2, column 46: invalid literal, expected true")
    }

    @Test func aReadFailureIsReportedRatherThanAnEarlyEnd() {
        var calls = 0
        #expect(throws: ReadFailed.self) {
            try JSONParser().parse(chunkSize: 4) { buffer in
                calls += 1
                guard calls == 1 else { throw ReadFailed() }
                buffer.copyBytes(from: "[1, ".utf8)
                return 4
            }
        }
    }
}
