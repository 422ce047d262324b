import JSONSchema

/// Reads typed values out of the settings document, letting `SZ_…` environment variables override single keys,
/// and collects every problem and warning instead of stopping at the first.
struct SettingsReader {
    /// How a raw environment value is read: as the string itself, or as JSON (numbers, booleans, arrays).
    enum EnvironmentSyntax {
        case string
        case json
    }

    /// What is wrong with a value and how to fix it.
    struct Issue {
        let problem: String
        let fix: String
    }

    /// Environment variables with this prefix belong to the test suite, not to the server.
    static let testEnvironmentPrefix = "SZ_TEST_"

    let root: JSONObject
    let fileName: String
    let environment: [String: String]
    let secretKeys: Set<String>
    private(set) var problems: [SettingsProblem] = []
    private(set) var warnings: [String] = []
    private var knownKeys: Set<String> = []
    private var readEnvironment: Set<String> = []

    init(root: JSONObject, fileName: String, environment: [String: String], secretKeys: Set<String>) {
        self.root = root
        self.fileName = fileName
        self.environment = environment
        self.secretKeys = secretKeys
    }

    /// The environment variable that overrides a key: `hosting.port` is `SZ_HOSTING_PORT`.
    static func environmentName(_ path: [String]) -> String {
        "SZ_" + path.joined(separator: "_").uppercased()
    }

    static func dotted(_ path: [String]) -> String {
        path.joined(separator: ".")
    }

    mutating func report(_ issue: Issue, at key: String, source: String) {
        problems.append(SettingsProblem(source: source, key: key, problem: issue.problem, fix: issue.fix))
    }

    /// The value at `path` and where it came from (the environment wins), or nil when neither gives one.
    mutating func lookup(_ path: [String], syntax: EnvironmentSyntax) -> (value: JSONValue, source: String)? {
        knownKeys.insert(Self.dotted(path))
        let variable = Self.environmentName(path)
        if let raw = environment[variable] {
            readEnvironment.insert(variable)
            let value: JSONValue =
                switch syntax {
                case .string: .string(raw)
                case .json: (try? JSONParser().parse(raw)) ?? .string(raw)
                }
            return (value, "environment variable \(variable)")
        }
        var current = JSONValue.object(root)
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return (current, fileName)
    }

    /// Where the values at `paths` came from, e.g. "settings.json and environment variable SZ_HOSTING_SSL", for
    /// problems that involve several keys.
    mutating func source(of paths: [[String]]) -> String {
        var sources: [String] = []
        for path in paths {
            guard let source = lookup(path, syntax: .json)?.source, !sources.contains(source) else { continue }
            sources.append(source)
        }
        return sources.isEmpty ? fileName : sources.joined(separator: " and ")
    }

    /// Declares a section (`hosting`, `login`, …): it must be an object when present.
    mutating func section(_ key: String) {
        knownKeys.insert(key)
        if let value = root[key], value.objectValue == nil {
            report(
                Issue(
                    problem: "expected an object, got \(describe(value, key: key))",
                    fix: "write { … } with its keys"
                ),
                at: key,
                source: fileName
            )
        }
    }

    mutating func string(_ path: [String], default fallback: String, check: (String) -> Issue? = { _ in nil }) -> String
    {
        read(path, default: fallback, syntax: .string, expected: "a string", example: "\"text\"") { value in
            guard let string = value.stringValue else { return nil }
            return check(string).map { .failure($0) } ?? .success(string)
        }
    }

    mutating func integer(_ path: [String], default fallback: Int, range: ClosedRange<Int>) -> Int {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        return read(path, default: fallback, syntax: .json, expected: expected, example: "\(fallback)") { value in
            guard let number = value.numberValue, number.isInteger else { return nil }
            guard let integer = number.intValue, range.contains(integer) else {
                return .failure(Issue(problem: "\(number) is out of range", fix: "use \(expected)"))
            }
            return .success(integer)
        }
    }

    mutating func boolean(_ path: [String], default fallback: Bool) -> Bool {
        read(path, default: fallback, syntax: .json, expected: "a boolean", example: "true or false, without quotes") {
            $0.boolValue.map { .success($0) }
        }
    }

    mutating func stringArray(
        _ path: [String],
        default fallback: [String],
        check: (String) -> Issue? = { _ in nil }
    ) -> [String] {
        read(path, default: fallback, syntax: .json, expected: "an array of strings", example: "[\"…\"]") { value in
            guard let array = value.arrayValue else { return nil }
            var strings: [String] = []
            for (index, element) in array.enumerated() {
                guard let string = element.stringValue else {
                    return .failure(
                        Issue(
                            problem: "item \(index) is \(describeValue(element, hidden: false)), not a string",
                            fix: "quote every item"
                        )
                    )
                }
                if let issue = check(string) {
                    return .failure(Issue(problem: "item \(index): \(issue.problem)", fix: issue.fix))
                }
                strings.append(string)
            }
            return .success(strings)
        }
    }

    mutating func choice<Choice: RawRepresentable<String> & CaseIterable>(
        _ path: [String],
        default fallback: Choice,
        meaning: (Choice) -> String
    ) -> Choice {
        let known = Choice.allCases.map { "\"\($0.rawValue)\" (\(meaning($0)))" }.joined(separator: ", ")
        return read(path, default: fallback, syntax: .string, expected: "a string", example: "\"\(fallback.rawValue)\"")
        {
            guard let string = $0.stringValue else { return nil }
            guard let choice = Choice(rawValue: string) else {
                return .failure(Issue(problem: "unknown value \"\(string)\"", fix: "use one of \(known)"))
            }
            return .success(choice)
        }
    }

    /// An array whose items are objects, each read by `item` with a reader scoped to that item.
    mutating func objectArray<Item>(
        _ path: [String],
        default fallback: [Item],
        keys: Set<String>,
        item: (inout ItemReader) -> Item
    ) -> [Item] {
        guard let (value, source) = lookup(path, syntax: .json) else { return fallback }
        let key = Self.dotted(path)
        guard let array = value.arrayValue else {
            report(
                Issue(
                    problem: "expected an array of objects, got \(describe(value, key: key))",
                    fix: "write [ { … } ]"
                ),
                at: key,
                source: source
            )
            return fallback
        }
        var items: [Item] = []
        for (index, element) in array.enumerated() {
            let itemKey = "\(key)[\(index)]"
            guard let object = element.objectValue else {
                report(
                    Issue(problem: "expected an object, got \(describe(element, key: itemKey))", fix: "write { … }"),
                    at: itemKey,
                    source: source
                )
                continue
            }
            var reader = ItemReader(object: object, key: itemKey, source: source, knownNames: keys)
            items.append(item(&reader))
            problems += reader.problems
            warnings += reader.warnings
        }
        return items
    }

    /// Warnings for keys and `SZ_…` variables that mean nothing to this version, probably typos.
    mutating func finish() {
        for (key, value) in root {
            guard knownKeys.contains(key) else {
                warnings.append("\(fileName): unknown key \"\(key)\" is ignored")
                continue
            }
            guard let section = value.objectValue else { continue }
            for nested in section.keys where !knownKeys.contains("\(key).\(nested)") {
                warnings.append("\(fileName): unknown key \"\(key).\(nested)\" is ignored")
            }
        }
        let unknownVariables = environment.keys.filter {
            $0.hasPrefix("SZ_") && !$0.hasPrefix(Self.testEnvironmentPrefix) && !readEnvironment.contains($0)
        }
        for variable in unknownVariables.sorted() {
            warnings.append("environment variable \(variable) is not a setting and is ignored")
        }
    }

    func describe(_ value: JSONValue, key: String) -> String {
        describeValue(value, hidden: secretKeys.contains(key))
    }

    private mutating func read<Value>(
        _ path: [String],
        default fallback: Value,
        syntax: EnvironmentSyntax,
        expected: String,
        example: String,
        convert: (JSONValue) -> Result<Value, IssueBox>?
    ) -> Value {
        guard let (value, source) = lookup(path, syntax: syntax) else { return fallback }
        let key = Self.dotted(path)
        switch convert(value) {
        case .success(let converted):
            return converted
        case .failure(let box):
            report(box.issue, at: key, source: source)
        case nil:
            report(
                Issue(problem: "expected \(expected), got \(describe(value, key: key))", fix: "write \(example)"),
                at: key,
                source: source
            )
        }
        return fallback
    }
}

/// `Result` needs an `Error`; this carries an `Issue` through it.
struct IssueBox: Error {
    let issue: SettingsReader.Issue
}

extension Result where Failure == IssueBox {
    static func failure(_ issue: SettingsReader.Issue) -> Self {
        .failure(IssueBox(issue: issue))
    }
}

/// Reads the keys of one object inside an array (a footer link).
struct ItemReader {
    let object: JSONObject
    let key: String
    let source: String
    private(set) var problems: [SettingsProblem] = []
    private(set) var warnings: [String] = []

    init(object: JSONObject, key: String, source: String, knownNames: Set<String>) {
        self.object = object
        self.key = key
        self.source = source
        for name in object.keys where !knownNames.contains(name) {
            warnings.append("\(source): unknown key \"\(key).\(name)\" is ignored")
        }
    }

    mutating func string(_ name: String, check: (String) -> SettingsReader.Issue?) -> String {
        let fullKey = "\(key).\(name)"
        guard let value = object[name] else {
            problems.append(
                SettingsProblem(source: source, key: fullKey, problem: "is missing", fix: "add \"\(name)\"")
            )
            return ""
        }
        guard let string = value.stringValue else {
            problems.append(
                SettingsProblem(
                    source: source,
                    key: fullKey,
                    problem: "expected a string, got \(describeValue(value, hidden: false))",
                    fix: "write \"text\""
                )
            )
            return ""
        }
        if let issue = check(string) {
            problems.append(SettingsProblem(source: source, key: fullKey, problem: issue.problem, fix: issue.fix))
        }
        return string
    }
}

/// How a wrong value is shown in a message; a secret's content never is.
func describeValue(_ value: JSONValue, hidden: Bool) -> String {
    switch value {
    case .null: return "null"
    case .bool(let bool): return "the boolean \(bool)"
    case .number(let number): return "the number \(number)"
    case .string(let string):
        if hidden { return "a string (not shown: it is a secret)" }
        let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
        return "the string \"\(shown)\""
    case .array: return "an array"
    case .object: return "an object"
    }
}
