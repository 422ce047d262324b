/// An object's keys in order and, for a large object, an index from key to position. Parsed objects with the
/// same keys share one instance (see `ObjectKeysTable`): a document of many similar objects keeps each key
/// sequence once instead of once per object.
final class ObjectKeys: @unchecked Sendable {
    // @unchecked: only mutated while uniquely referenced (JSONObject copies it first otherwise).
    private(set) var keys: [String]
    private var index: [CodePointKey: Int]?

    /// Objects with more keys than this get an index.
    static let linearSearchLimit = 12

    /// `keys` must be unique; `index` must be their index when there are more than `linearSearchLimit`.
    init(uniqueKeys keys: [String], index: [CodePointKey: Int]?) {
        self.keys = keys
        self.index = index
        if index == nil { rebuildIndex() }
    }

    var count: Int { keys.count }

    func position(of key: String) -> Int? {
        if let index { return index[CodePointKey(string: key)] }
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
            index![CodePointKey(string: key)] = keys.count - 1
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
        index = Dictionary(uniqueKeysWithValues: keys.indices.map { (CodePointKey(string: keys[$0]), $0) })
    }
}

/// Hands out one shared `ObjectKeys` per distinct key sequence of the small objects of one parse.
struct ObjectKeysTable {
    private var shared: [Int: [ObjectKeys]] = [:]

    /// The shared keys equal to `keys`, which must be unique and at most `ObjectKeys.linearSearchLimit`.
    mutating func keys(_ keys: ArraySlice<String>) -> ObjectKeys {
        var hasher = Hasher()
        hasher.combine(keys.count)
        for key in keys { hasher.combine(key) }
        let hash = hasher.finalize()
        if let found = shared[hash]?.first(where: { $0.hasKeys(keys) }) { return found }
        let made = ObjectKeys(uniqueKeys: Array(keys), index: nil)
        shared[hash, default: []].append(made)
        return made
    }
}
