public import JSONSchema
public import SZCore

/// What the validation pipeline found in a pack.
public struct PackValidationReport: Sendable {
    /// Errors and warnings in the order the pipeline found them: the manifest, the documents by path,
    /// media, then links.
    public let problems: [ValidationProblem]
    /// The pack as read, when it has no errors.
    public let pack: Datapack?
    /// The dependency versions chosen among the packs supplied (empty when none were).
    public let dependencies: [PackManifest]

    public var errors: [ValidationProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [ValidationProblem] { problems.filter { $0.severity == .warning } }
    public var isValid: Bool { pack != nil }

    /// One line per problem, `error: file: /pointer: message`, then a summary line naming `subject`.
    public func text(for subject: String) -> String {
        var lines = problems.map { "\($0.severity.rawValue): \($0.description)" }
        lines.append("\(subject): \(summary)")
        return lines.joined(separator: "\n")
    }

    /// `valid`, `valid with 2 warnings`, `invalid: 3 errors, 1 warning`.
    public var summary: String {
        let counts = [(errors.count, "error"), (warnings.count, "warning")].filter { $0.0 > 0 }
            .map { count, noun in "\(count) \(noun)\(count == 1 ? "" : "s")" }
        if isValid {
            return counts.isEmpty ? "valid" : "valid with " + counts.joined(separator: ", ")
        }
        return "invalid: " + counts.joined(separator: ", ")
    }

    /// The report for machines: `{valid, errors, warnings, problems: [{severity, file, pointer, message}],
    /// pack: {id, name, version} | null, dependencies: [{id, name, version}]}`.
    public var json: JSONValue {
        let problemObjects = problems.map { problem -> JSONValue in
            [
                "severity": .string(problem.severity.rawValue),
                "file": problem.file.map(JSONValue.string) ?? .null,
                "pointer": .string(problem.pointer.description),
                "message": .string(problem.message),
            ]
        }
        return [
            "valid": .bool(isValid),
            "errors": .number(JSONNumber(errors.count)),
            "warnings": .number(JSONNumber(warnings.count)),
            "problems": .array(problemObjects),
            "pack": pack.map { Self.identity(of: $0.manifest) } ?? .null,
            "dependencies": .array(dependencies.map(Self.identity)),
        ]
    }

    private static func identity(of manifest: PackManifest) -> JSONValue {
        [
            "id": .string(manifest.id.packIDString),
            "name": .string(manifest.name),
            "version": .string(manifest.version),
        ]
    }
}
