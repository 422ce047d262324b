/// Every member name of the protocol's JSON objects. One flat list because messages put their `type` next to
/// their fields rather than nesting them.
enum WireKey: String, CodingKey {
    case type, clientID, sequence
    case `protocol`, credential, lastSequence, playerID, snapshot, events
    case code, message, reason
    case name, sceneID, sceneIDs, scene, toIndex, width, height, grid, background
    case tokens, moves, tokenIDs, size, rotation, flipped, label, locked, hidden, to, dx, dy, x, y
    case slot, track, loop, volume, music
    case player, colour
    case formula, `private`, roll
}

extension KeyedDecodingContainer<WireKey> {
    /// A member that must be present but may be `null`.
    func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: WireKey) throws -> T? {
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "is required"))
        }
        return try decodeNil(forKey: key) ? nil : decode(type, forKey: key)
    }

    func unknownType(_ name: String, of what: String) -> DecodingError {
        DecodingError.dataCorruptedError(
            forKey: .type,
            in: self,
            debugDescription: "unknown \(what) type \(quoted(name))"
        )
    }
}

extension KeyedEncodingContainer<WireKey> {
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: WireKey) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
