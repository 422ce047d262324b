/// An object's values, in one allocation after the shared `ObjectKeys` that name them: `keys.count` values are
/// initialized, and the capacity may hold more.
final class ObjectStorage: ManagedBuffer<ObjectKeys, JSONValue> {
    /// Storage for `keys` with `values` (one per key) copied in.
    static func make(keys: ObjectKeys, values: UnsafeBufferPointer<JSONValue>, capacity: Int) -> ObjectStorage {
        let made = unsafeDowncast(create(minimumCapacity: capacity) { _ in keys }, to: ObjectStorage.self)
        made.withUnsafeMutablePointerToElements { elements in
            _ = UnsafeMutableBufferPointer(start: elements, count: values.count).initialize(fromContentsOf: values)
        }
        return made
    }

    deinit {
        withUnsafeMutablePointers { keys, values in _ = values.deinitialize(count: keys.pointee.count) }
    }

    var keys: ObjectKeys { header }

    func value(at position: Int) -> JSONValue {
        withUnsafeMutablePointerToElements { $0[position] }
    }

    func setValue(_ value: JSONValue, at position: Int) {
        withUnsafeMutablePointerToElements { $0[position] = value }
    }

    func withValues<Result>(_ body: (UnsafeBufferPointer<JSONValue>) -> Result) -> Result {
        withUnsafeMutablePointers { keys, values in body(UnsafeBufferPointer(start: values, count: keys.pointee.count))
        }
    }

    /// A copy sharing the same keys, with room for `capacity` values.
    func copy(capacity: Int) -> ObjectStorage {
        withValues { ObjectStorage.make(keys: keys, values: $0, capacity: capacity) }
    }

    /// Adds a member in place; the caller checked that the storage is uniquely referenced and has room.
    func append(key: String, value: JSONValue) {
        withUnsafeMutablePointers { keys, values in
            (values + keys.pointee.count).initialize(to: value)
            if !isKnownUniquelyReferenced(&keys.pointee) { keys.pointee = keys.pointee.copy() }
            keys.pointee.append(key)
        }
    }

    /// A copy without the member at `position`.
    func removing(at position: Int) -> ObjectStorage {
        let remainingKeys = keys.copy()
        remainingKeys.remove(at: position)
        return withValues { values in
            let remaining = Array(values[..<position]) + values[(position + 1)...]
            return remaining.withUnsafeBufferPointer {
                ObjectStorage.make(keys: remainingKeys, values: $0, capacity: $0.count)
            }
        }
    }
}
