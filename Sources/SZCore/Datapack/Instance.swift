public import JSONSchema

public enum InstanceKind: String, Sendable, Hashable, CaseIterable {
    /// A character, made from a character template (§5.7).
    case character = "character-instance"
    /// The state of a running game, made from a session template (§5.8).
    case session = "session-instance"
}

/// Runtime data made from a template: a character, or a game's session state. Field values are kept as
/// written (untyped JSON keyed by template field id) because their types come from the template; the
/// pack catalog checks them against it and reports every problem at once.
public struct Instance: DatapackDocument {
    public var kind: InstanceKind
    public var id: String
    public var name: String
    public var schemaVersion: String
    public var templateId: String
    /// Which pack holds the template; without it the template is looked up by id in every loaded pack.
    public var templateLink: InstanceTemplateLink?
    /// Values keyed by template field id. A template field with no value here has its initial value.
    public var fields: JSONObject

    public init(
        kind: InstanceKind,
        id: String,
        name: String,
        schemaVersion: String = SchemaVersion.current,
        templateId: String,
        templateLink: InstanceTemplateLink? = nil,
        fields: JSONObject
    ) {
        self.kind = kind
        self.id = id
        self.name = name
        self.schemaVersion = schemaVersion
        self.templateId = templateId
        self.templateLink = templateLink
        self.fields = fields
    }

    /// Reads a character or a session state, whichever `szType` says.
    public init(json: JSONValue) throws(DatapackDecodingError) {
        try self.init(json: json, at: .root, kinds: InstanceKind.allCases)
    }

    /// Reads an instance that must be of `kind`.
    public init(json: JSONValue, kind: InstanceKind) throws(DatapackDecodingError) {
        try self.init(json: json, at: .root, kinds: [kind])
    }

    init(json: JSONValue, at pointer: JSONPointer, kinds: [InstanceKind]) throws(DatapackDecodingError) {
        try SchemaVersion.requireSupported(in: json, at: pointer)
        let szTypes = kinds.map(\.rawValue)
        let reader = try ObjectReader(
            json,
            at: pointer,
            allowedKeys: ["id", "szType", "name", "schemaVersion", "templateId", "templateLink", "fields"],
            szTypes: szTypes
        )
        // requireType returns one of the kinds' raw values, so the kind always exists.
        kind = InstanceKind(rawValue: try reader.requireType(szTypes))!
        id = try reader.required("id", Decode.identifier)
        name = try reader.required("name", Decode.name)
        schemaVersion = try reader.required("schemaVersion", SchemaVersion.decode)
        templateId = try reader.required("templateId", Decode.identifier)
        templateLink = try reader.optional("templateLink", InstanceTemplateLink.decode)
        fields = try reader.required("fields", Self.decodeFields)
    }

    /// Checks the shapes any field value may have; whether it fits its field is the template's business.
    private static func decodeFields(
        _ value: JSONValue,
        at pointer: JSONPointer
    ) throws(DatapackDecodingError) -> JSONObject {
        guard let object = value.objectValue else { throw Decode.mismatch("an object", value, pointer) }
        for (key, item) in object {
            let itemPointer = pointer.appending(key)
            guard Syntax.isIdentifier(key) else { throw Decode.invalidIdentifier(key, at: itemPointer) }
            switch item {
            case .number, .string, .bool: continue
            case .array(let ids):
                for (index, id) in ids.enumerated() {
                    _ = try Decode.identifier(id, at: itemPointer.appending(index))
                }
            case .null, .object:
                throw Decode.mismatch("a number, a string, true or false, or an array of entry ids", item, itemPointer)
            }
        }
        return object
    }

    public var json: JSONValue {
        var object = JSONObject([
            ("id", .string(id)), ("szType", .string(kind.rawValue)), ("name", .string(name)),
            ("schemaVersion", .string(schemaVersion)), ("templateId", .string(templateId)),
        ])
        object.setIfPresent("templateLink", templateLink?.json)
        object["fields"] = .object(fields)
        return .object(object)
    }

    /// The typed value of `field`: the instance's own, or the field's initial value when it has none.
    public func value(of field: TemplateField) throws(FieldValueMismatch) -> FieldValue {
        guard let raw = fields[field.id] else { return field.initialValue }
        return try FieldValue(json: raw, as: field.type)
    }
}
