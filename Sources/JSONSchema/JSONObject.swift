/// A JSON object: unique keys in document order. The values sit in one allocation after a reference to the
/// object's keys, which parsed objects with the same keys share; small objects are searched linearly (most JSON
/// objects are small), large ones also keep a key index.
public struct JSONObject: @unchecked Sendable, Hashable, Sequence {
    // @unchecked: the storage is copy-on-write, mutated only while uniquely referenced (as Array's is).
    public typealias Member = (key: String, value: JSONValue)

    /// Nil for the empty object.
    private var storage: ObjectStorage?

    public init() {
        storage = nil
    }

    /// Builds an object from pairs; a later duplicate key replaces the earlier value but keeps its position.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// An object of exactly `values.count` members named by `keys`.
    init(keys: ObjectKeys, values: UnsafeBufferPointer<JSONValue>) {
        storage = values.isEmpty ? nil : ObjectStorage.make(keys: keys, values: values, capacity: values.count)
    }

    /// Whether this object is exactly `values` named by `keys` (the same `ObjectKeys`, equal values).
    func has(keys: ObjectKeys, values: UnsafeBufferPointer<JSONValue>) -> Bool {
        guard let storage, storage.keys === keys else { return false }
        return storage.withValues { $0.elementsEqual(values) }
    }

    public var keys: [String] { storage?.keys.keys ?? [] }
    public var count: Int { storage?.withUnsafeMutablePointerToHeader { $0.pointee.count } ?? 0 }
    public var isEmpty: Bool { storage == nil }

    public subscript(key: String) -> JSONValue? {
        get {
            // Through the storage's pointers: going through its properties would retain the keys on every lookup.
            storage?.withUnsafeMutablePointers { keys, values in keys.pointee.position(of: key).map { values[$0] } }
        }
        set {
            guard let position = storage?.keys.position(of: key) else {
                if let newValue { append(key, newValue) }
                return
            }
            guard let newValue else {
                storage = count == 1 ? nil : storage!.removing(at: position)
                return
            }
            if !isKnownUniquelyReferenced(&storage) { storage = storage!.copy(capacity: count) }
            storage!.setValue(newValue, at: position)
        }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        guard let current = storage else {
            let keys = ObjectKeys(uniqueKeys: [], index: nil)
            storage = ObjectStorage.make(keys: keys, values: UnsafeBufferPointer(start: nil, count: 0), capacity: 4)
            storage!.append(key: key, value: value)
            return
        }
        if !isKnownUniquelyReferenced(&storage) || current.capacity == current.keys.count {
            // Grow geometrically so that building an object member by member stays linear.
            storage = current.copy(capacity: Swift.max(4, current.keys.count * 2))
        }
        storage!.append(key: key, value: value)
    }

    public struct Iterator: IteratorProtocol {
        private let storage: ObjectStorage?
        private let keys: [String]
        private var position = 0

        fileprivate init(storage: ObjectStorage?) {
            self.storage = storage
            keys = storage?.keys.keys ?? []
        }

        public mutating func next() -> Member? {
            guard let storage, position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], storage.value(at: position))
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(storage: storage)
    }

    public var underestimatedCount: Int { count }

    // Equality and hashing ignore key order, as JSON Schema's equality does.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.storage, let right = rhs.storage else { return true }
        if left === right { return true }
        if left.keys === right.keys {
            return left.withValues { leftValues in right.withValues { leftValues.elementsEqual($0) } }
        }
        return lhs.allSatisfy { member in rhs[member.key] == member.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        // An order-independent combination of the members' hashes.
        var combined = 0
        for member in self {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(combined)
    }
}
