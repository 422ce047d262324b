/// Compact JSON with sorted keys: the same value always gives the same text, for storage and the wire.
func sortedJSON(_ value: some Encodable) -> String {
    // Our types hold only strings, integers, finite doubles and booleans, which always encode.
    (try? SortedJSONEncoder.encode(value)) ?? "{}"
}

/// Writes an `Encodable` value as compact JSON with its object keys in UTF-8 order and slashes unescaped: the
/// same bytes as Foundation's `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`, at a fraction of its
/// cost, which matters because every command's events and replies are encoded on the room's path. Values are
/// collected in a small tree and written once the value's `encode(to:)` returns: a type may fill a container it
/// was handed after filling others, so an object's members are only known, and sorted, at the end. Each value
/// is encoded straight into its place in its parent (an encoder is that place), and the common scalars are stored
/// without a cast or an encoder of their own.
///
/// The coding path is not tracked: none of the tabletop's types reads it, and the only error, a number that is
/// not finite, names the value instead.
enum SortedJSONEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        let root = ContainerNode(isArray: true)
        try root.appendedSlot().store(value)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try write(root.elements[0], to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: JSONNodeValue, to bytes: inout [UInt8]) throws {
        switch value {
        // A value that encoded nothing is an empty object, as JSONEncoder writes it.
        case .empty: bytes.append(contentsOf: "{}".utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
        case .unsigned(let unsigned): bytes.append(contentsOf: String(unsigned).utf8)
        case .double(let double):
            guard double.isFinite else {
                throw EncodingError.invalidValue(
                    double,
                    EncodingError.Context(codingPath: [], debugDescription: "\(double) is not a JSON number")
                )
            }
            // Swift's shortest form that reads back the same, without a trailing `.0`, as JSONEncoder writes it.
            let text = double.description
            bytes.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : text[...]).utf8)
        case .string(let string): writeString(string, to: &bytes)
        case .container(let node) where node.isArray:
            bytes.append(UInt8(ascii: "["))
            for (index, element) in node.elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .container(let node):
            bytes.append(UInt8(ascii: "{"))
            let members = node.members
            let order = sortedMemberOrder(members)
            var first = true
            for (position, entry) in order.enumerated() {
                // Of a key encoded twice the later value, which sorts last, wins.
                if position + 1 < order.count, order[position + 1].prefix == entry.prefix,
                    members[order[position + 1].index].key == members[entry.index].key
                {
                    continue
                }
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(members[entry.index].key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try write(members[entry.index].value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// An object's members' indices in the UTF-8 order of their keys, and in encoding order for equal keys. Sorts
    /// plain numbers (each key's first eight bytes, and its index) rather than the members themselves, and compares
    /// whole keys only when their first eight bytes are the same.
    private static func sortedMemberOrder(
        _ members: [(key: String, value: JSONNodeValue)]
    ) -> [(prefix: UInt64, index: Int)] {
        var order = members.indices.map { (prefix: utf8Prefix(members[$0].key), index: $0) }
        order.sort { a, b in
            guard a.prefix == b.prefix else { return a.prefix < b.prefix }
            let keys = utf8Order(members[a.index].key, members[b.index].key)
            return keys == 0 ? a.index < b.index : keys < 0
        }
        return order
    }

    /// A key's first eight UTF-8 bytes as a number that sorts as they do (a shorter key is padded with zeros, so
    /// keys that share it still need comparing in full).
    private static func utf8Prefix(_ key: String) -> UInt64 {
        var prefix: UInt64 = 0
        var shift = 56
        for byte in key.utf8 {
            prefix |= UInt64(byte) << UInt64(shift)
            shift -= 8
            if shift < 0 { break }
        }
        return prefix
    }

    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, with or after `b`'s.
    private static func utf8Order(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                for index in 0..<min(a.count, b.count) where a[index] != b[index] {
                    return Int(a[index]) - Int(b[index])
                }
                return a.count - b.count
            }
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (by name where JSON has one, as
    /// JSONEncoder does), nothing else (UTF-8 passes through as it is).
    static func writeString(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Most strings (ids, names, keys) need no escape and are copied whole.
            guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

/// A value being encoded.
private enum JSONNodeValue {
    /// Nothing was encoded (yet) in this place.
    case empty
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    /// Objects and arrays are references, so that the containers handed out fill them in place.
    case container(ContainerNode)
}

/// An object (members in the order they were encoded; a key encoded again is resolved when writing) or an array.
private final class ContainerNode {
    let isArray: Bool
    var members: [(key: String, value: JSONNodeValue)] = []
    var elements: [JSONNodeValue] = []

    init(isArray: Bool) {
        self.isArray = isArray
    }

    func slot(forKey key: some CodingKey) -> Slot {
        members.append((key.stringValue, .empty))
        return Slot(node: self, index: members.count - 1)
    }

    func appendedSlot() -> Slot {
        elements.append(.empty)
        return Slot(node: self, index: elements.count - 1)
    }
}

/// One place in an object or array, and the encoder of the value that goes there.
private struct Slot: Encoder {
    let node: ContainerNode
    let index: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var value: JSONNodeValue {
        get { node.isArray ? node.elements[index] : node.members[index].value }
        nonmutating set {
            if node.isArray { node.elements[index] = newValue } else { node.members[index].value = newValue }
        }
    }

    /// Stores the common scalars as they are; any other value encodes itself here.
    func store<T: Encodable>(_ encodable: T) throws {
        if T.self == String.self {
            value = .string(unsafeBitCast(encodable, to: String.self))
        } else if T.self == Int.self {
            value = .integer(Int64(unsafeBitCast(encodable, to: Int.self)))
        } else if T.self == Int64.self {
            value = .integer(unsafeBitCast(encodable, to: Int64.self))
        } else if T.self == Bool.self {
            value = .bool(unsafeBitCast(encodable, to: Bool.self))
        } else if T.self == Double.self {
            value = .double(unsafeBitCast(encodable, to: Double.self))
        } else {
            try encodable.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node(isArray: false)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: node(isArray: true))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: self)
    }

    /// The object or array already in this place (a type may ask for its container more than once), or a new one.
    private func node(isArray: Bool) -> ContainerNode {
        if case .container(let node) = value, node.isArray == isArray { return node }
        let node = ContainerNode(isArray: isArray)
        value = .container(node)
        return node
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ContainerNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { node.slot(forKey: key).value = .null }
    mutating func encode(_ value: Bool, forKey key: Key) { node.slot(forKey: key).value = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) { node.slot(forKey: key).value = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) { node.slot(forKey: key).value = .double(value) }
    mutating func encode(_ value: Int, forKey key: Key) { node.slot(forKey: key).value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) { node.slot(forKey: key).value = .integer(value) }
    // The other scalar overloads are the standard library's, which call this one.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try node.slot(forKey: key).store(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        node.slot(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        node.slot(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { node.slot(forKey: SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { node.slot(forKey: key) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: ContainerNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.elements.count }

    mutating func encodeNil() { node.elements.append(.null) }
    mutating func encode(_ value: Bool) { node.elements.append(.bool(value)) }
    mutating func encode(_ value: String) { node.elements.append(.string(value)) }
    mutating func encode(_ value: Double) { node.elements.append(.double(value)) }
    mutating func encode(_ value: Int) { node.elements.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) { node.elements.append(.integer(value)) }
    // As in the keyed container, the other scalar overloads are the standard library's and call this one.
    mutating func encode<T: Encodable>(_ value: T) throws { try node.appendedSlot().store(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        node.appendedSlot().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        node.appendedSlot().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { node.appendedSlot() }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.value = .null }
    mutating func encode(_ value: Bool) { slot.value = .bool(value) }
    mutating func encode(_ value: String) { slot.value = .string(value) }
    mutating func encode(_ value: Double) { slot.value = .double(value) }
    mutating func encode(_ value: Float) { slot.value = .double(Double(value)) }
    mutating func encode(_ value: Int) { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) { slot.value = .integer(value) }
    mutating func encode(_ value: UInt) { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) { slot.value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value) }
}
