import Foundation
import Testing

@testable import SZTabletop

@Suite("The tabletop's JSON decoder reads what Foundation's JSONDecoder reads, and refuses what it refuses")
struct TabletopJSONDecoderTests {
    static let clientExamples = ProtocolDocumentTests.examples.filter { $0.direction == "client" }.map(\.json)

    /// Foundation's reading of `text`, or nil when it refuses it.
    static func foundation(_ text: String) -> ClientMessage? {
        try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8))
    }

    static func ours(_ text: String) -> ClientMessage? {
        try? TabletopJSONDecoder.decode(ClientMessage.self, from: text)
    }

    @Test("every message of docs/protocol.md, in both directions", arguments: ProtocolDocumentTests.examples)
    func documentedMessages(example: ProtocolDocumentTests.Example) throws {
        let data = Data(example.json.utf8)
        if example.direction == "client" {
            let ours = try TabletopJSONDecoder.decode(ClientMessage.self, from: example.json)
            #expect(ours == (try JSONDecoder().decode(ClientMessage.self, from: data)))
        } else {
            let ours = try TabletopJSONDecoder.decode(ServerMessage.self, from: example.json)
            #expect(ours == (try JSONDecoder().decode(ServerMessage.self, from: data)))
        }
    }

    /// Where Foundation's reading differs in the frames a one-byte change can make: it accepts a comma before an
    /// object's `}`, which the strict parser refuses, and refuses a zero with an exponent (`0e5`), which RFC 8259
    /// allows. (It also accepts a key given twice, which `notJSON` covers.)
    static func foundationQuirk(_ text: String) -> Bool {
        text.contains(",}") || text.contains(" 0e") || text.contains(" 0E")
    }

    /// Each documented client frame with one byte replaced by a character that matters to JSON, or removed: both
    /// decoders must accept it as the same message or both refuse it.
    @Test("frames with one byte broken, every byte in turn: the same message or a refusal from both")
    func brokenFrames() {
        let replacements = Array(#"{}[]":,\0-.e n"#.utf8).map { Optional($0) } + [nil]
        var disagreements: [String] = []
        for example in Self.clientExamples {
            let bytes = Array(example.utf8)
            for position in bytes.indices {
                for replacement in replacements where replacement != bytes[position] {
                    var broken = bytes
                    if let replacement { broken[position] = replacement } else { broken.remove(at: position) }
                    let text = String(decoding: broken, as: UTF8.self)
                    if Self.ours(text) != Self.foundation(text), !Self.foundationQuirk(text) {
                        disagreements.append(text)
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test("escapes, surrogate pairs, whitespace, and numbers written with a fraction or exponent")
    func accepted() throws {
        let frames = [
            #"{"type":"beacon.place","clientID":"c","x":0e5,"y":0E1}"#,
            #"{"type":"beacon.place","clientID":"\u00e9\ud83c\udfb2\n\t\"\\\/","x":1.0,"y":2e2}"#,
            " \n\t{ \"type\" : \"beacon.place\" , \"clientID\" : \"c\" , \"x\" : -0 , \"y\" : 10E-1 } \r\n",
        ]
        for frame in frames.dropFirst() {
            let ours = try TabletopJSONDecoder.decode(ClientMessage.self, from: frame)
            #expect(ours == Self.foundation(frame), "\(frame)")
        }
        let zeros = try TabletopJSONDecoder.decode(ClientMessage.self, from: frames[0])
        #expect(zeros == .command(ClientCommand(clientID: "c", command: .placeBeacon(x: 0, y: 0))))
        let escaped = try TabletopJSONDecoder.decode(ClientMessage.self, from: frames[1])
        guard case .command(let command) = escaped else {
            Issue.record("not a command")
            return
        }
        #expect(command.clientID == "é🎲\n\t\"\\/")
    }

    @Test(
        "text that is not JSON is refused as such, at the root, however deep or odd",
        arguments: [
            "", "{", #"{"type":"hello""#, #"{"a":1,}"#, #"{"a":1}x"#, "[1,]", #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#,
            #"{"a":+1}"#,
            #"{"a":1e}"#, #"{"type":"hello","type":"hello"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\x"}"#,
            #"{"a":"\u12"}"#,
            "{\"a\":\"tab\there\"}", #"{"a":tru}"#, #"{a:1}"#, #"{"a" 1}"#, #"{"a":1 "b":2}"#,
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
    )
    func notJSON(text: String) {
        #expect(throws: FrameError(clientID: nil, error: .invalid(field: "frame", reason: "is not valid JSON"))) {
            try TabletopProtocol.decodeClientMessage(text)
        }
        #expect(Self.foundation(text) == nil)
    }

    @Test("the member at fault is named down to its index, as JSONDecoder's coding path names it")
    func faults() {
        func fault(_ text: String) -> RoomError? {
            do {
                _ = try TabletopProtocol.decodeClientMessage(text)
                return nil
            } catch {
                return error.error
            }
        }
        let move = #"{"type":"token.move","clientID":"c","moves":[{"tokenID":"t","x":1,"y":1},"#
        #expect(
            fault(move + #"{"tokenID":"t","x":1.5,"y":1}]}"#)
                == .invalid(field: "moves/1/x", reason: "must be an integer")
        )
        #expect(
            fault(move + #"{"tokenID":"t","x":null,"y":1}]}"#)
                == .invalid(field: "moves/1/x", reason: "must not be null")
        )
        #expect(
            fault(move + #"{"tokenID":7,"x":1,"y":1}]}"#)
                == .invalid(field: "moves/1/tokenID", reason: "must be a string")
        )
        #expect(
            fault(move + #"{"tokenID":"t","x":1e30,"y":1}]}"#)
                == .invalid(field: "moves/1/x", reason: "does not fit in Int")
        )
        #expect(
            fault(#"{"type":"token.move","clientID":"c","moves":{}}"#)
                == .invalid(field: "moves", reason: "must be an array")
        )
        #expect(fault(#"["hello"]"#) == .invalid(field: "frame", reason: "must be an object"))
    }
}
