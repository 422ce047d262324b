import Foundation
import SZTabletop
import Testing

@Suite("docs/protocol.md matches the types")
struct ProtocolDocumentTests {
    struct Example: CustomStringConvertible {
        var direction: String
        var json: String
        var description: String { json.prefix(60) + "…" }
    }

    static let examples: [Example] = {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/protocol.md")
        let text = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        var examples: [Example] = []
        var current: Example?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let example = current {
                if line == "```" {
                    examples.append(example)
                    current = nil
                } else {
                    current?.json += line + "\n"
                }
            } else if line.hasPrefix("```json ") {
                current = Example(direction: String(line.dropFirst("```json ".count)), json: "")
            }
        }
        return examples
    }()

    static func sameJSON(_ left: String, _ right: String) -> Bool {
        let parse = { (text: String) in try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary }
        guard let left = parse(left), let right = parse(right) else { return false }
        return left.isEqual(right)
    }

    @Test("every example decodes and encodes back to the same JSON", arguments: examples)
    func roundTrip(example: Example) throws {
        switch example.direction {
        case "client":
            let message = try TabletopProtocol.decodeClientMessage(example.json)
            #expect(Self.sameJSON(TabletopProtocol.encode(message), example.json))
        case "server":
            let message = try TabletopProtocol.decodeServerMessage(example.json)
            #expect(Self.sameJSON(TabletopProtocol.encode(message), example.json))
        default: Issue.record("unknown example direction \(example.direction)")
        }
    }

    @Test("the document shows every command and every event")
    func coverage() {
        let types = Set(
            Self.examples.compactMap { example -> String? in
                let object = try? JSONSerialization.jsonObject(with: Data(example.json.utf8)) as? [String: Any]
                return object?["type"] as? String
            }
        )
        for kind in CommandKind.allCases { #expect(types.contains(kind.rawValue), "no example of \(kind.rawValue)") }
        for kind in EventKind.allCases { #expect(types.contains(kind.rawValue), "no example of \(kind.rawValue)") }
        for type in ["hello", "welcome", "ack", "error", "closed"] {
            #expect(types.contains(type), "no example of \(type)")
        }
    }
}

@Suite("Reading frames")
struct FrameTests {
    func refusal(_ frame: String) -> FrameError? {
        do {
            _ = try TabletopProtocol.decodeClientMessage(frame)
            return nil
        } catch {
            return error
        }
    }

    @Test("every command kind survives encoding and decoding", arguments: CommandKind.allCases)
    func commandRoundTrip(kind: CommandKind) throws {
        let message = ClientMessage.command(ClientCommand(clientID: "c1", command: sampleCommand(kind)))
        #expect(try TabletopProtocol.decodeClientMessage(TabletopProtocol.encode(message)) == message)
    }

    @Test("bad frames get an error naming the member, with the clientID when it could be read")
    func badFrames() {
        let missing = refusal(#"{"type":"token.move","clientID":"c9","moves":[{"tokenID":"t","y":1}]}"#)
        #expect(missing == FrameError(clientID: "c9", error: .invalid(field: "moves/0/x", reason: "is required")))
        let wrongType = refusal(#"{"type":"token.resize","clientID":"c9","tokenIDs":["t"],"size":"big"}"#)
        #expect(wrongType == FrameError(clientID: "c9", error: .invalid(field: "size", reason: "must be an integer")))
        let unknown = refusal(#"{"type":"token.teleport","clientID":"c9"}"#)
        #expect(
            unknown
                == FrameError(
                    clientID: "c9",
                    error: .invalid(field: "type", reason: "unknown command type \"token.teleport\"")
                )
        )
        let url = refusal(#"{"type":"scene.update","clientID":"c9","sceneID":"s","background":"http://x/y.png"}"#)
        #expect(url?.error == .invalid(field: "background", reason: "must be a SHA-256 as 64 lower-case hex digits"))
        #expect(refusal("not json")?.error == .invalid(field: "frame", reason: "is not valid JSON"))
        let noID = refusal(#"{"type":"beacon.place","clientID":"","x":1,"y":1}"#)
        #expect(noID?.error == .invalid(field: "clientID", reason: "must hold 1 to 64 characters"))
        let huge = refusal(String(repeating: " ", count: TabletopProtocol.maxFrameBytes + 1))
        #expect(huge?.error == .invalid(field: "frame", reason: "is 65537 bytes; at most 65536"))
        #expect(
            missing?.reply
                == .error(ErrorReply(clientID: "c9", error: .invalid(field: "moves/0/x", reason: "is required")))
        )
    }
}

@Suite("Several server messages in one WebSocket message")
struct BatchedMessageTests {
    @Test("messages are packed in order, one per line, and read back the same")
    func roundTrip() throws {
        let messages: [ServerMessage] = [
            .ack(clientID: "c1", sequence: 4), .event(sequence: 5, .tokensDeleted([TokenID("t\nwith a line feed")])),
            .closed(.tooSlow),
        ]
        let packed = TabletopProtocol.batched(messages.map(TabletopProtocol.encode))
        #expect(packed.count == 1)
        let read = try packed.flatMap(TabletopProtocol.serverMessageTexts(in:)).map {
            try TabletopProtocol.decodeServerMessage(String($0))
        }
        #expect(read == messages)
    }

    @Test(
        "acks and events written from text read back the same, whatever characters a clientID or name holds",
        arguments: ["c1", #"quote " and back\slash"#, "line\nfeed\r\ttab", "\u{1}\u{1F}\u{7F}", "ümlaut 🎲", "/slash/"]
    )
    func writtenByHand(text: String) throws {
        let messages: [ServerMessage] = [
            .ack(clientID: text, sequence: 9_007_199_254_740_993),
            .event(sequence: 12, .tokensDeleted([TokenID(text)])),
        ]
        for message in messages {
            let encoded = TabletopProtocol.encode(message)
            #expect(!encoded.contains("\n"), "a raw line feed would split the message in a batch")
            #expect(try TabletopProtocol.decodeServerMessage(encoded) == message)
        }
        let stored = SequencedEvent(sequence: 12, audience: .everyone, event: .tokensDeleted([TokenID(text)]))
        #expect(
            TabletopProtocol.eventText(sequence: 12, payload: stored.payload) == TabletopProtocol.encode(messages[1])
        )
    }

    @Test("a batch stays within the byte limit; a message larger than the limit goes alone")
    func limit() {
        let third = String(repeating: "a", count: TabletopProtocol.maxBatchBytes / 3)
        let huge = String(repeating: "b", count: TabletopProtocol.maxBatchBytes + 1)
        let packed = TabletopProtocol.batched([third, third, third, huge, third])
        #expect(packed == [[third, third].joined(separator: "\n"), third, huge, third])
        #expect(packed.dropLast(2).allSatisfy { $0.utf8.count <= TabletopProtocol.maxBatchBytes })
        #expect(TabletopProtocol.batched([]).isEmpty)
    }
}
