extension Command: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(from: try decoder.container(keyedBy: WireKey.self))
    }

    /// Reads the command from a container already opened on its object (a client message opens it to read
    /// `type` and `clientID`; opening it again would index the object's keys again).
    init(from wire: KeyedDecodingContainer<WireKey>) throws {
        let typeName = try wire.decode(String.self, forKey: .type)
        guard let kind = CommandKind(rawValue: typeName) else { throw wire.unknownType(typeName, of: "command") }
        func value<T: Decodable>(_ key: WireKey) throws -> T { try wire.decode(T.self, forKey: key) }
        switch kind {
        case .createScene: self = .createScene(name: try value(.name))
        case .activateScene: self = .activateScene(try value(.sceneID))
        case .reorderScene: self = .reorderScene(try value(.sceneID), toIndex: try value(.toIndex))
        case .cloneScene: self = .cloneScene(try value(.sceneID))
        case .deleteScene: self = .deleteScene(try value(.sceneID))
        case .updateScene: self = .updateScene(try value(.sceneID), try SceneUpdate(from: wire))
        case .createTokens: self = .createTokens(try value(.sceneID), try value(.tokens))
        case .moveTokens: self = .moveTokens(try value(.moves))
        case .dragTokens: self = .dragTokens(try value(.moves))
        case .resizeTokens: self = .editTokens(try value(.tokenIDs), .size(try value(.size)))
        case .rotateTokens: self = .editTokens(try value(.tokenIDs), .rotation(try value(.rotation)))
        case .flipTokens: self = .editTokens(try value(.tokenIDs), .flipped(try value(.flipped)))
        case .labelTokens: self = .editTokens(try value(.tokenIDs), .label(try value(.label)))
        case .lockTokens: self = .editTokens(try value(.tokenIDs), .locked(try value(.locked)))
        case .hideTokens: self = .editTokens(try value(.tokenIDs), .hidden(try value(.hidden)))
        case .arrangeTokens: self = .editTokens(try value(.tokenIDs), .arrange(try value(.to)))
        case .cloneTokens: self = .cloneTokens(try value(.tokenIDs), dx: try value(.dx), dy: try value(.dy))
        case .deleteTokens: self = .deleteTokens(try value(.tokenIDs))
        case .selectTokens: self = .selectTokens(try value(.tokenIDs))
        case .placeBeacon: self = .placeBeacon(x: try value(.x), y: try value(.y))
        case .setMusicTrack:
            self = .music(slot: try value(.slot), .track(try wire.decodeNullable(BlobID.self, forKey: .track)))
        case .playMusic: self = .music(slot: try value(.slot), .play)
        case .pauseMusic: self = .music(slot: try value(.slot), .pause)
        case .stopMusic: self = .music(slot: try value(.slot), .stop)
        case .loopMusic: self = .music(slot: try value(.slot), .loop(try value(.loop)))
        case .setMusicVolume: self = .music(slot: try value(.slot), .volume(try value(.volume)))
        case .kickPlayer: self = .setStanding(try value(.playerID), .kicked)
        case .banPlayer: self = .setStanding(try value(.playerID), .banned)
        case .readmitPlayer: self = .setStanding(try value(.playerID), .active)
        case .rollDice:
            self = .roll(
                formula: try value(.formula),
                private: try wire.decodeIfPresent(Bool.self, forKey: .private) ?? false
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var wire = encoder.container(keyedBy: WireKey.self)
        try wire.encode(kind.rawValue, forKey: .type)
        switch self {
        case .createScene(let name): try wire.encode(name, forKey: .name)
        case .activateScene(let scene), .cloneScene(let scene), .deleteScene(let scene):
            try wire.encode(scene, forKey: .sceneID)
        case .reorderScene(let scene, let index):
            try wire.encode(scene, forKey: .sceneID)
            try wire.encode(index, forKey: .toIndex)
        case .updateScene(let scene, let update):
            try wire.encode(scene, forKey: .sceneID)
            try update.encode(to: &wire)
        case .createTokens(let scene, let tokens):
            try wire.encode(scene, forKey: .sceneID)
            try wire.encode(tokens, forKey: .tokens)
        case .moveTokens(let moves), .dragTokens(let moves): try wire.encode(moves, forKey: .moves)
        case .editTokens(let ids, let edit):
            try wire.encode(ids, forKey: .tokenIDs)
            try edit.encode(to: &wire)
        case .cloneTokens(let ids, let dx, let dy):
            try wire.encode(ids, forKey: .tokenIDs)
            try wire.encode(dx, forKey: .dx)
            try wire.encode(dy, forKey: .dy)
        case .deleteTokens(let ids), .selectTokens(let ids): try wire.encode(ids, forKey: .tokenIDs)
        case .placeBeacon(let x, let y):
            try wire.encode(x, forKey: .x)
            try wire.encode(y, forKey: .y)
        case .music(let slot, let change):
            try wire.encode(slot, forKey: .slot)
            try change.encode(to: &wire)
        case .setStanding(let player, _): try wire.encode(player, forKey: .playerID)
        case .roll(let formula, let isPrivate):
            try wire.encode(formula, forKey: .formula)
            try wire.encode(isPrivate, forKey: .private)
        }
    }
}

extension SceneUpdate {
    init(from wire: KeyedDecodingContainer<WireKey>) throws {
        name = try wire.decodeIfPresent(String.self, forKey: .name)
        width = try wire.decodeIfPresent(Int.self, forKey: .width)
        height = try wire.decodeIfPresent(Int.self, forKey: .height)
        grid = try wire.decodeIfPresent(Grid.self, forKey: .grid)
        background = wire.contains(.background) ? .some(try wire.decodeNullable(BlobID.self, forKey: .background)) : nil
    }

    func encode(to wire: inout KeyedEncodingContainer<WireKey>) throws {
        try wire.encodeIfPresent(name, forKey: .name)
        try wire.encodeIfPresent(width, forKey: .width)
        try wire.encodeIfPresent(height, forKey: .height)
        try wire.encodeIfPresent(grid, forKey: .grid)
        if let background { try wire.encodeNullable(background, forKey: .background) }
    }
}

extension TokenEdit {
    func encode(to wire: inout KeyedEncodingContainer<WireKey>) throws {
        switch self {
        case .size(let size): try wire.encode(size, forKey: .size)
        case .rotation(let degrees): try wire.encode(degrees, forKey: .rotation)
        case .flipped(let flipped): try wire.encode(flipped, forKey: .flipped)
        case .label(let label): try wire.encode(label, forKey: .label)
        case .locked(let locked): try wire.encode(locked, forKey: .locked)
        case .hidden(let hidden): try wire.encode(hidden, forKey: .hidden)
        case .arrange(let placement): try wire.encode(placement, forKey: .to)
        }
    }
}

extension MusicChange {
    func encode(to wire: inout KeyedEncodingContainer<WireKey>) throws {
        switch self {
        case .track(let track): try wire.encodeNullable(track, forKey: .track)
        case .play, .pause, .stop: break
        case .loop(let loop): try wire.encode(loop, forKey: .loop)
        case .volume(let volume): try wire.encode(volume, forKey: .volume)
        }
    }
}
