import Foundation

/// Chooses, among the packs available (possibly several versions of each), one version of every pack
/// a manifest depends on, directly or through other packs, honouring each dependency's range.
public struct PackSelection: Sendable {
    public var resolver: DependencyResolver

    public init(resolver: DependencyResolver = DependencyResolver()) {
        self.resolver = resolver
    }

    /// The chosen manifests, one per pack id, sorted by name; the root is not included. Throws the
    /// resolver's explanation when no choice satisfies every range.
    public func select(
        for root: PackManifest,
        among available: [PackManifest]
    ) throws(PackSelectionError) -> [PackManifest] {
        var byID: [String: [(version: SemanticVersion, manifest: PackManifest)]] = [:]
        var versions: [String: [PackageVersion]] = [:]
        for manifest in available where manifest.id != root.id {
            let id = manifest.id.packIDString
            let version = try Self.version(of: manifest)
            byID[id, default: []].append((version, manifest))
            versions[id, default: []].append(
                PackageVersion(version: version, dependencies: try Self.dependencies(of: manifest))
            )
        }
        let rootPackage = RootPackage(
            id: root.id.packIDString,
            name: root.name,
            version: try Self.version(of: root),
            dependencies: try Self.dependencies(of: root)
        )
        let resolution: DependencyResolution
        do {
            resolution = try resolver.resolve(rootPackage, versions: InMemoryPackageVersionProvider(versions))
        } catch {
            throw .unresolvable(error)
        }
        let chosen = resolution.versions.compactMap { id, version in
            byID[id]?.first { $0.version == version }?.manifest
        }
        return chosen.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
    }

    private static func version(of manifest: PackManifest) throws(PackSelectionError) -> SemanticVersion {
        do {
            return try SemanticVersion(parsing: manifest.version)
        } catch {
            throw .invalidManifest(name: manifest.name, reason: "version \"\(manifest.version)\": \(error)")
        }
    }

    private static func dependencies(of manifest: PackManifest) throws(PackSelectionError) -> [PackageDependency] {
        var dependencies: [PackageDependency] = []
        for dependency in manifest.dependencies {
            do {
                dependencies.append(
                    PackageDependency(
                        id: dependency.id.packIDString,
                        name: dependency.name,
                        range: try VersionRange(parsing: dependency.effectiveRange)
                    )
                )
            } catch {
                throw .invalidManifest(
                    name: manifest.name,
                    reason: "the range \"\(dependency.effectiveRange)\" of dependency \(dependency.name): \(error)"
                )
            }
        }
        return dependencies
    }
}

public enum PackSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case unresolvable(DependencyResolutionError)
    /// A manifest whose version or ranges the resolver cannot read (decoding normally refuses these first).
    case invalidManifest(name: String, reason: String)

    public var description: String {
        switch self {
        case .unresolvable(let error): error.description
        case .invalidManifest(let name, let reason): "pack \"\(name)\" has an unusable \(reason)"
        }
    }
}
