/// A JSON document as the strict parser reads it: numbers are exact, object keys are unique and keep
/// their order, and a boolean is never a number.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON Schema type name of this value ("integer" is reported for numbers with no fraction).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    // Strings compare by code points, not by Swift's canonical equivalence: JSON Schema treats "é" and
    // "e\u{301}" as different values. Hashing stays String's, which is consistent with this stricter equality.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.string(let left), .string(let right)): left.utf8.elementsEqual(right.utf8)
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let bool): hasher.combine(bool)
        case .number(let number): hasher.combine(number)
        case .string(let string): hasher.combine(string)
        case .array(let array): hasher.combine(array)
        case .object(let object): hasher.combine(object)
        }
    }
}

/// A dictionary key that compares by code points (see `JSONValue.==`).
struct CodePointKey: Hashable, Sendable {
    let string: String

    static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}

/// A JSON object: unique keys in document order. Small objects are searched linearly (most JSON objects are
/// small, and a flat array is far more compact than a hash table); large ones also keep a key index.
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Member = (key: String, value: JSONValue)

    private var members: [Member]
    private var index: [CodePointKey: Int]?

    /// Objects with more members than this get an index.
    static let linearSearchLimit = 12

    public init() {
        members = []
    }

    /// Builds an object from pairs; a later duplicate key replaces the earlier value but keeps its position.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// Builds an object from members already known to be unique, or returns the position of the first repeated key.
    static func make(uniqueMembers members: [Member]) -> Result<JSONObject, DuplicateKey> {
        var object = JSONObject()
        object.members = members
        if members.count > linearSearchLimit {
            var index: [CodePointKey: Int] = [:]
            index.reserveCapacity(members.count)
            for position in members.indices
            where index.updateValue(position, forKey: CodePointKey(string: members[position].key)) != nil {
                return .failure(DuplicateKey(position: position))
            }
            object.index = index
        } else {
            for position in members.indices.dropFirst() {
                let key = members[position].key
                if members[..<position].contains(where: { sameKey($0.key, key) }) {
                    return .failure(DuplicateKey(position: position))
                }
            }
        }
        return .success(object)
    }

    struct DuplicateKey: Error {
        let position: Int
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    private static func sameKey(_ left: String, _ right: String) -> Bool {
        // `==` is canonical equivalence; equal code points imply it, so it is a cheap first filter.
        left == right && left.utf8.elementsEqual(right.utf8)
    }

    private func position(of key: String) -> Int? {
        if let index { return index[CodePointKey(string: key)] }
        return members.firstIndex { Self.sameKey($0.key, key) }
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let existing = position(of: key) {
                if let newValue {
                    members[existing].value = newValue
                } else {
                    members.remove(at: existing)
                    rebuildIndex()
                }
            } else if let newValue {
                members.append((key, newValue))
                if index != nil {
                    index![CodePointKey(string: key)] = members.count - 1
                } else if members.count > Self.linearSearchLimit {
                    rebuildIndex()
                }
            }
        }
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.linearSearchLimit else {
            index = nil
            return
        }
        index = Dictionary(uniqueKeysWithValues: members.indices.map { (CodePointKey(string: members[$0].key), $0) })
    }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }

    // Equality and hashing ignore key order, as JSON Schema's equality does.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in rhs[member.key] == member.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        // An order-independent combination of the members' hashes.
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(combined)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
