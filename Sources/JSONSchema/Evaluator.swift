/// What a successful subschema evaluated, for `unevaluatedProperties` and `unevaluatedItems`.
struct Annotations {
    var properties: Set<String> = []
    var allProperties = false
    /// Items `0..<itemPrefix` were evaluated.
    var itemPrefix = 0
    var allItems = false
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if other.allProperties {
            allProperties = true
        } else if !other.properties.isEmpty {
            properties.formUnion(other.properties)
        }
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !other.items.isEmpty { items.formUnion(other.items) }
    }

    func evaluated(property: String) -> Bool { allProperties || properties.contains(property) }
    func evaluated(item: Int) -> Bool { allItems || item < itemPrefix || items.contains(item) }
}

private enum PathToken {
    case key(String)
    case index(Int)

    var text: String {
        switch self {
        case .key(let key): JSONPointer.escape(key)
        case .index(let index): String(index)
        }
    }
}

/// Applies a compiled schema to one instance. In flag mode (no error collection) it stops at the first failure;
/// otherwise it keeps going and records every error with its locations.
struct Evaluator {
    private let nodes: [CompiledNode]
    private let dynamicAnchors: [[String: Int]]
    private var collectsErrors: Bool
    private(set) var errors: [ValidationError] = []
    private var keywordPath: [PathToken] = []
    private var instancePath: [PathToken] = []
    private var dynamicScope: [Int] = []
    /// References followed without moving to a child instance; a cycle of references never ends.
    private var referenceDepth = 0
    private static let maximumReferenceDepth = 256

    init(nodes: [CompiledNode], dynamicAnchors: [[String: Int]], collectsErrors: Bool) {
        self.nodes = nodes
        self.dynamicAnchors = dynamicAnchors
        self.collectsErrors = collectsErrors
    }

    mutating func evaluate(_ index: Int, _ instance: JSONValue) -> (valid: Bool, annotations: Annotations) {
        let node = nodes[index]
        switch node.body {
        case .always(let verdict):
            if !verdict { fail("no value is allowed here (the schema is false)", node: node, keyword: nil) }
            return (verdict, Annotations())
        case .keywords(let entries):
            let entersResource = dynamicScope.last != node.resource
            if entersResource { dynamicScope.append(node.resource) }
            defer { if entersResource { dynamicScope.removeLast() } }
            var valid = true
            var annotations = Annotations()
            for entry in entries {
                push(keyword: entry.name)
                let passed = apply(entry, to: instance, node: node, annotations: &annotations)
                popKeyword()
                if !passed {
                    valid = false
                    if !collectsErrors { break }
                }
            }
            return (valid, valid ? annotations : Annotations())
        }
    }

    // MARK: Paths and errors

    private mutating func push(keyword: String) {
        if collectsErrors { keywordPath.append(.key(keyword)) }
    }

    private mutating func push(keywordIndex: Int) {
        if collectsErrors { keywordPath.append(.index(keywordIndex)) }
    }

    private mutating func popKeyword() {
        if collectsErrors { keywordPath.removeLast() }
    }

    private mutating func fail(_ message: @autoclosure () -> String, node: CompiledNode, keyword: String?) {
        guard collectsErrors else { return }
        let absolute = node.absoluteLocation + (keyword.map { "/" + $0 } ?? "")
        errors.append(
            ValidationError(
                keywordLocation: keywordPath.map { "/" + $0.text }.joined(),
                absoluteKeywordLocation: absolute,
                instanceLocation: instancePath.map { "/" + $0.text }.joined(),
                message: message()
            )
        )
    }

    /// Runs `body` in flag mode: for subschemas whose errors only matter through the caller's verdict (`not`, `if`,
    /// `contains`, a first pass over `anyOf`), so that no error text is built only to be thrown away.
    private mutating func withoutErrors<Result>(_ body: (inout Evaluator) -> Result) -> Result {
        let saved = collectsErrors
        collectsErrors = false
        defer { collectsErrors = saved }
        return body(&self)
    }

    private mutating func evaluateQuietly(
        _ index: Int,
        _ instance: JSONValue
    ) -> (valid: Bool, annotations: Annotations) {
        withoutErrors { $0.evaluate(index, instance) }
    }

    private mutating func evaluateInPlace(
        _ index: Int,
        _ instance: JSONValue,
        node: CompiledNode
    )
        -> (valid: Bool, annotations: Annotations)
    {
        guard referenceDepth < Self.maximumReferenceDepth else {
            fail(
                "references nest more than \(Self.maximumReferenceDepth) deep here: the schema loops",
                node: node,
                keyword: nil
            )
            return (false, Annotations())
        }
        referenceDepth += 1
        defer { referenceDepth -= 1 }
        return evaluate(index, instance)
    }

    private mutating func evaluateChild(_ index: Int, _ instance: JSONValue, at token: PathToken) -> Bool {
        if collectsErrors { instancePath.append(token) }
        let savedDepth = referenceDepth
        referenceDepth = 0
        let valid = evaluate(index, instance).valid
        referenceDepth = savedDepth
        if collectsErrors { instancePath.removeLast() }
        return valid
    }

    // MARK: Keywords

    private mutating func apply(
        _ entry: KeywordEntry,
        to instance: JSONValue,
        node: CompiledNode,
        annotations: inout Annotations
    )
        -> Bool
    {
        switch entry.keyword {
        case .reference(let target):
            return merge(evaluateInPlace(target, instance, node: node), into: &annotations)
        case .dynamicReference(let anchor, let fallback):
            let anchors = dynamicAnchors
            let target = dynamicScope.lazy.compactMap { anchors[$0][anchor] }.first ?? fallback
            return merge(evaluateInPlace(target, instance, node: node), into: &annotations)
        case .type(let types):
            guard types.admits(instance) else {
                fail("expected \(types.description), found \(instance.typeName)", node: node, keyword: entry.name)
                return false
            }
            return true
        case .enumeration(let values):
            guard values.contains(instance) else {
                fail(
                    "must be one of \(values.map(\.compactText).joined(separator: ", "))",
                    node: node,
                    keyword: entry.name
                )
                return false
            }
            return true
        case .constant(let value):
            guard value == instance else {
                fail("must be \(value.compactText)", node: node, keyword: entry.name)
                return false
            }
            return true
        case .multipleOf(let divisor):
            guard case .number(let number) = instance, !number.isMultiple(of: divisor) else { return true }
            fail("\(number) is not a multiple of \(divisor)", node: node, keyword: entry.name)
            return false
        case .maximum(let limit, let exclusive):
            guard case .number(let number) = instance, exclusive ? number >= limit : number > limit else { return true }
            fail(
                "\(number) is \(exclusive ? "not less than" : "greater than") \(limit)",
                node: node,
                keyword: entry.name
            )
            return false
        case .minimum(let limit, let exclusive):
            guard case .number(let number) = instance, exclusive ? number <= limit : number < limit else { return true }
            fail(
                "\(number) is \(exclusive ? "not greater than" : "less than") \(limit)",
                node: node,
                keyword: entry.name
            )
            return false
        case .maxLength(let limit):
            guard case .string(let string) = instance, string.utf8.count > limit, string.unicodeScalars.count > limit
            else { return true }
            fail("is longer than \(limit) characters", node: node, keyword: entry.name)
            return false
        case .minLength(let limit):
            guard case .string(let string) = instance, string.unicodeScalars.count < limit else { return true }
            fail("is shorter than \(limit) characters", node: node, keyword: entry.name)
            return false
        case .pattern(let regex, let source):
            guard case .string(let string) = instance, !regex.matches(string) else { return true }
            fail("does not match the pattern \(source)", node: node, keyword: entry.name)
            return false
        case .format(let format, let asserted):
            guard asserted, case .string(let string) = instance,
                FormatAssertion.isValid(string, format: format) == false
            else { return true }
            fail("is not a valid \(format)", node: node, keyword: entry.name)
            return false
        case .maxItems(let limit):
            guard case .array(let items) = instance, items.count > limit else { return true }
            fail("has \(items.count) items, more than \(limit)", node: node, keyword: entry.name)
            return false
        case .minItems(let limit):
            guard case .array(let items) = instance, items.count < limit else { return true }
            fail("has \(items.count) items, fewer than \(limit)", node: node, keyword: entry.name)
            return false
        case .uniqueItems:
            guard case .array(let items) = instance else { return true }
            var seen = Set<JSONValue>(minimumCapacity: items.count)
            for (offset, item) in items.enumerated() where !seen.insert(item).inserted {
                fail("item \(offset) repeats an earlier item; items must be unique", node: node, keyword: entry.name)
                return false
            }
            return true
        case .maxProperties(let limit):
            guard case .object(let object) = instance, object.count > limit else { return true }
            fail("has \(object.count) properties, more than \(limit)", node: node, keyword: entry.name)
            return false
        case .minProperties(let limit):
            guard case .object(let object) = instance, object.count < limit else { return true }
            fail("has \(object.count) properties, fewer than \(limit)", node: node, keyword: entry.name)
            return false
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            let missing = names.filter { object[$0] == nil }
            guard missing.isEmpty else {
                fail("missing required \(Self.propertyList(missing))", node: node, keyword: entry.name)
                return false
            }
            return true
        case .dependentRequired(let pairs):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (property, names) in pairs where object[property] != nil {
                let missing = names.filter { object[$0] == nil }
                if !missing.isEmpty {
                    fail(
                        "\(Self.propertyList(missing)) required when \"\(property)\" is present",
                        node: node,
                        keyword: entry.name
                    )
                    valid = false
                }
            }
            return valid
        case .allOf(let branches):
            return applyAll(branches.enumerated().map { (.index($0.offset), $0.element) }, instance, node, &annotations)
        case .anyOf(let branches):
            var valid = false
            withoutErrors { evaluator in
                for branch in branches {
                    let result = evaluator.evaluateInPlace(branch, instance, node: node)
                    if result.valid {
                        valid = true
                        annotations.merge(result.annotations)
                        if !node.collectsAnnotations { break }
                    }
                }
            }
            if !valid {
                explainBranches(branches, instance, node: node)
                fail("matches none of the \(branches.count) alternatives", node: node, keyword: entry.name)
            }
            return valid
        case .oneOf(let branches):
            var matching: [Int] = []
            var matchedAnnotations = Annotations()
            withoutErrors { evaluator in
                for (offset, branch) in branches.enumerated() {
                    let result = evaluator.evaluateInPlace(branch, instance, node: node)
                    if result.valid {
                        matching.append(offset)
                        matchedAnnotations = result.annotations
                        if matching.count > 1 { break }
                    }
                }
            }
            switch matching.count {
            case 1:
                annotations.merge(matchedAnnotations)
                return true
            case 0:
                explainBranches(branches, instance, node: node)
                fail(
                    "matches none of the \(branches.count) alternatives; exactly one is required",
                    node: node,
                    keyword: entry.name
                )
            default:
                fail(
                    "matches alternatives \(matching[0]) and \(matching[1]); exactly one is allowed",
                    node: node,
                    keyword: entry.name
                )
            }
            return false
        case .not(let negated):
            guard evaluateQuietly(negated, instance).valid else { return true }
            fail("must not match the schema in \"not\"", node: node, keyword: entry.name)
            return false
        case .conditional(let condition, let then, let otherwise):
            let result = evaluateQuietly(condition, instance)
            guard let branch = result.valid ? then : otherwise else {
                if result.valid { annotations.merge(result.annotations) }
                return true
            }
            if result.valid { annotations.merge(result.annotations) }
            popKeyword()
            push(keyword: result.valid ? "then" : "else")
            let outcome = evaluateInPlace(branch, instance, node: node)
            if outcome.valid { annotations.merge(outcome.annotations) }
            return outcome.valid
        case .dependentSchemas(let pairs):
            guard case .object(let object) = instance else { return true }
            let applicable = pairs.filter { object[$0.property] != nil }.map { (PathToken.key($0.property), $0.node) }
            return applyAll(applicable, instance, node, &annotations)
        case .properties(let schemas, let lookup):
            guard case .object(let object) = instance else { return true }
            var valid = true
            // Walk the smaller side: a schema with few properties against a huge object, or the reverse.
            if schemas.count <= object.count {
                for (name, child) in schemas {
                    guard let value = object[name] else { continue }
                    if !applyToProperty(
                        child,
                        name: name,
                        value: value,
                        annotations: &annotations,
                        collectsAnnotations: node.collectsAnnotations
                    ) {
                        valid = false
                        if !collectsErrors { break }
                    }
                }
            } else {
                for (name, value) in object {
                    guard let child = lookup[name] else { continue }
                    if !applyToProperty(
                        child,
                        name: name,
                        value: value,
                        annotations: &annotations,
                        collectsAnnotations: node.collectsAnnotations
                    ) {
                        valid = false
                        if !collectsErrors { break }
                    }
                }
            }
            return valid
        case .patternProperties(let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for pattern in patterns {
                for (name, value) in object where pattern.regex.matches(name) {
                    push(keyword: pattern.source)
                    let passed = applyToProperty(
                        pattern.node,
                        name: name,
                        value: value,
                        annotations: &annotations,
                        collectsAnnotations: node.collectsAnnotations,
                        pushKeyword: false
                    )
                    popKeyword()
                    if !passed {
                        valid = false
                        if !collectsErrors { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let child, let declared, let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (name, value) in object
            where !declared.contains(name) && !patterns.contains(where: { $0.matches(name) }) {
                if nodes[child].isFalse {
                    fail("property \"\(name)\" is not allowed", node: node, keyword: entry.name)
                    valid = false
                    if !collectsErrors { return false }
                    continue
                }
                if !applyToProperty(
                    child,
                    name: name,
                    value: value,
                    annotations: &annotations,
                    collectsAnnotations: node.collectsAnnotations,
                    pushKeyword: false
                ) {
                    valid = false
                    if !collectsErrors { return false }
                }
            }
            return valid
        case .propertyNames(let child):
            guard case .object(let object) = instance else { return true }
            for name in object.keys where !evaluateQuietly(child, .string(name)).valid {
                fail("property name \"\(name)\" is not allowed by propertyNames", node: node, keyword: entry.name)
                return false
            }
            return true
        case .prefixItems(let children):
            guard case .array(let items) = instance else { return true }
            var valid = true
            for (offset, item) in items.prefix(children.count).enumerated() {
                push(keywordIndex: offset)
                let passed = evaluateChild(children[offset], item, at: .index(offset))
                popKeyword()
                if !passed {
                    valid = false
                    if !collectsErrors { break }
                }
            }
            annotations.itemPrefix = max(annotations.itemPrefix, min(items.count, children.count))
            return valid
        case .items(let child, let startIndex):
            guard case .array(let items) = instance, items.count > startIndex else { return true }
            var valid = true
            for offset in startIndex..<items.count where !evaluateChild(child, items[offset], at: .index(offset)) {
                valid = false
                if !collectsErrors { break }
            }
            annotations.allItems = true
            return valid
        case .contains(let child, let minimum, let maximum):
            guard case .array(let items) = instance else { return true }
            var matched: [Int] = []
            for (offset, item) in items.enumerated() where evaluateQuietlyAsChild(child, item, at: .index(offset)) {
                matched.append(offset)
            }
            annotations.items.formUnion(matched)
            if matched.count < minimum {
                fail(
                    minimum == 1
                        ? "contains no item that matches the \"contains\" schema"
                        : "contains \(matched.count) matching items, fewer than \(minimum)",
                    node: node,
                    keyword: entry.name
                )
                return false
            }
            if let maximum, matched.count > maximum {
                fail("contains \(matched.count) matching items, more than \(maximum)", node: node, keyword: entry.name)
                return false
            }
            return true
        case .unevaluatedItems(let child):
            guard case .array(let items) = instance else { return true }
            var valid = true
            for (offset, item) in items.enumerated() where !annotations.evaluated(item: offset) {
                if nodes[child].isFalse {
                    fail("item \(offset) is not allowed (unevaluatedItems)", node: node, keyword: entry.name)
                    valid = false
                } else if !evaluateChild(child, item, at: .index(offset)) {
                    valid = false
                }
                if !valid && !collectsErrors { break }
            }
            annotations.allItems = true
            return valid
        case .unevaluatedProperties(let child):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (name, value) in object where !annotations.evaluated(property: name) {
                if nodes[child].isFalse {
                    fail("property \"\(name)\" is not allowed (unevaluatedProperties)", node: node, keyword: entry.name)
                    valid = false
                } else if !evaluateChild(child, value, at: .key(name)) {
                    valid = false
                }
                if !valid && !collectsErrors { break }
            }
            annotations.allProperties = true
            return valid
        }
    }

    /// Applies in-place subschemas that must all pass (`allOf`, `dependentSchemas`), merging what each evaluated.
    private mutating func applyAll(
        _ subschemas: [(token: PathToken, node: Int)],
        _ instance: JSONValue,
        _ node: CompiledNode,
        _ annotations: inout Annotations
    ) -> Bool {
        var valid = true
        for (token, subschema) in subschemas {
            if collectsErrors { keywordPath.append(token) }
            let result = evaluateInPlace(subschema, instance, node: node)
            popKeyword()
            if result.valid {
                annotations.merge(result.annotations)
            } else {
                valid = false
                if !collectsErrors { break }
            }
        }
        return valid
    }

    private mutating func merge(
        _ result: (valid: Bool, annotations: Annotations),
        into annotations: inout Annotations
    ) -> Bool {
        if result.valid { annotations.merge(result.annotations) }
        return result.valid
    }

    private mutating func applyToProperty(
        _ child: Int,
        name: String,
        value: JSONValue,
        annotations: inout Annotations,
        collectsAnnotations: Bool,
        pushKeyword: Bool = true
    ) -> Bool {
        if pushKeyword { push(keyword: name) }
        let passed = evaluateChild(child, value, at: .key(name))
        if pushKeyword { popKeyword() }
        if collectsAnnotations { annotations.properties.insert(name) }
        return passed
    }

    private mutating func evaluateQuietlyAsChild(_ index: Int, _ instance: JSONValue, at token: PathToken) -> Bool {
        withoutErrors { $0.evaluateChild(index, instance, at: token) }
    }

    /// When no alternative matched, evaluates each again in error mode so the output says why each one failed.
    private mutating func explainBranches(_ branches: [Int], _ instance: JSONValue, node: CompiledNode) {
        guard collectsErrors else { return }
        for (offset, branch) in branches.enumerated() {
            push(keywordIndex: offset)
            _ = evaluateInPlace(branch, instance, node: node)
            popKeyword()
        }
    }

    private static func propertyList(_ names: [String]) -> String {
        (names.count == 1 ? "property " : "properties ") + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension CompiledNode {
    fileprivate var isFalse: Bool {
        if case .always(false) = body { return true }
        return false
    }
}

extension JSONValue {
    /// A short JSON rendering for error messages, cut off when long.
    var compactText: String {
        let text = JSONWriter.compact(self)
        return text.count > 80 ? text.prefix(77) + "..." : text
    }
}
