/// One schema location after compilation. Nodes live in an array and refer to each other by index, so
/// recursive schemas need no reference cycles and the whole compiled schema is a plain `Sendable` value.
struct CompiledNode: Sendable {
    enum Body: Sendable {
        case always(Bool)
        case keywords([KeywordEntry])
    }

    var body: Body
    /// The absolute URI of this location: its resource's URI with a JSON-pointer fragment.
    var absoluteLocation: String
    /// The schema resource this node belongs to, for `$dynamicRef` scopes.
    var resource: Int
    /// True when this node or an in-place subschema needs to know which properties or items were evaluated.
    var collectsAnnotations: Bool
}

struct KeywordEntry: Sendable {
    var name: String
    var keyword: Keyword
}

struct PatternSchema: Sendable {
    var source: String
    var regex: ECMARegex
    var node: Int
}

struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array), ("number", .number),
        ("string", .string), ("integer", .integer),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let match = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        }
    }

    var description: String {
        let names = Self.names.filter { contains($0.1) }.map(\.0)
        return names.count == 1 ? names[0] : "one of " + names.joined(separator: ", ")
    }
}

indirect enum Keyword: Sendable {
    case reference(node: Int)
    /// `$dynamicRef` whose initial target carries a matching `$dynamicAnchor`: resolved through the dynamic scope.
    case dynamicReference(anchor: String, fallback: Int)
    case type(TypeSet)
    case enumeration([JSONValue])
    case constant(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber, exclusive: Bool)
    case minimum(JSONNumber, exclusive: Bool)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex, source: String)
    case format(String, asserted: Bool)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(property: String, required: [String])])
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(property: String, node: Int)])
    /// The declared properties in schema order (for stable error order) and by name (for lookups).
    case properties([(name: String, node: Int)], lookup: [String: Int])
    case patternProperties([PatternSchema])
    /// Applies to properties matched by neither the sibling `properties` names nor its patterns.
    case additionalProperties(node: Int, declared: Set<String>, patterns: [ECMARegex])
    case propertyNames(Int)
    case prefixItems([Int])
    /// Applies to the items after the first `startIndex` (those covered by `prefixItems` or draft-07 array `items`).
    case items(node: Int, startIndex: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
}
