/// The `type` of each event on the wire.
public enum EventKind: String, CaseIterable, Sendable {
    case sceneCreated = "scene.created"
    case sceneUpdated = "scene.updated"
    case sceneDeleted = "scene.deleted"
    case scenesReordered = "scene.reordered"
    case sceneActivated = "scene.activated"
    case tokensCreated = "token.created"
    case tokensUpdated = "token.updated"
    case tokensDeleted = "token.deleted"
    case musicUpdated = "music.updated"
    case playerJoined = "player.joined"
    case playerUpdated = "player.updated"
    case diceRolled = "dice.rolled"
    case sessionChanged = "session.changed"
    case tokensDragged = "token.dragged"
    case tokensSelected = "token.selected"
    case beaconPlaced = "beacon.placed"

    /// Ephemeral events carry no sequence number and are never stored.
    public var isEphemeral: Bool { [.tokensDragged, .tokensSelected, .beaconPlaced].contains(self) }
}

extension GameEvent: Codable {
    public var kind: EventKind {
        switch self {
        case .sceneCreated: .sceneCreated
        case .sceneUpdated: .sceneUpdated
        case .sceneDeleted: .sceneDeleted
        case .scenesReordered: .scenesReordered
        case .sceneActivated: .sceneActivated
        case .tokensCreated: .tokensCreated
        case .tokensUpdated: .tokensUpdated
        case .tokensDeleted: .tokensDeleted
        case .musicUpdated: .musicUpdated
        case .playerJoined: .playerJoined
        case .playerUpdated: .playerUpdated
        case .diceRolled: .diceRolled
        case .sessionChanged: .sessionChanged
        }
    }

    public init(from decoder: any Decoder) throws {
        let wire = try decoder.container(keyedBy: WireKey.self)
        let typeName = try wire.decode(String.self, forKey: .type)
        guard let kind = EventKind(rawValue: typeName), !kind.isEphemeral else {
            throw wire.unknownType(typeName, of: "event")
        }
        func value<T: Decodable>(_ key: WireKey) throws -> T { try wire.decode(T.self, forKey: key) }
        switch kind {
        case .sceneCreated: self = .sceneCreated(try value(.scene))
        case .sceneUpdated: self = .sceneUpdated(try value(.scene))
        case .sceneDeleted: self = .sceneDeleted(try value(.sceneID))
        case .scenesReordered: self = .scenesReordered(try value(.sceneIDs))
        case .sceneActivated: self = .sceneActivated(try value(.scene), tokens: try value(.tokens))
        case .tokensCreated: self = .tokensCreated(try value(.tokens))
        case .tokensUpdated: self = .tokensUpdated(try value(.tokens))
        case .tokensDeleted: self = .tokensDeleted(try value(.tokenIDs))
        case .musicUpdated: self = .musicUpdated(try value(.music))
        case .playerJoined: self = .playerJoined(try value(.player))
        case .playerUpdated: self = .playerUpdated(try value(.player))
        case .diceRolled: self = .diceRolled(try value(.roll))
        case .sessionChanged: self = .sessionChanged
        case .tokensDragged, .tokensSelected, .beaconPlaced: throw wire.unknownType(typeName, of: "event")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var wire = encoder.container(keyedBy: WireKey.self)
        try wire.encode(kind.rawValue, forKey: .type)
        switch self {
        case .sceneCreated(let scene), .sceneUpdated(let scene): try wire.encode(scene, forKey: .scene)
        case .sceneDeleted(let scene): try wire.encode(scene, forKey: .sceneID)
        case .scenesReordered(let scenes): try wire.encode(scenes, forKey: .sceneIDs)
        case .sceneActivated(let scene, let tokens):
            try wire.encode(scene, forKey: .scene)
            try wire.encode(tokens, forKey: .tokens)
        case .tokensCreated(let tokens), .tokensUpdated(let tokens): try wire.encode(tokens, forKey: .tokens)
        case .tokensDeleted(let ids): try wire.encode(ids, forKey: .tokenIDs)
        case .musicUpdated(let slot): try wire.encode(slot, forKey: .music)
        case .playerJoined(let player), .playerUpdated(let player): try wire.encode(player, forKey: .player)
        case .diceRolled(let roll): try wire.encode(roll, forKey: .roll)
        case .sessionChanged: break
        }
    }
}

extension EphemeralEvent: Codable {
    public var kind: EventKind {
        switch self {
        case .tokensDragged: .tokensDragged
        case .tokensSelected: .tokensSelected
        case .beaconPlaced: .beaconPlaced
        }
    }

    public init(from decoder: any Decoder) throws {
        let wire = try decoder.container(keyedBy: WireKey.self)
        let typeName = try wire.decode(String.self, forKey: .type)
        let player = try wire.decode(PlayerID.self, forKey: .playerID)
        switch EventKind(rawValue: typeName) {
        case .tokensDragged: self = .tokensDragged(by: player, try wire.decode([TokenMove].self, forKey: .moves))
        case .tokensSelected:
            self = .tokensSelected(
                by: player,
                colour: try wire.decode(PlayerColour.self, forKey: .colour),
                try wire.decode([TokenID].self, forKey: .tokenIDs)
            )
        case .beaconPlaced:
            self = .beaconPlaced(
                by: player,
                colour: try wire.decode(PlayerColour.self, forKey: .colour),
                x: try wire.decode(Int.self, forKey: .x),
                y: try wire.decode(Int.self, forKey: .y)
            )
        default: throw wire.unknownType(typeName, of: "ephemeral event")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var wire = encoder.container(keyedBy: WireKey.self)
        try wire.encode(kind.rawValue, forKey: .type)
        switch self {
        case .tokensDragged(let player, let moves):
            try wire.encode(player, forKey: .playerID)
            try wire.encode(moves, forKey: .moves)
        case .tokensSelected(let player, let colour, let ids):
            try wire.encode(player, forKey: .playerID)
            try wire.encode(colour, forKey: .colour)
            try wire.encode(ids, forKey: .tokenIDs)
        case .beaconPlaced(let player, let colour, let x, let y):
            try wire.encode(player, forKey: .playerID)
            try wire.encode(colour, forKey: .colour)
            try wire.encode(x, forKey: .x)
            try wire.encode(y, forKey: .y)
        }
    }
}
