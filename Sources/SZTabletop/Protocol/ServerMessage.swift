/// What the server sends on a game's socket.
public enum ServerMessage: Equatable, Sendable {
    case welcome(Welcome)
    /// The command `clientID` was applied; `sequence` is the last event it committed (the current sequence when
    /// it committed none, as for drags).
    case ack(clientID: String, sequence: Int64)
    /// The command `clientID` (nil when the frame was unreadable before its id) was refused; nothing changed.
    case error(ErrorReply)
    case event(sequence: Int64, GameEvent)
    case ephemeral(EphemeralEvent)
    /// The server ends the stream; the socket closes after this message.
    case closed(CloseReason)
}

public struct ErrorReply: Codable, Equatable, Sendable {
    public var clientID: String?
    public var code: String
    public var message: String

    public init(clientID: String?, error: RoomError) {
        self.clientID = clientID
        code = error.code
        message = error.message
    }
}

/// The answer to `hello`: the viewer's id, and either a snapshot or the events missed since `lastSequence`.
public struct Welcome: Equatable, Sendable {
    public var playerID: PlayerID
    /// The game's sequence when the welcome was made; later events follow on the stream.
    public var sequence: Int64
    public var catchUp: CatchUp

    public init(playerID: PlayerID, sequence: Int64, catchUp: CatchUp) {
        self.playerID = playerID
        self.sequence = sequence
        self.catchUp = catchUp
    }
}

public enum CatchUp: Equatable, Sendable {
    case snapshot(GameSnapshot)
    /// The missed events the viewer may see, oldest first, each with its sequence number.
    case events([WireEvent])
}

/// A committed event as a client receives it: without its audience.
public struct WireEvent: Equatable, Sendable {
    public var sequence: Int64
    public var event: GameEvent

    public init(sequence: Int64, event: GameEvent) {
        self.sequence = sequence
        self.event = event
    }
}

public enum CloseReason: String, Codable, Sendable {
    /// The client fell too far behind; it should reconnect and resume from its last sequence number.
    case tooSlow
    /// The GM kicked or banned the player.
    case removed
}

extension WireEvent: Codable {
    public init(from decoder: any Decoder) throws {
        event = try GameEvent(from: decoder)
        sequence = try decoder.container(keyedBy: WireKey.self).decode(Int64.self, forKey: .sequence)
    }

    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var wire = encoder.container(keyedBy: WireKey.self)
        try wire.encode(sequence, forKey: .sequence)
    }
}

extension ServerMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let wire = try decoder.container(keyedBy: WireKey.self)
        let typeName = try wire.decode(String.self, forKey: .type)
        switch typeName {
        case "welcome":
            try Self.requireVersion(in: wire)
            let catchUp: CatchUp =
                if wire.contains(.snapshot) {
                    .snapshot(try wire.decode(GameSnapshot.self, forKey: .snapshot))
                } else {
                    .events(try wire.decode([WireEvent].self, forKey: .events))
                }
            self = .welcome(
                Welcome(
                    playerID: try wire.decode(PlayerID.self, forKey: .playerID),
                    sequence: try wire.decode(Int64.self, forKey: .sequence),
                    catchUp: catchUp
                )
            )
        case "ack":
            self = .ack(
                clientID: try wire.decode(String.self, forKey: .clientID),
                sequence: try wire.decode(Int64.self, forKey: .sequence)
            )
        case "error": self = .error(try ErrorReply(from: decoder))
        case "closed": self = .closed(try wire.decode(CloseReason.self, forKey: .reason))
        default:
            guard let kind = EventKind(rawValue: typeName) else { throw wire.unknownType(typeName, of: "message") }
            if kind.isEphemeral {
                self = .ephemeral(try EphemeralEvent(from: decoder))
            } else {
                let event = try WireEvent(from: decoder)
                self = .event(sequence: event.sequence, event.event)
            }
        }
    }

    private static func requireVersion(in wire: KeyedDecodingContainer<WireKey>) throws {
        let version = try wire.decode(Int.self, forKey: .protocol)
        guard version == TabletopProtocol.version else {
            throw DecodingError.dataCorruptedError(
                forKey: .protocol,
                in: wire,
                debugDescription: RoomError.unsupportedVersion(version).message
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .welcome(let welcome):
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode("welcome", forKey: .type)
            try wire.encode(TabletopProtocol.version, forKey: .protocol)
            try wire.encode(welcome.playerID, forKey: .playerID)
            try wire.encode(welcome.sequence, forKey: .sequence)
            switch welcome.catchUp {
            case .snapshot(let snapshot): try wire.encode(snapshot, forKey: .snapshot)
            case .events(let events): try wire.encode(events, forKey: .events)
            }
        case .ack(let clientID, let sequence):
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode("ack", forKey: .type)
            try wire.encode(clientID, forKey: .clientID)
            try wire.encode(sequence, forKey: .sequence)
        case .error(let reply):
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode("error", forKey: .type)
            try wire.encodeNullable(reply.clientID, forKey: .clientID)
            try wire.encode(reply.code, forKey: .code)
            try wire.encode(reply.message, forKey: .message)
        case .event(let sequence, let event): try WireEvent(sequence: sequence, event: event).encode(to: encoder)
        case .ephemeral(let event): try event.encode(to: encoder)
        case .closed(let reason):
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode("closed", forKey: .type)
            try wire.encode(reason, forKey: .reason)
        }
    }
}
