/// Writes a set in the range syntax wherever that syntax can say it, so that the description parses
/// back into the same set: `^1.2.0`, `1.2.3`, `>=1.0.0, <1.5.0 || >=2.0.0`, `^1.2.3-beta.2`,
/// `>=1.2.3-rc.1, <1.2.3`. The syntax cannot express "every pre-release between two releases", so such
/// a part reads `pre-release >=1.0.1-0, <2.0.0-0`; `any` is every version with pre-releases, `none`
/// the empty set.
extension VersionSet: CustomStringConvertible {
    public var description: String {
        if isEmpty { return "none" }
        if self == .any { return "any" }
        var unwritten = preReleases.intervals
        var alternatives: [String] = []
        for interval in releases.intervals {
            var lower = interval.lower
            // "^1.2.3-beta.2" holds the releases from 1.2.3 and the pre-releases of 1.2.3 from beta.2.
            if let release = interval.lower,
                let leading = unwritten.firstIndex(where: {
                    $0.lower?.release == release && $0.upper == release.successor
                })
            {
                lower = unwritten.remove(at: leading).lower
            }
            alternatives.append(Self.describeReleases(from: lower, below: interval.upper))
        }
        alternatives += unwritten.map(Self.describePreReleases)
        return alternatives.joined(separator: " || ")
    }

    private static func describeReleases(from lower: SemanticVersion?, below upper: SemanticVersion?) -> String {
        switch (lower, upper) {
        case (nil, nil): return "*"
        case (nil, let upper?): return "<\(upper)"
        case (let lower?, nil): return ">=\(lower)"
        case (let lower?, let upper?):
            if !lower.isPreRelease, upper == lower.nextPatch { return "\(lower)" }
            if upper == caretUpperBound(of: lower.release) { return "^\(lower)" }
            return ">=\(lower), <\(upper)"
        }
    }

    private static func caretUpperBound(of release: SemanticVersion) -> SemanticVersion? {
        if release.major > 0 { return release.nextMajor }
        if release.minor > 0 { return release.nextMinor }
        return release.nextPatch
    }

    private static func describePreReleases(_ interval: Interval) -> String {
        // Pre-releases of a single release: the range syntax says this exactly.
        if let lower = interval.lower, let upper = interval.upper, let end = lower.release.successor, upper <= end {
            if upper == lower.successor { return "\(lower)" }
            return upper == end ? ">=\(lower), <\(lower.release)" : ">=\(lower), <\(upper)"
        }
        switch (interval.lower, interval.upper) {
        case (nil, nil): return "any pre-release"
        case (nil, let upper?): return "pre-release <\(upper)"
        case (let lower?, nil): return "pre-release >=\(lower)"
        case (let lower?, let upper?): return "pre-release >=\(lower), <\(upper)"
        }
    }
}
