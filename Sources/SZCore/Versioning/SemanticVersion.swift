/// A version number as Semantic Versioning 2.0.0 defines it (https://semver.org):
/// `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
///
/// Equality, hashing and ordering all follow SemVer precedence (§11), so build metadata is kept and
/// printed but never compared: `1.0.0+linux == 1.0.0+mac`. Build metadata cannot take part in
/// equality without breaking `Comparable`, which needs `==` to agree with `<`.
///
/// Encoded as a JSON string (`"1.2.3-beta.1"`); decoding is as strict as ``init(parsing:)``.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    /// Empty for a release.
    public let preRelease: [PreReleaseIdentifier]
    /// The dot-separated identifiers after `+`, ignored for precedence.
    public let buildMetadata: [String]

    /// A release version; use ``init(parsing:)`` for pre-releases and build metadata, which it validates.
    public init(_ major: UInt64, _ minor: UInt64, _ patch: UInt64) {
        self.init(major: major, minor: minor, patch: patch, preRelease: [], buildMetadata: [])
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, preRelease: [PreReleaseIdentifier], buildMetadata: [String]) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.buildMetadata = buildMetadata
    }

    public var isPreRelease: Bool { !preRelease.isEmpty }

    public var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !preRelease.isEmpty {
            text += "-" + preRelease.map(\.description).joined(separator: ".")
        }
        if !buildMetadata.isEmpty {
            text += "+" + buildMetadata.joined(separator: ".")
        }
        return text
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch && lhs.preRelease == rhs.preRelease
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        // A pre-release comes before its release (§11.3).
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false): return lhs.preRelease.lexicographicallyPrecedes(rhs.preRelease)
        }
    }
}

/// One dot-separated part of a pre-release (`alpha`, `1`, `x-7`).
public enum PreReleaseIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    case numeric(UInt64)
    case alphanumeric(String)

    public var description: String {
        switch self {
        case .numeric(let value): "\(value)"
        case .alphanumeric(let text): text
        }
    }

    /// Numeric identifiers compare numerically and come before alphanumeric ones, which compare in
    /// ASCII order (§11.4).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.numeric(let left), .numeric(let right)): left < right
        case (.numeric, .alphanumeric): true
        case (.alphanumeric, .numeric): false
        case (.alphanumeric(let left), .alphanumeric(let right)): left.utf8.lexicographicallyPrecedes(right.utf8)
        }
    }
}

extension SemanticVersion: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try SemanticVersion(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
