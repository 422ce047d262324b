/// The versions of a datapack that a dependency accepts, written the way npm (node-semver) and Cargo
/// write them.
///
/// | Written | Means | Notes |
/// | --- | --- | --- |
/// | `1.2.3`, `=1.2.3` | exactly 1.2.3 | a bare version is exact, as in npm (Cargo reads it as `^1.2.3`) |
/// | `^1.2.3`, `^1.2`, `^1` | `>=1.2.3 <2.0.0`, `>=1.2.0 <2.0.0`, `>=1.0.0 <2.0.0` | "compatible with": the left-most non-zero number stays |
/// | `^0.2.3`, `^0.0.3`, `^0.0`, `^0` | `>=0.2.3 <0.3.0`, `>=0.0.3 <0.0.4`, `>=0.0.0 <0.1.0`, `>=0.0.0 <1.0.0` | |
/// | `~1.2.3`, `~1.2`, `~1` | `>=1.2.3 <1.3.0`, `>=1.2.0 <1.3.0`, `>=1.0.0 <2.0.0` | patch updates only, when a minor is given |
/// | `>1.2.3`, `>=1.2.3`, `<1.2.3`, `<=1.2.3` | comparators | partial versions round as npm does: `>1` is `>=2.0.0`, `<=2.1` is `<2.2.0` |
/// | `*`, `x`, `1.x`, `1.2.*`, `1`, `1.2` | any, `>=1.0.0 <2.0.0`, `>=1.2.0 <1.3.0` | wildcards; a partial version is a wildcard |
/// | `1.2.3 - 2.3.4`, `1.2 - 2` | `>=1.2.3 <=2.3.4`, `>=1.2.0 <3.0.0` | hyphen range, inclusive; stands alone |
/// | `>=1.2.0 <2.0.0`, `>=1.2, <1.5` | both must hold | spaces (npm) or commas (Cargo) separate comparators |
/// | `^1.2 \|\| ^2.0` | either | npm unions |
///
/// Pre-releases follow npm: a pre-release version is in the range only if one comparator of the
/// same `||` alternative names a pre-release of the same `MAJOR.MINOR.PATCH`. So `^1.2.3-beta.2`
/// accepts `1.2.3-beta.4` and `1.4.0` but not `1.4.0-beta.1`, and `*` accepts no pre-release.
/// Build metadata is accepted and ignored. There is no leading `v`.
///
/// `description` is the range as written, normalised: comparators separated by `, `, alternatives by
/// ` || `, an operator written next to its version (`^1.2` stays `^1.2`; `>= 1.2  <2` becomes
/// `>=1.2, <2`). It parses back to the same range. Two ranges are equal when they accept the same
/// versions, however they are written: `^1.2 == ">=1.2.0, <2.0.0"`.
///
/// Encoded as a JSON string.
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    /// The versions the range accepts, for set operations.
    public let versions: VersionSet

    init(description: String, versions: VersionSet) {
        self.description = description
        self.versions = versions
    }

    /// `^version`: the default range of a dependency, accepting every later version with the same
    /// left-most non-zero number.
    public static func caret(_ version: SemanticVersion) -> VersionRange {
        let comparator = Comparator(relation: .caret, version: .full(version), versionText: version.description)
        return VersionRange(
            description: comparator.description,
            versions: ComparatorSet.comparators([comparator]).versions
        )
    }

    /// `=version`, accepting that version only.
    public static func exactly(_ version: SemanticVersion) -> VersionRange {
        VersionRange(description: "=\(version)", versions: VersionSet(exactly: version))
    }

    public func contains(_ version: SemanticVersion) -> Bool { versions.contains(version) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.versions == rhs.versions }

    public func hash(into hasher: inout Hasher) { hasher.combine(versions) }
}

extension VersionRange: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try VersionRange(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
