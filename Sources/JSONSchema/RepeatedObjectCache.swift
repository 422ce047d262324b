/// Remembers recently parsed small objects whose values are all small scalars, so that a document repeating
/// one (`{"type": "Boolean", "value": true}` in a list of fields) keeps a single copy: the objects share storage,
/// which is copy-on-write. At most `maxSlots` slots bound the cost whatever the document; they are added as the
/// document's candidates come (a small document, such as a client's frame, has few and needs no more), and the
/// objects remembered so far are let go each time the slots double.
struct RepeatedObjectCache {
    static let maxSlots = 4096
    private var slots: [JSONObject] = []
    private var candidates = 0

    /// The object of `values` named by `keys`, a shared `ObjectKeys` from `ObjectKeysTable`.
    mutating func object(keys: ObjectKeys, values: UnsafeBufferPointer<JSONValue>) -> JSONObject {
        guard let hash = Self.hash(keys: keys, values: values) else { return JSONObject(keys: keys, values: values) }
        candidates += 1
        if candidates > slots.count, slots.count < Self.maxSlots {
            slots = [JSONObject](repeating: JSONObject(), count: max(16, slots.count * 2))
        }
        let slot = hash & (slots.count - 1)
        if slots[slot].has(keys: keys, values: values) { return slots[slot] }
        let made = JSONObject(keys: keys, values: values)
        slots[slot] = made
        return made
    }

    /// Nil when a value is not cheap to compare (a long string, a non-empty container).
    private static func hash(keys: ObjectKeys, values: UnsafeBufferPointer<JSONValue>) -> Int? {
        var hasher = Hasher()
        hasher.combine(ObjectIdentifier(keys))
        for value in values {
            switch value {
            case .null, .bool, .number: break
            case .string(let string) where string.utf8.count <= 15: break
            case .array(let array) where array.isEmpty: break
            case .object(let object) where object.isEmpty: break
            default: return nil
            }
            hasher.combine(value)
        }
        return hasher.finalize()
    }
}
