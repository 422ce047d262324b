/// An object's keys in order and, for a large object, an index from key to position. Parsed objects with the
/// same keys share one instance (see `ObjectKeysTable`): a document of many similar objects keeps each key
/// sequence once instead of once per object.
final class ObjectKeys: @unchecked Sendable {
    // @unchecked: only mutated while uniquely referenced (JSONObject copies it first otherwise), which also makes
    // the runtime's exclusivity checks redundant on these hot properties.
    @exclusivity(unchecked) private(set) var keys: [String]
    @exclusivity(unchecked) private var index: KeyIndex?

    /// Objects with more keys than this get an index.
    static let linearSearchLimit = 12

    /// `keys` must be unique; `index` must be their index when there are more than `linearSearchLimit`.
    init(uniqueKeys keys: [String], index: KeyIndex?) {
        self.keys = keys
        self.index = index
        if index == nil { rebuildIndex() }
    }

    var count: Int { keys.count }

    func position(of key: String) -> Int? {
        if let index { return index.position(of: key, keys: keys) }
        return keys.firstIndex { CodePointKey.same($0, key) }
    }

    func hasKeys(_ other: ArraySlice<String>) -> Bool {
        keys.count == other.count && zip(keys, other).allSatisfy { CodePointKey.same($0, $1) }
    }

    func copy() -> ObjectKeys {
        ObjectKeys(uniqueKeys: keys, index: index)
    }

    func append(_ key: String) {
        keys.append(key)
        if index != nil {
            _ = index!.insert(key, at: keys.count - 1, keys: keys)
        } else if keys.count > Self.linearSearchLimit {
            rebuildIndex()
        }
    }

    func remove(at position: Int) {
        keys.remove(at: position)
        rebuildIndex()
    }

    private func rebuildIndex() {
        guard keys.count > Self.linearSearchLimit else {
            index = nil
            return
        }
        var rebuilt = KeyIndex(roomFor: keys.count)
        for (position, key) in keys.enumerated() { _ = rebuilt.insert(key, at: position, keys: keys) }
        index = rebuilt
    }
}

/// Hands out one shared `ObjectKeys` per distinct key sequence of the small objects of one parse.
struct ObjectKeysTable {
    private var shared: [UInt64: [ObjectKeys]] = [:]

    /// A hash bucket holds at most this many key sequences; more get unshared keys. The hash is cheap and
    /// unseeded, so this bounds the work a document crafted to collide can cause.
    private static let bucketLimit = 8

    /// The shared keys equal to `keys`, which must be unique and at most `ObjectKeys.linearSearchLimit`.
    mutating func keys(_ keys: ArraySlice<String>) -> ObjectKeys {
        let hash = Self.hash(keys)
        let bucket = shared[hash] ?? []
        if let found = bucket.first(where: { $0.hasKeys(keys) }) { return found }
        let made = ObjectKeys(uniqueKeys: Array(keys), index: nil)
        if bucket.count < Self.bucketLimit { shared[hash, default: []].append(made) }
        return made
    }

    /// FNV-1a over the keys' UTF-8, each key ended by a byte that UTF-8 never uses.
    private static func hash(_ keys: ArraySlice<String>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var key in keys {
            key.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        return hash
    }
}
