/// Why a schema cannot be used, and where in it.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// The absolute URI (with JSON-pointer fragment) of the offending schema location.
    public let location: String
    public let message: String
    /// For a schema that breaks its meta-schema: what the meta-schema reported.
    public let metaSchemaErrors: [ValidationError]

    init(location: String, message: String, metaSchemaErrors: [ValidationError] = []) {
        self.location = location
        self.message = message
        self.metaSchemaErrors = metaSchemaErrors
    }

    public var description: String {
        ([message + " (at \(location))"] + metaSchemaErrors.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// A place in one of the registry's documents.
private struct SchemaLocation: Hashable {
    var document: String
    var pointer: JSONPointer
}

/// What indexing learned about a schema location: its base URI, its resource root and dialect.
private struct LocationInfo {
    var base: URIReference
    var resourceRoot: SchemaLocation
    var dialect: Dialect
}

/// Turns schema documents into `CompiledNode`s: indexes `$id`, `$anchor` and `$dynamicAnchor`, resolves every
/// reference once, and compiles regular expressions once.
struct SchemaCompiler {
    private let registry: SchemaRegistry
    private let defaultDialect: Dialect
    private let assertFormat: Bool
    private var indexedDocuments: Set<String> = []
    private var resources: [String: SchemaLocation] = [:]
    private var anchors: [String: SchemaLocation] = [:]
    private var dynamicAnchors: [SchemaLocation: [String: SchemaLocation]] = [:]
    private var infos: [SchemaLocation: LocationInfo] = [:]
    private var customDialects: [String: Dialect] = [:]

    private(set) var nodes: [CompiledNode] = []
    private var nodeIndexes: [SchemaLocation: Int] = [:]
    private var resourceIndexes: [SchemaLocation: Int] = [:]
    private(set) var resourceDynamicAnchors: [[String: Int]] = []

    init(registry: SchemaRegistry, defaultDialect: Dialect, assertFormat: Bool) {
        self.registry = registry
        self.defaultDialect = defaultDialect
        self.assertFormat = assertFormat
    }

    /// Compiles the document registered at `uri` and returns the index of its root node.
    mutating func compileRoot(uri: String) throws(SchemaError) -> Int {
        let key = URIReference(uri).withoutFragment.text
        try indexDocument(key)
        let root = try node(at: SchemaLocation(document: key, pointer: JSONPointer()))
        try propagateAnnotationNeeds()
        return root
    }

    // MARK: Indexing

    private mutating func indexDocument(_ key: String) throws(SchemaError) {
        guard !indexedDocuments.contains(key) else { return }
        guard let document = registry.documents[key] else {
            throw SchemaError(location: key, message: "no schema is registered at \(key)")
        }
        indexedDocuments.insert(key)
        let root = SchemaLocation(document: key, pointer: JSONPointer())
        resources[key] = root
        try index(document, at: root, base: URIReference(key), dialect: defaultDialect, resourceRoot: root)
    }

    private mutating func index(
        _ value: JSONValue,
        at location: SchemaLocation,
        base: URIReference,
        dialect: Dialect,
        resourceRoot: SchemaLocation
    ) throws(SchemaError) {
        guard case .object(let object) = value else {
            infos[location] = LocationInfo(base: base, resourceRoot: resourceRoot, dialect: dialect)
            return
        }
        var dialect = dialect
        var base = base
        var resourceRoot = resourceRoot
        if let metaSchema = object["$schema"] {
            guard case .string(let uri) = metaSchema else {
                throw SchemaError(location: describe(location, base), message: "$schema must be a string")
            }
            dialect = try self.dialect(named: uri, at: location)
        }
        switch dialect.draft {
        case .draft2020_12:
            if let id = object["$id"] {
                guard case .string(let text) = id else {
                    throw SchemaError(location: describe(location, base), message: "$id must be a string")
                }
                let resolved = base.resolving(URIReference(text))
                if let fragment = resolved.fragment, !fragment.isEmpty {
                    throw SchemaError(
                        location: describe(location, base),
                        message: "$id \"\(text)\" must not have a fragment; use $anchor instead"
                    )
                }
                base = resolved.withoutFragment
                resourceRoot = location
                resources[base.text] = location
            }
            for keyword in ["$anchor", "$dynamicAnchor"] {
                guard let anchor = object[keyword] else { continue }
                guard case .string(let name) = anchor, Self.isValidAnchorName(name) else {
                    throw SchemaError(
                        location: describe(location, base),
                        message: "\(keyword) must be a plain name (letters, digits, '-', '_', '.', ':')"
                    )
                }
                anchors[base.text + "#" + name] = location
                if keyword == "$dynamicAnchor" { dynamicAnchors[resourceRoot, default: [:]][name] = location }
            }
        case .draft7:
            if object["$ref"] == nil, case .string(let text) = object["$id"] {
                let resolved = base.resolving(URIReference(text))
                if let fragment = resolved.fragment, !fragment.isEmpty {
                    anchors[resolved.withoutFragment.text + "#" + fragment] = location
                }
                if !text.hasPrefix("#") {
                    base = resolved.withoutFragment
                    resourceRoot = location
                    resources[base.text] = location
                }
            }
        }
        infos[location] = LocationInfo(base: base, resourceRoot: resourceRoot, dialect: dialect)
        for (keyword, child) in object {
            switch SubschemaShape.of(keyword, in: dialect.draft, value: child) {
            case .single:
                try index(
                    child,
                    at: location.appending(keyword),
                    base: base,
                    dialect: dialect,
                    resourceRoot: resourceRoot
                )
            case .array:
                for (offset, element) in (child.arrayValue ?? []).enumerated() {
                    try index(
                        element,
                        at: location.appending(keyword).appending(String(offset)),
                        base: base,
                        dialect: dialect,
                        resourceRoot: resourceRoot
                    )
                }
            case .map:
                for (name, element) in child.objectValue ?? JSONObject() {
                    try index(
                        element,
                        at: location.appending(keyword).appending(name),
                        base: base,
                        dialect: dialect,
                        resourceRoot: resourceRoot
                    )
                }
            case nil:
                continue
            }
        }
    }

    private static func isValidAnchorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "-_.:".unicodeScalars.contains(scalar))
        }
    }

    private mutating func dialect(named uri: String, at location: SchemaLocation) throws(SchemaError) -> Dialect {
        if let known = Dialect.wellKnown(uri) { return known }
        let key = URIReference(uri).withoutFragment.text
        if let cached = customDialects[key] { return cached }
        guard let metaSchema = registry.documents[key] else {
            throw SchemaError(location: location.document, message: "unknown meta-schema \"\(uri)\" in $schema")
        }
        var base = Dialect.draft2020_12
        if let parent = metaSchema["$schema"]?.stringValue, parent != uri, let known = Dialect.wellKnown(parent) {
            base = known
        }
        guard case .object(let declared) = metaSchema["$vocabulary"] else {
            customDialects[key] = base
            return base
        }
        var vocabularies: Set<Dialect.Vocabulary> = []
        for (vocabularyURI, required) in declared {
            if vocabularyURI.hasPrefix(Dialect.vocabularyURIPrefix),
                let vocabulary = Dialect.Vocabulary(
                    rawValue: String(vocabularyURI.dropFirst(Dialect.vocabularyURIPrefix.count))
                )
            {
                vocabularies.insert(vocabulary)
            } else if required == .bool(true) {
                throw SchemaError(
                    location: key,
                    message: "the meta-schema requires the unsupported vocabulary \(vocabularyURI)"
                )
            }
        }
        let dialect = Dialect(draft: base.draft, vocabularies: vocabularies)
        customDialects[key] = dialect
        return dialect
    }

    // MARK: Resolution

    private mutating func info(for location: SchemaLocation) throws(SchemaError) -> LocationInfo {
        if let known = infos[location] { return known }
        // A location reached only through a JSON pointer (for example inside an unknown keyword):
        // index it with what its nearest indexed ancestor knows.
        var ancestor = location.pointer.tokens
        while !ancestor.isEmpty {
            ancestor.removeLast()
            let candidate = SchemaLocation(document: location.document, pointer: JSONPointer(tokens: ancestor))
            guard let parent = infos[candidate] else { continue }
            guard let value = location.pointer.resolve(in: registry.documents[location.document]!) else { break }
            try index(
                value,
                at: location,
                base: parent.base,
                dialect: parent.dialect,
                resourceRoot: parent.resourceRoot
            )
            return infos[location]!
        }
        throw SchemaError(
            location: location.document + "#" + location.pointer.description,
            message: "no such schema location"
        )
    }

    private mutating func locate(
        _ reference: String,
        from info: LocationInfo,
        at keywordLocation: String
    )
        throws(SchemaError) -> SchemaLocation
    {
        let target = info.base.resolving(URIReference(reference))
        let resourceKey = target.withoutFragment.text
        if resources[resourceKey] == nil, registry.documents[resourceKey] != nil {
            try indexDocument(resourceKey)
        }
        guard let resource = resources[resourceKey] else {
            throw SchemaError(
                location: keywordLocation,
                message: "cannot resolve the reference \"\(reference)\": no schema is known at \(resourceKey)"
            )
        }
        let fragment = target.fragment ?? ""
        if fragment.isEmpty { return resource }
        if fragment.hasPrefix("/") {
            guard let decoded = fragment.percentDecoded, let pointer = JSONPointer(decoded),
                resource.pointer.appending(pointer).resolve(in: registry.documents[resource.document]!) != nil
            else {
                throw SchemaError(
                    location: keywordLocation,
                    message:
                        "cannot resolve the reference \"\(reference)\": the JSON pointer #\(fragment) leads nowhere"
                )
            }
            return SchemaLocation(document: resource.document, pointer: resource.pointer.appending(pointer))
        }
        guard let anchored = anchors[resourceKey + "#" + fragment] else {
            throw SchemaError(
                location: keywordLocation,
                message: "cannot resolve the reference \"\(reference)\": no anchor \"\(fragment)\" in \(resourceKey)"
            )
        }
        return anchored
    }

    private func describe(_ location: SchemaLocation, _ base: URIReference) -> String {
        base.text + "#" + location.pointer.description
    }

    // MARK: Compilation

    private mutating func resourceIndex(for root: SchemaLocation) throws(SchemaError) -> Int {
        if let existing = resourceIndexes[root] { return existing }
        let index = resourceDynamicAnchors.count
        resourceIndexes[root] = index
        resourceDynamicAnchors.append([:])
        // Every dynamic anchor of a resource that evaluation can enter must be compiled, since the dynamic
        // scope may select it.
        for (name, location) in dynamicAnchors[root] ?? [:] {
            resourceDynamicAnchors[index][name] = try node(at: location)
        }
        return index
    }

    private mutating func node(at location: SchemaLocation) throws(SchemaError) -> Int {
        if let existing = nodeIndexes[location] { return existing }
        let info = try info(for: location)
        guard let value = location.pointer.resolve(in: registry.documents[location.document]!) else {
            throw SchemaError(
                location: location.document + "#" + location.pointer.description,
                message: "no such schema location"
            )
        }
        let relativePointer = JSONPointer(
            tokens: Array(location.pointer.tokens.dropFirst(info.resourceRoot.pointer.tokens.count))
        )
        let absoluteLocation = info.base.text + "#" + relativePointer.description
        let index = nodes.count
        nodeIndexes[location] = index
        nodes.append(
            CompiledNode(
                body: .always(true),
                absoluteLocation: absoluteLocation,
                resource: -1,
                collectsAnnotations: false
            )
        )
        let resource = try resourceIndex(for: info.resourceRoot)
        let body: CompiledNode.Body
        switch value {
        case .bool(let verdict):
            body = .always(verdict)
        case .object(let object):
            var context = KeywordContext(
                location: location,
                info: info,
                absoluteLocation: absoluteLocation,
                object: object
            )
            body = .keywords(try compileKeywords(&context))
        default:
            throw SchemaError(
                location: absoluteLocation,
                message: "a schema must be an object or a boolean, found \(value.typeName)"
            )
        }
        nodes[index].body = body
        nodes[index].resource = resource
        return index
    }

    fileprivate struct KeywordContext {
        var location: SchemaLocation
        var info: LocationInfo
        var absoluteLocation: String
        var object: JSONObject

        func keywordLocation(_ keyword: String) -> String {
            absoluteLocation + "/" + keyword
        }

        func fail(_ keyword: String, _ message: String) -> SchemaError {
            SchemaError(location: keywordLocation(keyword), message: message)
        }
    }

    private mutating func compileKeywords(_ context: inout KeywordContext) throws(SchemaError) -> [KeywordEntry] {
        let object = context.object
        let dialect = context.info.dialect
        var entries: [KeywordEntry] = []
        var trailing: [KeywordEntry] = []

        func add(_ name: String, _ keyword: Keyword) { entries.append(KeywordEntry(name: name, keyword: keyword)) }

        if dialect.draft == .draft7, let reference = object["$ref"] {
            // In draft-07 a $ref makes every sibling keyword ignored.
            add("$ref", .reference(node: try referenceNode(reference, keyword: "$ref", context)))
            return entries
        }
        if let reference = object["$ref"] {
            add("$ref", .reference(node: try referenceNode(reference, keyword: "$ref", context)))
        }
        if dialect.draft == .draft2020_12, let reference = object["$dynamicRef"] {
            add("$dynamicRef", try dynamicReference(reference, context))
        }
        if dialect.enables(.validation) {
            try compileValidation(object, context, add: add)
        }
        if dialect.enables(.formatAnnotation) || dialect.enables(.formatAssertion), let format = object["format"] {
            guard case .string(let name) = format else { throw context.fail("format", "format must be a string") }
            add("format", .format(name, asserted: assertFormat || dialect.enables(.formatAssertion)))
        }
        if dialect.enables(.applicator) {
            try compileApplicators(object, context, add: add)
        }
        if dialect.enables(.unevaluated) {
            // Evaluated last: they depend on what every sibling keyword evaluated.
            if let schema = object["unevaluatedItems"] {
                trailing.append(
                    KeywordEntry(
                        name: "unevaluatedItems",
                        keyword: .unevaluatedItems(try subschema("unevaluatedItems", schema, context))
                    )
                )
            }
            if let schema = object["unevaluatedProperties"] {
                trailing.append(
                    KeywordEntry(
                        name: "unevaluatedProperties",
                        keyword: .unevaluatedProperties(try subschema("unevaluatedProperties", schema, context))
                    )
                )
            }
        }
        return entries + trailing
    }

    private mutating func referenceNode(
        _ value: JSONValue,
        keyword: String,
        _ context: KeywordContext
    ) throws(SchemaError) -> Int {
        guard case .string(let reference) = value else { throw context.fail(keyword, "\(keyword) must be a string") }
        return try node(at: locate(reference, from: context.info, at: context.keywordLocation(keyword)))
    }

    private mutating func dynamicReference(_ value: JSONValue, _ context: KeywordContext) throws(SchemaError) -> Keyword
    {
        guard case .string(let reference) = value else {
            throw context.fail("$dynamicRef", "$dynamicRef must be a string")
        }
        let targetLocation = try locate(reference, from: context.info, at: context.keywordLocation("$dynamicRef"))
        let target = try node(at: targetLocation)
        let fragment = URIReference(reference).fragment ?? ""
        // Only a reference whose initial target carries the same $dynamicAnchor is dynamic ("bookending").
        if !fragment.isEmpty, !fragment.hasPrefix("/"),
            registry.documents[targetLocation.document]!.resolving(targetLocation.pointer)?["$dynamicAnchor"]
                == .string(fragment)
        {
            return .dynamicReference(anchor: fragment, fallback: target)
        }
        return .reference(node: target)
    }

    private mutating func subschema(
        _ keyword: String,
        _ value: JSONValue,
        _ context: KeywordContext
    ) throws(SchemaError) -> Int {
        guard value.objectValue != nil || value.boolValue != nil else {
            throw context.fail(keyword, "\(keyword) must be a schema (an object or a boolean)")
        }
        return try node(at: context.location.appending(keyword))
    }

    private mutating func subschemaArray(
        _ keyword: String,
        _ value: JSONValue,
        _ context: KeywordContext
    ) throws(SchemaError) -> [Int] {
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw context.fail(keyword, "\(keyword) must be a non-empty array of schemas")
        }
        var result: [Int] = []
        for offset in elements.indices {
            guard elements[offset].objectValue != nil || elements[offset].boolValue != nil else {
                throw context.fail(keyword + "/\(offset)", "each element of \(keyword) must be a schema")
            }
            result.append(try node(at: context.location.appending(keyword).appending(String(offset))))
        }
        return result
    }

    private mutating func subschemaMap(
        _ keyword: String,
        _ value: JSONValue,
        _ context: KeywordContext
    ) throws(SchemaError)
        -> [(String, Int)]
    {
        guard case .object(let map) = value else {
            throw context.fail(keyword, "\(keyword) must be an object of schemas")
        }
        var result: [(String, Int)] = []
        for (name, element) in map {
            guard element.objectValue != nil || element.boolValue != nil else {
                throw context.fail(
                    keyword + "/" + JSONPointer.escape(name),
                    "each value of \(keyword) must be a schema"
                )
            }
            result.append((name, try node(at: context.location.appending(keyword).appending(name))))
        }
        return result
    }

    private func regex(_ source: String, keyword: String, _ context: KeywordContext) throws(SchemaError) -> ECMARegex {
        do {
            return try ECMARegex(source)
        } catch {
            throw context.fail(keyword, error.description)
        }
    }

    private func compileValidation(
        _ object: JSONObject,
        _ context: KeywordContext,
        add: (String, Keyword) -> Void
    ) throws(SchemaError) {
        if let type = object["type"] {
            var set: TypeSet = []
            let names: [JSONValue] = type.arrayValue ?? [type]
            for name in names {
                guard case .string(let text) = name, let member = TypeSet(name: text) else {
                    throw context.fail(
                        "type",
                        "type must be one of null, boolean, object, array, number, string, integer, or an array of them"
                    )
                }
                set.insert(member)
            }
            add("type", .type(set))
        }
        if let values = object["enum"] {
            guard case .array(let array) = values else { throw context.fail("enum", "enum must be an array") }
            add("enum", .enumeration(array))
        }
        if let value = object["const"] { add("const", .constant(value)) }
        if let value = object["multipleOf"] {
            guard case .number(let number) = value, !number.isNegative, !number.isZero else {
                throw context.fail("multipleOf", "multipleOf must be a number greater than 0")
            }
            add("multipleOf", .multipleOf(number))
        }
        for (keyword, isMaximum, exclusive) in [
            ("maximum", true, false), ("exclusiveMaximum", true, true), ("minimum", false, false),
            ("exclusiveMinimum", false, true),
        ] {
            guard let value = object[keyword] else { continue }
            guard case .number(let limit) = value else { throw context.fail(keyword, "\(keyword) must be a number") }
            add(keyword, isMaximum ? .maximum(limit, exclusive: exclusive) : .minimum(limit, exclusive: exclusive))
        }
        let counts: [(String, (Int) -> Keyword)] = [
            ("maxLength", Keyword.maxLength), ("minLength", Keyword.minLength), ("maxItems", Keyword.maxItems),
            ("minItems", Keyword.minItems), ("maxProperties", Keyword.maxProperties),
            ("minProperties", Keyword.minProperties),
        ]
        for (keyword, make) in counts {
            guard let value = object[keyword] else { continue }
            add(keyword, make(try count(value, keyword, context)))
        }
        if let value = object["pattern"] {
            guard case .string(let source) = value else { throw context.fail("pattern", "pattern must be a string") }
            add("pattern", .pattern(try regex(source, keyword: "pattern", context), source: source))
        }
        if let value = object["uniqueItems"] {
            guard case .bool(let unique) = value else {
                throw context.fail("uniqueItems", "uniqueItems must be a boolean")
            }
            if unique { add("uniqueItems", .uniqueItems) }
        }
        if let value = object["required"] {
            add("required", .required(try stringArray(value, "required", context)))
        }
        if let value = object["dependentRequired"] {
            guard case .object(let map) = value else {
                throw context.fail("dependentRequired", "dependentRequired must be an object of string arrays")
            }
            var pairs: [(property: String, required: [String])] = []
            for (property, names) in map {
                pairs.append((property, try stringArray(names, "dependentRequired", context)))
            }
            add("dependentRequired", .dependentRequired(pairs))
        }
    }

    private func count(_ value: JSONValue, _ keyword: String, _ context: KeywordContext) throws(SchemaError) -> Int {
        guard case .number(let number) = value, number.isInteger, !number.isNegative else {
            throw context.fail(keyword, "\(keyword) must be a non-negative integer")
        }
        return number.intValue ?? Int.max
    }

    private func stringArray(
        _ value: JSONValue,
        _ keyword: String,
        _ context: KeywordContext
    ) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else {
            throw context.fail(keyword, "\(keyword) must be an array of strings")
        }
        var strings: [String] = []
        for element in elements {
            guard case .string(let string) = element else {
                throw context.fail(keyword, "\(keyword) must be an array of strings")
            }
            strings.append(string)
        }
        return strings
    }

    private mutating func compileApplicators(
        _ object: JSONObject,
        _ context: KeywordContext,
        add: (String, Keyword) -> Void
    ) throws(SchemaError) {
        let draft = context.info.dialect.draft
        for (keyword, make) in [("allOf", Keyword.allOf), ("anyOf", Keyword.anyOf), ("oneOf", Keyword.oneOf)] {
            guard let value = object[keyword] else { continue }
            add(keyword, make(try subschemaArray(keyword, value, context)))
        }
        if let value = object["not"] { add("not", .not(try subschema("not", value, context))) }
        if let condition = object["if"] {
            add(
                "if",
                .conditional(
                    if: try subschema("if", condition, context),
                    then: try object["then"].map { value throws(SchemaError) in try subschema("then", value, context) },
                    else: try object["else"].map { value throws(SchemaError) in try subschema("else", value, context) }
                )
            )
        }
        var declared: [String: Int] = [:]
        if let value = object["properties"] {
            let ordered = try subschemaMap("properties", value, context)
            for (name, node) in ordered { declared[name] = node }
            add("properties", .properties(ordered.map { (name: $0.0, node: $0.1) }, lookup: declared))
        }
        var patterns: [PatternSchema] = []
        if let value = object["patternProperties"] {
            for (source, node) in try subschemaMap("patternProperties", value, context) {
                patterns.append(
                    PatternSchema(
                        source: source,
                        regex: try regex(source, keyword: "patternProperties", context),
                        node: node
                    )
                )
            }
            add("patternProperties", .patternProperties(patterns))
        }
        if let value = object["additionalProperties"] {
            add(
                "additionalProperties",
                .additionalProperties(
                    node: try subschema("additionalProperties", value, context),
                    declared: Set(declared.keys),
                    patterns: patterns.map(\.regex)
                )
            )
        }
        if let value = object["propertyNames"] {
            add("propertyNames", .propertyNames(try subschema("propertyNames", value, context)))
        }
        let dependencyKeyword = draft == .draft7 ? "dependencies" : "dependentSchemas"
        if let value = object[dependencyKeyword] {
            guard case .object(let map) = value else {
                throw context.fail(dependencyKeyword, "\(dependencyKeyword) must be an object")
            }
            var schemas: [(property: String, node: Int)] = []
            var required: [(property: String, required: [String])] = []
            for (property, dependency) in map {
                if draft == .draft7, case .array = dependency {
                    required.append((property, try stringArray(dependency, dependencyKeyword, context)))
                } else {
                    guard dependency.objectValue != nil || dependency.boolValue != nil else {
                        throw context.fail(dependencyKeyword, "each value of \(dependencyKeyword) must be a schema")
                    }
                    schemas.append(
                        (property, try node(at: context.location.appending(dependencyKeyword).appending(property)))
                    )
                }
            }
            if !required.isEmpty { add(dependencyKeyword, .dependentRequired(required)) }
            if !schemas.isEmpty { add(dependencyKeyword, .dependentSchemas(schemas)) }
        }
        try compileItems(object, context, add: add)
    }

    private mutating func compileItems(
        _ object: JSONObject,
        _ context: KeywordContext,
        add: (String, Keyword) -> Void
    ) throws(SchemaError) {
        switch context.info.dialect.draft {
        case .draft2020_12:
            var prefixCount = 0
            if let value = object["prefixItems"] {
                let prefix = try subschemaArray("prefixItems", value, context)
                prefixCount = prefix.count
                add("prefixItems", .prefixItems(prefix))
            }
            if let value = object["items"] {
                add("items", .items(node: try subschema("items", value, context), startIndex: prefixCount))
            }
        case .draft7:
            if case .array = object["items"] {
                let prefix = try subschemaArray("items", object["items"]!, context)
                add("items", .prefixItems(prefix))
                if let value = object["additionalItems"] {
                    add(
                        "additionalItems",
                        .items(node: try subschema("additionalItems", value, context), startIndex: prefix.count)
                    )
                }
            } else if let value = object["items"] {
                add("items", .items(node: try subschema("items", value, context), startIndex: 0))
            }
        }
        if let value = object["contains"] {
            let node = try subschema("contains", value, context)
            var minimum = 1
            var maximum: Int?
            if context.info.dialect.draft == .draft2020_12, context.info.dialect.enables(.validation) {
                if let value = object["minContains"] { minimum = try count(value, "minContains", context) }
                if let value = object["maxContains"] { maximum = try count(value, "maxContains", context) }
            }
            add("contains", .contains(node: node, minimum: minimum, maximum: maximum))
        }
    }

    /// Marks every node that must report evaluated properties or items: those with `unevaluated*` and, transitively,
    /// the in-place subschemas they depend on.
    private mutating func propagateAnnotationNeeds() throws(SchemaError) {
        var pending: [Int] = []
        for index in nodes.indices where nodes[index].needsUnevaluated {
            pending.append(index)
        }
        while let index = pending.popLast() {
            guard !nodes[index].collectsAnnotations else { continue }
            nodes[index].collectsAnnotations = true
            pending.append(contentsOf: nodes[index].inPlaceSubschemas(dynamicTargets: resourceDynamicAnchors))
        }
    }
}

extension CompiledNode {
    fileprivate var needsUnevaluated: Bool {
        guard case .keywords(let entries) = body else { return false }
        return entries.contains { entry in
            switch entry.keyword {
            case .unevaluatedItems, .unevaluatedProperties: true
            default: false
            }
        }
    }

    /// Subschemas applied to the same instance location, whose annotations this node's `unevaluated*` can see.
    fileprivate func inPlaceSubschemas(dynamicTargets: [[String: Int]]) -> [Int] {
        guard case .keywords(let entries) = body else { return [] }
        var result: [Int] = []
        for entry in entries {
            switch entry.keyword {
            case .reference(let node): result.append(node)
            case .dynamicReference(let anchor, let fallback):
                result.append(fallback)
                result.append(contentsOf: dynamicTargets.compactMap { $0[anchor] })
            case .allOf(let nodes), .anyOf(let nodes), .oneOf(let nodes): result.append(contentsOf: nodes)
            case .conditional(let condition, let then, let otherwise):
                result.append(condition)
                result.append(contentsOf: [then, otherwise].compactMap { $0 })
            case .dependentSchemas(let pairs): result.append(contentsOf: pairs.map(\.node))
            default: continue
            }
        }
        return result
    }
}

extension SchemaLocation {
    fileprivate func appending(_ token: String) -> SchemaLocation {
        SchemaLocation(document: document, pointer: pointer.appending(token))
    }
}

extension JSONValue {
    fileprivate func resolving(_ pointer: JSONPointer) -> JSONValue? {
        pointer.resolve(in: self)
    }
}

/// Where a keyword keeps its subschemas, per draft; nil for keywords that hold none.
private enum SubschemaShape {
    case single, array, map

    static func of(_ keyword: String, in draft: Dialect.Draft, value: JSONValue) -> SubschemaShape? {
        switch keyword {
        case "additionalProperties", "contains", "if", "then", "else", "not", "propertyNames", "unevaluatedItems",
            "unevaluatedProperties", "contentSchema", "additionalItems":
            return .single
        case "items":
            if case .array = value { return .array }
            return .single
        case "allOf", "anyOf", "oneOf", "prefixItems":
            return .array
        case "$defs", "definitions", "properties", "patternProperties", "dependentSchemas":
            return .map
        case "dependencies":
            return draft == .draft7 ? .map : nil
        default:
            return nil
        }
    }
}
