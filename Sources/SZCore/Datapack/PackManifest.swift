public import Foundation
public import JSONSchema

/// `szpack.json`: a pack's identity, authorship, dependencies and kind (§5.2).
public struct PackManifest: DatapackDocument {
    public var id: UUID
    public var name: String
    /// A semantic version, validated on decoding; the resolver's `SemanticVersion` parses it.
    public var version: String
    public var author: String
    /// Preferably an SPDX identifier such as `CC-BY-SA-4.0`.
    public var license: String
    public var description: String?
    /// RFC 3339, validated on decoding.
    public var createdAt: String
    /// The SessionZero release the pack was made with (a semantic version).
    public var sessionZeroVersion: String
    public var packType: PackType
    public var dependencies: [PackDependency]

    public init(
        id: UUID,
        name: String,
        version: String,
        author: String,
        license: String,
        description: String? = nil,
        createdAt: String,
        sessionZeroVersion: String,
        packType: PackType = .content,
        dependencies: [PackDependency] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.author = author
        self.license = license
        self.description = description
        self.createdAt = createdAt
        self.sessionZeroVersion = sessionZeroVersion
        self.packType = packType
        self.dependencies = dependencies
    }

    static let keys = [
        "id", "name", "version", "author", "license", "description", "createdAt", "sessionZeroVersion", "packType",
        "dependencies",
    ]

    public init(json: JSONValue) throws(DatapackDecodingError) {
        let reader = try ObjectReader(json, at: .root, allowedKeys: Self.keys)
        id = try reader.required("id", Decode.packID)
        name = try reader.required("name", Decode.name)
        version = try reader.required("version", Decode.semanticVersion)
        author = try reader.required("author", Decode.name)
        license = try reader.required("license", Decode.name)
        description = try reader.optional("description", Decode.string)
        createdAt = try reader.required("createdAt", Decode.timestamp)
        sessionZeroVersion = try reader.required("sessionZeroVersion", Decode.semanticVersion)
        packType = try reader.optional("packType", PackType.decode) ?? .content
        dependencies = try reader.required("dependencies", Decode.array(PackDependency.decode))
        try requireUniqueDependencies(at: reader.pointer.appending("dependencies"))
    }

    private func requireUniqueDependencies(at pointer: JSONPointer) throws(DatapackDecodingError) {
        var seen: Set<UUID> = []
        for (index, dependency) in dependencies.enumerated() {
            guard dependency.id != id else {
                throw DatapackDecodingError(
                    pointer: pointer.appending(index).appending("id"),
                    message: "a pack cannot depend on itself"
                )
            }
            guard seen.insert(dependency.id).inserted else {
                throw DatapackDecodingError(
                    pointer: pointer.appending(index).appending("id"),
                    message: "pack \(dependency.id.packIDString) is listed twice; give one version and range"
                )
            }
        }
    }

    public var json: JSONValue {
        var object = JSONObject([
            ("id", .string(id.packIDString)), ("name", .string(name)), ("version", .string(version)),
            ("author", .string(author)), ("license", .string(license)),
        ])
        object.setIfPresent("description", description.map(JSONValue.string))
        object["createdAt"] = .string(createdAt)
        object["sessionZeroVersion"] = .string(sessionZeroVersion)
        object["packType"] = .string(packType.rawValue)
        object["dependencies"] = .array(dependencies.map(\.json))
        return .object(object)
    }
}

/// A normal content pack, or the saved state of one running game (§5.8), which the UI lists apart.
public enum PackType: String, Sendable, Hashable, CaseIterable {
    case content
    case session

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> PackType {
        let text = try Decode.string(value, at: pointer)
        guard let type = PackType(rawValue: text) else {
            throw DatapackDecodingError(
                pointer: pointer,
                message: "unknown packType \"\(text)\"; expected content or session"
            )
        }
        return type
    }
}

/// Another pack this one links to.
public struct PackDependency: Sendable, Hashable {
    public var id: UUID
    public var name: String
    /// The exact version this pack was built and tested against.
    public var version: String
    /// The versions accepted, as written; nil means `^version`. The resolver's `VersionRange` parses it.
    public var range: String?

    public init(id: UUID, name: String, version: String, range: String? = nil) {
        self.id = id
        self.name = name
        self.version = version
        self.range = range
    }

    /// The range the resolver applies: the written one, or `^version`.
    public var effectiveRange: String {
        range ?? "^" + version
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> PackDependency {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "version", "range"])
        return PackDependency(
            id: try reader.required("id", Decode.packID),
            name: try reader.required("name", Decode.name),
            version: try reader.required("version", Decode.semanticVersion),
            range: try reader.optional("range", Decode.versionRange)
        )
    }

    var json: JSONValue {
        var object = JSONObject([
            ("id", .string(id.packIDString)), ("name", .string(name)), ("version", .string(version)),
        ])
        object.setIfPresent("range", range.map(JSONValue.string))
        return .object(object)
    }
}

extension UUID {
    /// The form the format writes: lowercase, as RFC 9562 recommends.
    public var packIDString: String { uuidString.lowercased() }
}
