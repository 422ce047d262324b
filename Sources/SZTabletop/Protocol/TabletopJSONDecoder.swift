import JSONSchema

/// Reads JSON text into the tabletop's `Decodable` types: client frames, server messages, stored events and
/// stored states. The text is parsed by the strict `JSONParser` (RFC 8259: no duplicate keys, no trailing commas,
/// nesting capped) and decoded from its `JSONValue`, at a fraction of the cost of Foundation's `JSONDecoder`, which
/// matters because every command's frame is decoded on the room's path. Errors are `DecodingError`s with the coding
/// path of the member at fault, as `JSONDecoder` throws them, so `RoomError(_:)` names the member; text that is not
/// JSON is `dataCorrupted` at the root. An integer may be written with a fraction or exponent when its value is
/// whole (`1.0`, `1e3`), as `JSONDecoder` allows.
enum TabletopJSONDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let root: JSONValue
        do {
            root = try JSONParser().parse(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "The given data was not valid JSON: \(error)")
            )
        }
        return try root.decode(type, at: [])
    }
}

extension JSONValue {
    fileprivate var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// How `JSONDecoder` names a value's kind in its messages.
    private var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }

    /// Decodes this value as `type`; `path` is its coding path, built only when it is needed (a nested decoder or an
    /// error), since most members are scalars that decode without fault.
    fileprivate func decode<T: Decodable>(_ type: T.Type, at path: @autoclosure () -> [any CodingKey]) throws -> T {
        // The scalars most members hold are read here, without a decoder of their own.
        if T.self == String.self { return unsafeBitCast(try string(at: path()), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self, at: path()), to: T.self) }
        if T.self == Int64.self { return unsafeBitCast(try integer(Int64.self, at: path()), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try double(at: path()), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: path()), to: T.self) }
        return try T(from: TreeDecoder(value: self, codingPath: path()))
    }

    fileprivate func bool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let bool) = self else { throw mismatch(Bool.self, at: path()) }
        return bool
    }

    fileprivate func string(at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let string) = self else { throw mismatch(String.self, at: path()) }
        return string
    }

    fileprivate func double(at path: @autoclosure () -> [any CodingKey]) throws -> Double {
        guard case .number(let number) = self else { throw mismatch(Double.self, at: path()) }
        let double = number.doubleValue
        guard double.isFinite else { throw outOfRange(Double.self, at: path()) }
        return double
    }

    fileprivate func integer<T: FixedWidthInteger>(
        _ type: T.Type,
        at path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        guard case .number(let number) = self, number.isInteger else { throw mismatch(T.self, at: path()) }
        guard let exact = number.intValue.flatMap({ T(exactly: $0) }) else { throw outOfRange(T.self, at: path()) }
        return exact
    }

    private func outOfRange(_ type: Any.Type, at path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "does not fit in \(type)"))
    }

    fileprivate func mismatch(_ type: Any.Type, at path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        if isNull {
            return .valueNotFound(type, .init(codingPath: path(), debugDescription: "Expected \(type) but found null"))
        }
        return .typeMismatch(
            type,
            .init(codingPath: path(), debugDescription: "Expected \(type) but found \(kindName)")
        )
    }
}

private struct TreeDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw value.mismatch([String: Any].self, at: codingPath) }
        return KeyedDecodingContainer(KeyedTreeContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw value.mismatch([Any].self, at: codingPath) }
        return UnkeyedTreeContainer(elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        SingleTreeContainer(value: value, codingPath: codingPath)
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    private func member(_ key: Key) -> JSONValue? { object[key.stringValue] }

    private func required(_ key: Key) throws -> JSONValue {
        guard let value = member(key) else {
            throw DecodingError.keyNotFound(
                key,
                .init(codingPath: codingPath, debugDescription: "No value associated with key \"\(key.stringValue)\"")
            )
        }
        return value
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try required(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try required(key).decode(type, at: codingPath + [key])
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = member(key), !value.isNull else { return nil }
        return try value.decode(type, at: codingPath + [key])
    }

    private func decoder(forKey key: Key) throws -> TreeDecoder {
        TreeDecoder(value: try required(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = SuperKey()
        return TreeDecoder(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(value: member(key) ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The coding path of the next element.
    private var path: [any CodingKey] { codingPath + [IndexKey(currentIndex)] }

    /// The next element; past the end, `valueNotFound`.
    private func next(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(codingPath: path, debugDescription: "Unkeyed container is at end.")
            )
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard try next(Never?.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoded = try next(type).decode(type, at: path)
        currentIndex += 1
        return decoded
    }

    /// A decoder of the next element; the caller moves past the element once it has what it needs from it.
    private func nextDecoder(_ type: Any.Type) throws -> TreeDecoder {
        TreeDecoder(value: try next(type), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try nextDecoder(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try nextDecoder((any UnkeyedDecodingContainer).self).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try nextDecoder((any Decoder).self)
        currentIndex += 1
        return decoder
    }
}

private struct SingleTreeContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try value.bool(at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try value.string(at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try value.double(at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try value.double(at: codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try value.integer(type, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try value.integer(type, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try value.integer(type, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try value.integer(type, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try value.integer(type, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try value.integer(type, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try value.integer(type, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try value.integer(type, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try value.integer(type, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try value.integer(type, at: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decode(type, at: codingPath) }
}
