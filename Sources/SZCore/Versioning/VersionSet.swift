/// A set of semantic versions, closed under union, intersection and complement: what a
/// ``VersionRange`` means, and what the dependency resolver reasons with.
///
/// Releases and pre-releases are kept as two separate interval lists because npm's pre-release rule
/// makes `^1.2.3` contain `1.5.0` but not `1.5.0-beta.1`, which no single list of intervals can say.
/// Each list keeps canonical bounds (releases for the release list, pre-releases for the other), so
/// two sets are equal exactly when they contain the same versions.
public struct VersionSet: Sendable, Hashable {
    typealias Interval = VersionIntervals.Interval

    private(set) var releases: VersionIntervals
    private(set) var preReleases: VersionIntervals

    /// Every version, pre-releases included.
    public static let any = VersionSet(releases: .all, preReleases: .all)
    public static let empty = VersionSet(releases: .empty, preReleases: .empty)

    private init(releases: VersionIntervals, preReleases: VersionIntervals) {
        self.releases = releases
        self.preReleases = preReleases
    }

    public init(exactly version: SemanticVersion) {
        let only = [Interval(lower: version, upper: version.successor)]
        self.init(
            releaseIntervals: version.isPreRelease ? [] : only,
            preReleaseIntervals: version.isPreRelease ? only : []
        )
    }

    /// The versions from `lower` (inclusive) below `upper` (exclusive), with pre-releases only where
    /// their `MAJOR.MINOR.PATCH` is that of one of `named` (npm's rule).
    init(from lower: SemanticVersion?, below upper: SemanticVersion?, preReleasesOf named: [SemanticVersion]) {
        let span = Interval(lower: lower, upper: upper)
        let allowedPreReleases = named.map { version in
            VersionIntervals([Interval(lower: version.firstPreRelease, upper: version.release)])
        }
        let preReleases = allowedPreReleases.reduce(VersionIntervals.empty) { $0.union($1) }
        self.init(
            releaseIntervals: [span],
            preReleaseIntervals: preReleases.intersection(VersionIntervals([span])).intervals
        )
    }

    /// Every version from `lower` (inclusive) below `upper` (exclusive), pre-releases included or not.
    init(spanning lower: SemanticVersion?, below upper: SemanticVersion?, includingPreReleases: Bool) {
        let span = Interval(lower: lower, upper: upper)
        self.init(releaseIntervals: [span], preReleaseIntervals: includingPreReleases ? [span] : [])
    }

    private init(releaseIntervals: [Interval], preReleaseIntervals: [Interval]) {
        self.releases = VersionIntervals(releaseIntervals.compactMap(Self.releaseBounds))
        self.preReleases = VersionIntervals(preReleaseIntervals.compactMap(Self.preReleaseBounds))
    }

    public var isEmpty: Bool { releases.isEmpty && preReleases.isEmpty }

    public func contains(_ version: SemanticVersion) -> Bool {
        version.isPreRelease ? preReleases.contains(version) : releases.contains(version)
    }

    public var complement: VersionSet {
        VersionSet(releases: releases.complement, preReleases: preReleases.complement)
    }

    public func union(_ other: VersionSet) -> VersionSet {
        VersionSet(releases: releases.union(other.releases), preReleases: preReleases.union(other.preReleases))
    }

    public func intersection(_ other: VersionSet) -> VersionSet {
        VersionSet(
            releases: releases.intersection(other.releases),
            preReleases: preReleases.intersection(other.preReleases)
        )
    }

    public func subtracting(_ other: VersionSet) -> VersionSet { intersection(other.complement) }

    public func isSubset(of other: VersionSet) -> Bool { subtracting(other).isEmpty }

    public func isDisjoint(with other: VersionSet) -> Bool { intersection(other).isEmpty }

    /// The same releases, with bounds moved up to the smallest release at or above them.
    private static func releaseBounds(_ interval: Interval) -> Interval? {
        let upper = interval.upper?.release
        if upper == SemanticVersion(0, 0, 0) { return nil }
        let lower = interval.lower?.release
        return Interval(lower: lower == SemanticVersion(0, 0, 0) ? nil : lower, upper: upper)
    }

    /// The same pre-releases, with bounds moved up to the smallest pre-release at or above them.
    private static func preReleaseBounds(_ interval: Interval) -> Interval? {
        var lower: SemanticVersion? = nil
        if let bound = interval.lower {
            guard let ceiling = bound.preReleaseCeiling else { return nil }
            lower = ceiling == .minimum ? nil : ceiling
        }
        let upper = interval.upper.flatMap(\.preReleaseCeiling)
        if upper == .minimum { return nil }
        return Interval(lower: lower, upper: upper)
    }
}
