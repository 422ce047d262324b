import SZCore
import Testing

/// A small language for universes of packs: `"foo 1.0.0": ["bar": "^1.0.0"]` reads "foo 1.0.0
/// depends on bar ^1.0.0". A pack's id is its name with an "id-" prefix, so messages that show names
/// prove they are not showing ids.
struct Universe {
    private(set) var packages: [String: [PackageVersion]] = [:]

    init(_ entries: KeyValuePairs<String, KeyValuePairs<String, String>> = [:]) throws {
        for (package, dependencies) in entries {
            let space = package.lastIndex(of: " ") ?? package.endIndex
            try add(String(package[..<space]), String(package[space...].dropFirst()), dependencies)
        }
    }

    mutating func add(_ name: String, _ version: String, _ dependencies: KeyValuePairs<String, String> = [:]) throws {
        let dependencies = try dependencies.map { try Universe.dependency($0.key, $0.value) }
        let version = PackageVersion(version: try SemanticVersion(parsing: version), dependencies: dependencies)
        packages[Universe.id(name), default: []].append(version)
    }

    var provider: InMemoryPackageVersionProvider { InMemoryPackageVersionProvider(packages) }

    static func id(_ name: String) -> String { "id-\(name)" }

    static func dependency(_ name: String, _ range: String) throws -> PackageDependency {
        PackageDependency(id: id(name), name: name, range: try VersionRange(parsing: range))
    }

    static func root(
        _ dependencies: KeyValuePairs<String, String>,
        name: String = "root",
        version: String = "1.0.0"
    ) throws -> RootPackage {
        RootPackage(
            id: id(name),
            name: name,
            version: try SemanticVersion(parsing: version),
            dependencies: try dependencies.map { try dependency($0.key, $0.value) }
        )
    }

    /// The solution keyed by package name, versions as text.
    func resolve(
        _ root: RootPackage,
        with resolver: DependencyResolver = DependencyResolver()
    ) throws(DependencyResolutionError) -> [String: String] {
        let resolution = try resolver.resolve(root, versions: provider)
        return Dictionary(
            uniqueKeysWithValues: resolution.versions.map { (String($0.key.dropFirst(3)), $0.value.description) }
        )
    }

    /// The explanation of a resolution that must fail.
    func explanation(of root: RootPackage, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let error = #expect(throws: DependencyResolutionError.self, sourceLocation: sourceLocation) {
            try resolve(root)
        }
        guard case .unsatisfiable(let explanation) = error else { return nil }
        return explanation
    }
}
