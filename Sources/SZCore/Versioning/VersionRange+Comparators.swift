/// What the parts of a range mean, following node-semver's desugaring (`^1.2.3` is
/// `>=1.2.3 <2.0.0-0`, and so on; see ``VersionRange``).

/// A version as a range writes it: a wildcard, one or two numbers then wildcards, or a full version.
enum PartialVersion: Sendable, Hashable {
    case any
    case major(UInt64)
    case minor(UInt64, UInt64)
    case full(SemanticVersion)

    /// The lowest release it names, missing numbers read as 0; `nil` for a wildcard.
    var lowest: SemanticVersion? {
        switch self {
        case .any: nil
        case .major(let major): SemanticVersion(major, 0, 0)
        case .minor(let major, let minor): SemanticVersion(major, minor, 0)
        case .full(let version): version.withoutBuildMetadata
        }
    }

    /// The first version above every version it names (pre-releases of the next release included);
    /// `nil` when nothing is above.
    var end: SemanticVersion? {
        switch self {
        case .any: nil
        case .major: lowest?.nextMajor?.firstPreRelease
        case .minor: lowest?.nextMinor?.firstPreRelease
        case .full(let version): version.successor
        }
    }
}

enum RangeOperator: String, Sendable, CaseIterable {
    // Two-character operators first, so that prefix matching finds them before `>` and `<`.
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case greater = ">"
    case less = "<"
    case equal = "="
    case caret = "^"
    case tilde = "~"
}

/// A half-open span `[lower, upper)`; `nil` bounds are open.
struct VersionBounds: Sendable {
    var lower: SemanticVersion?
    var upper: SemanticVersion?
}

/// One operator (or none, for a bare version) applied to a version.
struct Comparator: Sendable {
    var relation: RangeOperator?
    var version: PartialVersion
    /// The version as written.
    var versionText: String

    var description: String { (relation?.rawValue ?? "") + versionText }

    /// The versions the comparator admits; `nil` when it admits none (`>*`, `>` the largest version).
    var bounds: VersionBounds? {
        guard let lowest = version.lowest else {
            return relation == .greater || relation == .less ? nil : VersionBounds()
        }
        switch relation {
        case nil, .equal: return VersionBounds(lower: lowest, upper: version.end)
        case .greaterOrEqual: return VersionBounds(lower: lowest)
        case .greater: return version.end.map { VersionBounds(lower: $0) }
        case .less:
            // `<1.2` stops below every 1.2.0 pre-release too; `<1.2.3-rc.1` stops exactly there.
            if case .full = version { return VersionBounds(upper: lowest) }
            return VersionBounds(upper: lowest.firstPreRelease)
        case .lessOrEqual: return VersionBounds(upper: version.end)
        case .caret: return VersionBounds(lower: lowest, upper: caretEnd(of: lowest)?.firstPreRelease)
        case .tilde:
            let end = if case .major = version { lowest.nextMajor } else { lowest.nextMinor }
            return VersionBounds(lower: lowest, upper: end?.firstPreRelease)
        }
    }

    /// Where `^` stops: at the next change of the left-most non-zero number that was written.
    private func caretEnd(of lowest: SemanticVersion) -> SemanticVersion? {
        switch version {
        case .any, .major: lowest.nextMajor
        case .minor(let major, _): major > 0 ? lowest.nextMajor : lowest.nextMinor
        case .full(let full):
            full.major > 0 ? lowest.nextMajor : (full.minor > 0 ? lowest.nextMinor : lowest.nextPatch)
        }
    }
}

/// One `||` alternative: comparators that must all hold, or a hyphen range.
enum ComparatorSet: Sendable {
    case comparators([Comparator])
    case hyphen(from: Comparator, to: Comparator)

    var description: String {
        switch self {
        case .comparators(let comparators): comparators.map(\.description).joined(separator: ", ")
        case .hyphen(let from, let to): "\(from.description) - \(to.description)"
        }
    }

    var versions: VersionSet {
        let comparators: [Comparator]
        let spans: [VersionBounds?]
        switch self {
        case .comparators(let all):
            comparators = all
            spans = all.map(\.bounds)
        case .hyphen(let from, let to):
            comparators = [from, to]
            spans = [VersionBounds(lower: from.version.lowest, upper: to.version.end)]
        }
        var lower: SemanticVersion? = nil
        var upper: SemanticVersion? = nil
        for span in spans {
            guard let span else { return .empty }
            if let bound = span.lower { lower = max(lower ?? bound, bound) }
            if let bound = span.upper { upper = min(upper ?? bound, bound) }
        }
        let namedPreReleases = comparators.compactMap { comparator -> SemanticVersion? in
            guard case .full(let version) = comparator.version, version.isPreRelease else { return nil }
            return version
        }
        return VersionSet(from: lower, below: upper, preReleasesOf: namedPreReleases)
    }
}
