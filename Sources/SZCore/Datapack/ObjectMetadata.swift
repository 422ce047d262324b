import JSONSchema

/// The keys every pack object (dataset, template) shares (§5.3). `szType` is not stored: each object
/// type knows its own.
public struct ObjectMetadata: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    /// An image path relative to the pack's `media/images/`.
    public var icon: String?
    /// The object's own semantic version, validated on decoding; the resolver's `SemanticVersion` parses it.
    public var version: String
    public var schemaVersion: String

    public init(
        id: String,
        name: String,
        description: String? = nil,
        icon: String? = nil,
        version: String,
        schemaVersion: String = SchemaVersion.current
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.icon = icon
        self.version = version
        self.schemaVersion = schemaVersion
    }

    static let keys = ["id", "szType", "name", "description", "icon", "version", "schemaVersion"]

    /// Reads the shared keys of an object whose reader already allows `keys` plus the object's own.
    static func decode(from reader: ObjectReader, szType: String) throws(DatapackDecodingError) -> ObjectMetadata {
        try reader.requireType([szType])
        return ObjectMetadata(
            id: try reader.required("id", Decode.identifier),
            name: try reader.required("name", Decode.name),
            description: try reader.optional("description", Decode.string),
            icon: try reader.optional("icon", Decode.iconPath),
            version: try reader.required("version", Decode.semanticVersion),
            schemaVersion: try reader.required("schemaVersion", SchemaVersion.decode)
        )
    }

    func encode(szType: String) -> JSONObject {
        var object = JSONObject([("id", .string(id)), ("szType", .string(szType)), ("name", .string(name))])
        object.setIfPresent("description", description.map(JSONValue.string))
        object.setIfPresent("icon", icon.map(JSONValue.string))
        object["version"] = .string(version)
        object["schemaVersion"] = .string(schemaVersion)
        return object
    }
}

/// A pack object: it has the shared metadata.
public protocol PackObject: DatapackDocument {
    static var szType: String { get }
    var metadata: ObjectMetadata { get }
}

extension PackObject {
    public var id: String { metadata.id }
    public var name: String { metadata.name }
}
