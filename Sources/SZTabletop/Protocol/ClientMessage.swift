/// What a client sends: first a `hello`, then commands.
public enum ClientMessage: Equatable, Sendable {
    case hello(Hello)
    case command(ClientCommand)
}

/// The handshake: which protocol the client speaks, who it is, and the last event it saw (to resume).
public struct Hello: Equatable, Sendable {
    public var protocolVersion: Int
    /// The secret the server handed out when the player joined; never a name.
    public var credential: String
    public var lastSequence: Int64?

    public init(protocolVersion: Int, credential: String, lastSequence: Int64? = nil) {
        self.protocolVersion = protocolVersion
        self.credential = credential
        self.lastSequence = lastSequence
    }
}

extension ClientMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let wire = try decoder.container(keyedBy: WireKey.self)
        if try wire.decode(String.self, forKey: .type) == "hello" {
            self = .hello(
                Hello(
                    protocolVersion: try wire.decode(Int.self, forKey: .protocol),
                    credential: try wire.decode(String.self, forKey: .credential),
                    lastSequence: try wire.decodeIfPresent(Int64.self, forKey: .lastSequence)
                )
            )
        } else {
            let clientID = try wire.decode(String.self, forKey: .clientID)
            self = .command(ClientCommand(clientID: clientID, command: try Command(from: wire)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .hello(let hello):
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode("hello", forKey: .type)
            try wire.encode(hello.protocolVersion, forKey: .protocol)
            try wire.encode(hello.credential, forKey: .credential)
            try wire.encodeIfPresent(hello.lastSequence, forKey: .lastSequence)
        case .command(let command):
            try command.command.encode(to: encoder)
            var wire = encoder.container(keyedBy: WireKey.self)
            try wire.encode(command.clientID, forKey: .clientID)
        }
    }
}
