/// One dependency of a datapack: which pack (by id), its display name for messages, and the versions
/// accepted.
public struct PackageDependency: Sendable, Hashable {
    /// The datapack id (a UUID string).
    public var id: String
    /// Shown in resolution messages.
    public var name: String
    public var range: VersionRange

    public init(id: String, name: String, range: VersionRange) {
        self.id = id
        self.name = name
        self.range = range
    }
}

/// One published version of a datapack and what it depends on.
public struct PackageVersion: Sendable, Hashable {
    public var version: SemanticVersion
    public var dependencies: [PackageDependency]

    public init(version: SemanticVersion, dependencies: [PackageDependency] = []) {
        self.version = version
        self.dependencies = dependencies
    }
}

/// The datapack being resolved (a world, a campaign, or a pack being authored).
public struct RootPackage: Sendable, Hashable {
    public var id: String
    public var name: String
    public var version: SemanticVersion
    public var dependencies: [PackageDependency]

    public init(id: String, name: String, version: SemanticVersion, dependencies: [PackageDependency]) {
        self.id = id
        self.name = name
        self.version = version
        self.dependencies = dependencies
    }
}

/// Where the resolver learns which versions of a datapack exist. Asked at most once per package id,
/// and only for packages the resolution reaches, so an implementation may fetch lazily.
public protocol PackageVersionProvider {
    /// Every available version of the package, in any order; `nil` when the package is not available
    /// at all. Versions of equal precedence (differing only in build metadata) count once: the first.
    func versions(ofPackage id: String) -> [PackageVersion]?
}

/// A provider over versions already in memory, keyed by package id.
public struct InMemoryPackageVersionProvider: PackageVersionProvider, Sendable {
    public var packages: [String: [PackageVersion]]

    public init(_ packages: [String: [PackageVersion]]) {
        self.packages = packages
    }

    public func versions(ofPackage id: String) -> [PackageVersion]? { packages[id] }
}
