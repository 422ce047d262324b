/// Neighbours in precedence order. Version sets store every bound as "from a (inclusive) below b
/// (exclusive)"; these helpers turn `>`, `<=` and partial versions into such bounds exactly. `nil`
/// means "past the largest version", i.e. no bound.
extension SemanticVersion {
    /// The smallest version of all: `0.0.0-0`.
    static let minimum = SemanticVersion(major: 0, minor: 0, patch: 0, preRelease: [.numeric(0)], buildMetadata: [])

    var withoutBuildMetadata: SemanticVersion {
        SemanticVersion(major: major, minor: minor, patch: patch, preRelease: preRelease, buildMetadata: [])
    }

    /// `MAJOR.MINOR.PATCH` without pre-release or build metadata.
    var release: SemanticVersion { SemanticVersion(major, minor, patch) }

    /// `MAJOR.MINOR.PATCH-0`, the first pre-release of this version's release.
    var firstPreRelease: SemanticVersion {
        SemanticVersion(major: major, minor: minor, patch: patch, preRelease: [.numeric(0)], buildMetadata: [])
    }

    /// The smallest version greater than this one: `1.2.3` → `1.2.4-0`, `1.2.3-a` → `1.2.3-a.0`.
    var successor: SemanticVersion? {
        if isPreRelease {
            return SemanticVersion(
                major: major,
                minor: minor,
                patch: patch,
                preRelease: preRelease + [.numeric(0)],
                buildMetadata: []
            )
        }
        return (nextPatch ?? nextMinor ?? nextMajor)?.firstPreRelease
    }

    /// `MAJOR+1.0.0`.
    var nextMajor: SemanticVersion? { major == .max ? nil : SemanticVersion(major + 1, 0, 0) }
    /// `MAJOR.MINOR+1.0`, carrying into the major number.
    var nextMinor: SemanticVersion? { minor == .max ? nextMajor : SemanticVersion(major, minor + 1, 0) }
    /// `MAJOR.MINOR.PATCH+1`, carrying into the minor number.
    var nextPatch: SemanticVersion? { patch == .max ? nextMinor : SemanticVersion(major, minor, patch + 1) }

    /// The smallest pre-release at or above this version.
    var preReleaseCeiling: SemanticVersion? { isPreRelease ? withoutBuildMetadata : successor }
}
