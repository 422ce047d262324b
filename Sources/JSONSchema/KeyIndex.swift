/// Positions of a large object's keys by hash: open addressing over 32-bit slots, a fraction of the size of a
/// dictionary of strings. The keys themselves stay in the object's key list, which every call passes in.
struct KeyIndex: Sendable {
    /// Position + 1 of the key whose probe sequence passes here; 0 for an empty slot. The count is a power of two.
    private var slots: [UInt32]
    private var count = 0

    /// An empty index with room for `keyCount` keys before it grows.
    init(roomFor keyCount: Int) {
        self.init(slotCount: Self.slotCount(for: keyCount))
    }

    private init(slotCount: Int) {
        slots = Array(repeating: 0, count: slotCount)
    }

    /// At most three quarters of the slots are used, so that probe sequences stay short.
    private static func slotCount(for keyCount: Int) -> Int {
        var slotCount = 16
        while slotCount * 3 < keyCount * 4 + 4 { slotCount *= 2 }
        return slotCount
    }

    func position(of key: String, keys: some RandomAccessCollection<String>) -> Int? {
        var slot = key.hashValue & (slots.count - 1)
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if CodePointKey.same(keys[keys.index(keys.startIndex, offsetBy: position)], key) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds `key`, which `keys` holds at `position`, unless an equal key is indexed already: returns that
    /// key's position then.
    mutating func insert(_ key: String, at position: Int, keys: some RandomAccessCollection<String>) -> Int? {
        if (count + 1) * 4 > slots.count * 3 {
            var grown = KeyIndex(slotCount: slots.count * 2)
            for slot in slots where slot != 0 {
                let earlier = Int(slot) - 1
                _ = grown.insert(keys[keys.index(keys.startIndex, offsetBy: earlier)], at: earlier, keys: keys)
            }
            self = grown
        }
        var slot = key.hashValue & (slots.count - 1)
        while slots[slot] != 0 {
            let existing = Int(slots[slot]) - 1
            if CodePointKey.same(keys[keys.index(keys.startIndex, offsetBy: existing)], key) { return existing }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = UInt32(position + 1)
        count += 1
        return nil
    }
}
