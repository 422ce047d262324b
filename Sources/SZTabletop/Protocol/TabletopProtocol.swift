/// Reading and writing the frames of the WebSocket protocol (docs/protocol.md).
public enum TabletopProtocol {
    public static let version = 1
    /// The largest text frame a client may send, in bytes of UTF-8.
    public static let maxFrameBytes = 65_536
    public static let maxClientIDLength = 64
    /// The server sends several messages in one WebSocket text message, separated by line feeds, up to this many
    /// bytes (a single larger message, such as a big snapshot, goes alone).
    public static let maxBatchBytes = 65_536

    /// Packs server messages' texts, in order, into as few WebSocket messages as `maxBatchBytes` allows. Compact
    /// JSON never holds a raw line feed, so a line feed always separates two messages.
    public static func batched(_ texts: [String]) -> [String] {
        var batches: [String] = []
        var current = ""
        for text in texts {
            if !current.isEmpty, current.utf8.count + 1 + text.utf8.count > maxBatchBytes {
                batches.append(current)
                current = ""
            }
            if !current.isEmpty { current += "\n" }
            current += text
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// The server messages in one WebSocket text message (see `batched`).
    public static func serverMessageTexts(in text: String) -> [Substring] {
        // Split the bytes: splitting Characters would run grapheme breaking over every message.
        text.utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }
    }

    /// Reads one client frame. A bad frame gets an error reply, never a closed socket: the error carries the
    /// frame's `clientID` when one could be read.
    public static func decodeClientMessage(_ text: String) throws(FrameError) -> ClientMessage {
        let size = text.utf8.count
        guard size <= maxFrameBytes else {
            throw FrameError(
                clientID: nil,
                error: .invalid(field: "frame", reason: "is \(size) bytes; at most \(maxFrameBytes)")
            )
        }
        // Only a frame that fails needs its clientID read on its own, for the error reply.
        var clientID: String? { (try? TabletopJSONDecoder.decode(ClientIDProbe.self, from: text))?.clientID }
        do {
            let message = try TabletopJSONDecoder.decode(ClientMessage.self, from: text)
            if case .command(let command) = message {
                guard !command.clientID.isEmpty, command.clientID.count <= maxClientIDLength else {
                    throw RoomError.invalid(field: "clientID", reason: "must hold 1 to \(maxClientIDLength) characters")
                }
            }
            return message
        } catch let error as RoomError {
            throw FrameError(clientID: nil, error: error)
        } catch let error as DecodingError {
            throw FrameError(clientID: clientID, error: RoomError(error))
        } catch {
            throw FrameError(clientID: clientID, error: .invalid(field: "frame", reason: "is not a JSON object"))
        }
    }

    public static func encode(_ message: ServerMessage) -> String {
        switch message {
        // The two messages sent for every command are written from text at hand rather than encoded again.
        case .ack(let clientID, let sequence):
            #"{"clientID":\#(jsonString(clientID)),"sequence":\#(sequence),"type":"ack"}"#
        case .event(let sequence, let event):
            eventText(sequence: sequence, payload: sortedJSON(event))
        default:
            sortedJSON(message)
        }
    }

    /// The wire message of a committed event: its stored JSON (`SequencedEvent.payload`) with the sequence number
    /// as the first member.
    public static func eventText(sequence: Int64, payload: String) -> String {
        // A stored payload is an object with at least its `type`, so a member always follows.
        #"{"sequence":\#(sequence),"# + payload.dropFirst()
    }

    /// A JSON string literal of `text`, as the tabletop's encoder writes strings.
    static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        SortedJSONEncoder.writeString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func encode(_ message: ClientMessage) -> String {
        sortedJSON(message)
    }

    public static func decodeServerMessage(_ text: String) throws(FrameError) -> ServerMessage {
        do {
            return try TabletopJSONDecoder.decode(ServerMessage.self, from: text)
        } catch let error as DecodingError {
            throw FrameError(clientID: nil, error: RoomError(error))
        } catch {
            throw FrameError(clientID: nil, error: .invalid(field: "frame", reason: "is not a JSON object"))
        }
    }
}

/// A frame the server could not read, with the reply to send.
public struct FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    public var clientID: String?
    public var error: RoomError

    public init(clientID: String?, error: RoomError) {
        self.clientID = clientID
        self.error = error
    }

    public var reply: ServerMessage { .error(ErrorReply(clientID: clientID, error: error)) }
    public var description: String { error.description }
}

private struct ClientIDProbe: Decodable {
    var clientID: String?
}

extension RoomError {
    /// Names the member at fault the way the protocol document does (`tokens/0/x`).
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalid(field: (context.codingPath + [key]).fieldName, reason: "is required")
        case .valueNotFound(_, let context):
            self = .invalid(field: context.codingPath.fieldName, reason: "must not be null")
        case .typeMismatch(let type, let context):
            self = .invalid(field: context.codingPath.fieldName, reason: "must be \(Self.jsonName(of: type))")
        case .dataCorrupted(let context):
            let reason = context.codingPath.isEmpty ? "is not valid JSON" : context.debugDescription
            self = .invalid(field: context.codingPath.fieldName, reason: reason)
        @unknown default:
            self = .invalid(field: "frame", reason: "could not be read")
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
