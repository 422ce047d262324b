import Foundation
import HashTreeCollections
import Testing

@testable import SZTabletop

@Suite("The tabletop's JSON encoder writes what Foundation's JSONEncoder writes, byte for byte")
struct SortedJSONEncoderTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("every message of docs/protocol.md", arguments: ProtocolDocumentTests.examples)
    func documentedMessages(example: ProtocolDocumentTests.Example) throws {
        if example.direction == "client" {
            let message = try TabletopProtocol.decodeClientMessage(example.json)
            #expect(try SortedJSONEncoder.encode(message) == Self.foundation(message))
        } else {
            let message = try TabletopProtocol.decodeServerMessage(example.json)
            #expect(try SortedJSONEncoder.encode(message) == Self.foundation(message))
        }
    }

    @Test("a whole game as stored, and its snapshot as a welcome carries it")
    func storedGame() throws {
        var state = tableState()
        state.tokens[TokenID("ann-token")]?.rotation = 22.5
        state.tokens[TokenID("ann-token")]?.label = "Ann's \"blade\" \\ / \u{1}\u{1F} \n é 🎲"
        #expect(sortedJSON(state.storedJSON) == (try Self.foundation(state.storedJSON)))
        let welcome = ServerMessage.welcome(
            Welcome(
                playerID: PlayerID("ann"),
                sequence: 3,
                catchUp: .snapshot(state.snapshot(for: Viewer(playerID: PlayerID("gm"), role: .gm)))
            )
        )
        #expect(try SortedJSONEncoder.encode(welcome) == Self.foundation(welcome))
    }

    private struct Mixed: Encodable {
        var numbers: [Double] = [0, -0.0, 1, 1.5, -2.25, 1e15, 1e16, 123_456.789, 0.1, 1e-7]
        var integers: [Int64] = [0, -1, .max, .min]
        var unsigned: [UInt8] = [0, 255]
        var nothing: String? = nil
        var flags = [true, false]
        var text = "tab\tquote\"slash/back\\bell\u{7}backspace\u{8}feed\u{C}del\u{7F}line\u{2028}"
        var nested = ["b": ["z": 1, "a": 2], "a": [:], "B": ["é": 3, "e": 4]]
        var wrapped = [Wrapped(name: "w1"), Wrapped(name: "w2")]
        var large: UInt64 = .max

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(numbers, forKey: .numbers)
            try container.encode(integers, forKey: .integers)
            try container.encode(unsigned, forKey: .unsigned)
            try container.encodeIfPresent(nothing, forKey: .absent)
            try container.encodeNil(forKey: .null)
            try container.encode(flags, forKey: .flags)
            try container.encode(text, forKey: .text)
            try container.encode(nested, forKey: .nested)
            try container.encode("replaced", forKey: .twice)
            try container.encode("last wins", forKey: .twice)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var inner = list.nestedContainer(keyedBy: Key.self)
            try list.encode(Nothing())
            try container.encode(wrapped, forKey: .wrapped)
            // Filled after its parent and its sibling moved on, and asked for a second time.
            try inner.encode("x", forKey: .text)
            var again = encoder.container(keyedBy: Key.self)
            try again.encode(large, forKey: .large)
            try Wrapped(name: "parent").encode(to: container.superEncoder())
            try list.encode(Nothing())
        }

        enum Key: String, CodingKey {
            case numbers, integers, unsigned, absent, null, flags, text, nested, twice, list, wrapped, large
        }
    }

    /// A value that is a single string on the wire, as the tabletop's identifiers are.
    private struct Wrapped: Encodable {
        var name: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(name)
        }
    }

    /// A value that encodes nothing, which JSONEncoder writes as an empty object.
    private struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test(
        "numbers, escapes, nesting filled out of order, wrapped and empty values, a super encoder, a key encoded twice"
    )
    func mixed() throws {
        let ours = try SortedJSONEncoder.encode(Mixed())
        let theirs = try Self.foundation(Mixed())
        #expect(ours == theirs, "\(ours)\n\(theirs)")
    }

    @Test("a number that is not finite is refused, as JSONEncoder refuses it")
    func notFinite() {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode(["x": Double.infinity]) }
    }
}
