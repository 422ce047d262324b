/// Compact JSON with sorted keys: the same value always gives the same text, for storage and the wire.
func sortedJSON(_ value: some Encodable) -> String {
    // Our types hold only strings, integers, finite doubles and booleans, which always encode.
    (try? SortedJSONEncoder.encode(value)) ?? "{}"
}

/// Writes an `Encodable` value as compact JSON with its object keys in UTF-8 order and slashes unescaped: the
/// same bytes as Foundation's `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`, at a fraction of its
/// cost, which matters because every command's events and replies are encoded on the room's path. Values are
/// collected in a small tree (objects and arrays are shared references, so a container keeps filling the node
/// it was handed) and written once the value's `encode(to:)` returns.
///
/// The coding path is not tracked: none of the tabletop's types reads it, and the only error, a number that is
/// not finite, names the value instead.
enum SortedJSONEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try write(try NodeEncoder.value(of: value), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: JSONNodeValue, to bytes: inout [UInt8]) throws {
        switch value {
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
        case .deferred(let encoder): try write(encoder.finished, to: &bytes)
        case .container(let node):
            if node.isArray {
                bytes.append(UInt8(ascii: "["))
                for (index, element) in node.elements.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    try write(element, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            } else {
                bytes.append(UInt8(ascii: "{"))
                let members = node.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                for (index, member) in members.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    writeString(member.key, to: &bytes)
                    bytes.append(UInt8(ascii: ":"))
                    try write(member.value, to: &bytes)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, nothing else (UTF-8 passes
    /// through as it is).
    static func writeString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (ids, names, keys) need no escape and are copied whole.
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: string.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
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

/// A value being encoded; containers are references so that the containers handed out fill them in place.
private enum JSONNodeValue {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case container(ContainerNode)
    /// What an encoder handed out by `superEncoder()` holds once encoding ends.
    case deferred(NodeEncoder)
}

/// An object (members by key; a key encoded again replaces its value) or an array.
private final class ContainerNode {
    let isArray: Bool
    var members: [(key: String, value: JSONNodeValue)] = []
    var elements: [JSONNodeValue] = []

    init(isArray: Bool) {
        self.isArray = isArray
    }

    func set(_ key: String, _ value: JSONNodeValue) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
    }

    /// A new object or array stored under `key` (nil) or appended.
    func nested(isArray: Bool, at key: String?) -> ContainerNode {
        let nested = ContainerNode(isArray: isArray)
        if let key { set(key, .container(nested)) } else { elements.append(.container(nested)) }
        return nested
    }

    /// An encoder whose value is stored under `key` (nil: appended) once encoding ends.
    func deferred(at key: String?) -> NodeEncoder {
        let encoder = NodeEncoder()
        if let key { set(key, .deferred(encoder)) } else { elements.append(.deferred(encoder)) }
        return encoder
    }
}

/// Encodes one value: a scalar, or the object or array its containers fill. Scalars of other types than the
/// common five below arrive through `singleValueContainer()`, whose overloads store them.
private final class NodeEncoder: Encoder {
    var value: JSONNodeValue?
    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]

    /// An object when nothing was encoded, as JSONEncoder writes it.
    var finished: JSONNodeValue { value ?? .container(ContainerNode(isArray: false)) }

    /// Scalars directly; anything else encodes itself into an encoder of its own.
    static func value(of encodable: some Encodable) throws -> JSONNodeValue {
        switch encodable {
        case let string as String: return .string(string)
        case let integer as Int: return .integer(Int64(integer))
        case let integer as Int64: return .integer(integer)
        case let bool as Bool: return .bool(bool)
        case let double as Double: return .double(double)
        default:
            let encoder = NodeEncoder()
            try encodable.encode(to: encoder)
            return encoder.finished
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node(isArray: false)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: node(isArray: true))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(encoder: self)
    }

    /// The object or array this value already is, or a new one.
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

    mutating func encodeNil(forKey key: Key) { node.set(key.stringValue, .null) }
    // The overloads for each scalar type come from the standard library and call this one.
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, try NodeEncoder.value(of: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: node.nested(isArray: false, at: key.stringValue)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: node.nested(isArray: true, at: key.stringValue))
    }

    mutating func superEncoder() -> any Encoder { node.deferred(at: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { node.deferred(at: key.stringValue) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: ContainerNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.elements.count }

    mutating func encodeNil() { node.elements.append(.null) }
    // As in the keyed container, the scalar overloads are the standard library's and call this one.
    mutating func encode<T: Encodable>(_ value: T) throws { node.elements.append(try NodeEncoder.value(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: node.nested(isArray: false, at: nil)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeContainer(node: node.nested(isArray: true, at: nil))
    }

    mutating func superEncoder() -> any Encoder { node.deferred(at: nil) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { encoder.value = .null }
    mutating func encode(_ value: Bool) { encoder.value = .bool(value) }
    mutating func encode(_ value: String) { encoder.value = .string(value) }
    mutating func encode(_ value: Double) { encoder.value = .double(value) }
    mutating func encode(_ value: Float) { encoder.value = .double(Double(value)) }
    mutating func encode(_ value: Int) { encoder.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) { encoder.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) { encoder.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) { encoder.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) { encoder.value = .integer(value) }
    mutating func encode(_ value: UInt) { encoder.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) { encoder.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) { encoder.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) { encoder.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) { encoder.value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try NodeEncoder.value(of: value) }
}
