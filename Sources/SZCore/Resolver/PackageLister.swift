/// The solver's view of what is available: versions fetched once per package, sorted and without
/// duplicates, display names, and dependencies turned into incompatibilities on demand.
struct PackageLister<Provider: PackageVersionProvider> {
    /// Identifies a dependency incompatibility, so that each is added only once.
    private struct DependencyKey: Hashable {
        var depender: String
        var dependerVersions: VersionSet
        var dependee: String
        var dependeeVersions: VersionSet
    }

    let root: RootPackage
    let provider: Provider
    let maximumPackages: Int
    /// Sorted ascending; a `nil` value marks a package the provider does not have.
    private var fetched: [String: [PackageVersion]?] = [:]
    private var listedDependencies: Set<DependencyKey> = []
    /// The first name each package was given, by its dependers or (for the root) itself.
    private(set) var names: [String: String]

    init(root: RootPackage, provider: Provider, maximumPackages: Int) {
        self.root = root
        self.provider = provider
        self.maximumPackages = maximumPackages
        self.names = [root.id: root.name]
    }

    /// The available versions of a package, lowest first; `nil` when it is not available.
    mutating func versions(of package: String) throws(DependencyResolutionError) -> [PackageVersion]? {
        if let known = fetched[package] { return known }
        guard fetched.count < maximumPackages else { throw .tooManyPackages(limit: maximumPackages) }
        let versions: [PackageVersion]?
        if package == root.id {
            // The root is what is being resolved: its one version wins over anything published.
            versions = [PackageVersion(version: root.version, dependencies: root.dependencies)]
        } else {
            versions = provider.versions(ofPackage: package).map(sortedWithoutDuplicates)
        }
        fetched[package] = .some(versions)
        return versions
    }

    /// The versions fetched so far, by package, for messages.
    var knownVersions: [String: [SemanticVersion]] {
        fetched.compactMapValues { $0?.map(\.version) }
    }

    /// The dependencies of `versions[index]` as incompatibilities `{depender, not dependee}`, except
    /// those listed before. As in pub, the depender's range is widened to the neighbouring versions
    /// with the same dependency, so that one incompatibility covers them all: a range from the first
    /// such version up to the next version without it, open-ended at either end of the list.
    mutating func newDependencyIncompatibilities(
        of package: String,
        versions: [PackageVersion],
        index: Int
    ) -> [Incompatibility] {
        var result: [Incompatibility] = []
        // A pack depending on itself says nothing about other packs.
        for dependency in versions[index].dependencies where dependency.id != package {
            if names[dependency.id] == nil { names[dependency.id] = dependency.name }
            let sharing = { (other: PackageVersion) in
                other.dependencies.contains { $0.id == dependency.id && $0.range == dependency.range }
            }
            var first = index
            while first > 0, sharing(versions[first - 1]) { first -= 1 }
            var last = index
            while last + 1 < versions.count, sharing(versions[last + 1]) { last += 1 }
            let dependerVersions = VersionSet(
                spanning: first == 0 ? nil : versions[first].version,
                below: last + 1 == versions.count ? nil : versions[last + 1].version,
                includingPreReleases: versions[first...last].contains { $0.version.isPreRelease }
            )
            let key = DependencyKey(
                depender: package,
                dependerVersions: dependerVersions,
                dependee: dependency.id,
                dependeeVersions: dependency.range.versions
            )
            guard listedDependencies.insert(key).inserted else { continue }
            let terms = [
                Term(package: package, versions: dependerVersions, isPositive: true),
                Term(package: dependency.id, versions: dependency.range.versions, isPositive: false),
            ]
            result.append(Incompatibility(terms: terms, cause: .dependency(dependency.range), rootPackage: root.id))
        }
        return result
    }
}

private func sortedWithoutDuplicates(_ versions: [PackageVersion]) -> [PackageVersion] {
    var seen: Set<SemanticVersion> = []
    return versions.filter { seen.insert($0.version).inserted }.sorted { $0.version < $1.version }
}
