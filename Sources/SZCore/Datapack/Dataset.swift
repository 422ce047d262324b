public import JSONSchema

/// A collection of entries such as items, spells or creatures (§5.4).
public struct Dataset: PackObject {
    public static let szType = "dataset"

    public var metadata: ObjectMetadata
    /// What kind of entries this is (`items`, `creatures` …), an id.
    public var datasetType: String
    /// In document order; ids are unique (they are the keys of `entries` in JSON).
    public var entries: [DatasetEntry]

    public init(metadata: ObjectMetadata, datasetType: String, entries: [DatasetEntry]) {
        self.metadata = metadata
        self.datasetType = datasetType
        self.entries = entries
    }

    public func entry(id: String) -> DatasetEntry? {
        entries.first { $0.id == id }
    }

    public init(json: JSONValue) throws(DatapackDecodingError) {
        try SchemaVersion.requireSupported(in: json, at: .root)
        let reader = try ObjectReader(
            json,
            at: .root,
            allowedKeys: ObjectMetadata.keys + ["datasetType", "entries"],
            szTypes: [Self.szType]
        )
        metadata = try ObjectMetadata.decode(from: reader, szType: Self.szType)
        datasetType = try reader.required("datasetType", Decode.identifier)
        entries = try reader.required("entries", Decode.keyed(DatasetEntry.decode))
    }

    public var json: JSONValue {
        var object = metadata.encode(szType: Self.szType)
        object["datasetType"] = .string(datasetType)
        object["entries"] = .object(JSONObject(entries.map { ($0.id, $0.json) }))
        return .object(object)
    }
}

/// One record of a dataset: fields at the top level and, optionally, fields in named groups.
public struct DatasetEntry: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    /// An image path relative to the pack's `media/images/`.
    public var icon: String?
    public var topLevelFields: [DatasetField]
    /// Group ids are unique within the entry.
    public var groups: [EntryGroup]

    public init(
        id: String,
        name: String,
        description: String? = nil,
        icon: String? = nil,
        topLevelFields: [DatasetField],
        groups: [EntryGroup] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.icon = icon
        self.topLevelFields = topLevelFields
        self.groups = groups
    }

    public func group(id: String) -> EntryGroup? {
        groups.first { $0.id == id }
    }

    static func decode(
        key: String,
        _ value: JSONValue,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> DatasetEntry {
        let reader = try ObjectReader(
            value,
            at: pointer,
            allowedKeys: ["id", "name", "description", "icon", "topLevelFields", "groups"]
        )
        let id = try reader.required("id", Decode.identifier)
        guard id == key else {
            throw DatapackDecodingError(
                pointer: pointer.appending("id"),
                message: "entry id \"\(id)\" differs from its key \"\(key)\" in entries"
            )
        }
        let groups = try reader.optional("groups", Decode.array(EntryGroup.decode)) ?? []
        try requireUniqueIDs(groups.map(\.id), at: pointer.appending("groups"), kind: "group", owner: "entry \"\(id)\"")
        return DatasetEntry(
            id: id,
            name: try reader.required("name", Decode.name),
            description: try reader.optional("description", Decode.string),
            icon: try reader.optional("icon", Decode.iconPath),
            topLevelFields: try reader.required("topLevelFields", Decode.keyed(DatasetField.decode)),
            groups: groups
        )
    }

    public var json: JSONValue {
        var object = JSONObject([("id", .string(id)), ("name", .string(name))])
        object.setIfPresent("description", description.map(JSONValue.string))
        object.setIfPresent("icon", icon.map(JSONValue.string))
        object["topLevelFields"] = DatasetField.json(topLevelFields)
        if !groups.isEmpty { object["groups"] = .array(groups.map(\.json)) }
        return .object(object)
    }
}

/// A named group of fields inside a dataset entry.
public struct EntryGroup: Sendable, Hashable {
    public var id: String
    public var name: String
    public var fields: [DatasetField]

    public init(id: String, name: String, fields: [DatasetField]) {
        self.id = id
        self.name = name
        self.fields = fields
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> EntryGroup {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "fields"])
        return EntryGroup(
            id: try reader.required("id", Decode.identifier),
            name: try reader.required("name", Decode.name),
            fields: try reader.required("fields", Decode.keyed(DatasetField.decode))
        )
    }

    var json: JSONValue {
        .object(JSONObject([("id", .string(id)), ("name", .string(name)), ("fields", DatasetField.json(fields))]))
    }
}

/// A typed value in a dataset entry: `{"type": "Number", "value": 10}`. A List holds entry ids of
/// `datasetLink`'s dataset, or of the entry's own dataset when there is no link.
public struct DatasetField: Sendable, Hashable {
    public var id: String
    public var value: FieldValue
    /// Only for List values.
    public var datasetLink: DatasetLink?

    public init(id: String, value: FieldValue, datasetLink: DatasetLink? = nil) {
        self.id = id
        self.value = value
        self.datasetLink = datasetLink
    }

    static func decode(
        key: String,
        _ value: JSONValue,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> DatasetField {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["type", "value", "datasetLink"])
        let type = try reader.required("type", FieldType.decode)
        let link = try reader.optional("datasetLink", DatasetLink.decode)
        if link != nil, type != .list {
            throw DatapackDecodingError(
                pointer: pointer.appending("datasetLink"),
                message: "only List fields link to a dataset; this field is a \(type)"
            )
        }
        let typedValue = try reader.required("value") { raw, valuePointer throws(DatapackDecodingError) in
            try FieldValue.decode(raw, as: type, at: valuePointer)
        }
        return DatasetField(id: key, value: typedValue, datasetLink: link)
    }

    static func json(_ fields: [DatasetField]) -> JSONValue {
        .object(JSONObject(fields.map { ($0.id, $0.json) }))
    }

    var json: JSONValue {
        var object = JSONObject([("type", .string(value.type.rawValue)), ("value", value.json)])
        object.setIfPresent("datasetLink", datasetLink?.json)
        return .object(object)
    }
}

extension FieldValue {
    /// Reads a value of a known type inside a document, turning a mismatch into a decoding error there.
    static func decode(
        _ raw: JSONValue,
        as type: FieldType,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> FieldValue {
        do {
            return try FieldValue(json: raw, as: type)
        } catch {
            throw DatapackDecodingError(pointer: pointer.appending(error.location), message: error.description)
        }
    }
}

/// Refuses the second use of an id among siblings, pointing at the duplicate.
func requireUniqueIDs(
    _ ids: [String],
    at pointer: JSONPointer,
    kind: String,
    owner: String
) throws(DatapackDecodingError) {
    var seen: Set<String> = []
    for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
        throw DatapackDecodingError(
            pointer: pointer.appending(index).appending("id"),
            message: "duplicate \(kind) id \"\(id)\" in \(owner)"
        )
    }
}
