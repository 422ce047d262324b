public import JSONSchema

/// A template's fields are laid out in sections, each holding groups of fields (§5.5).
public struct TemplateSection: Sendable, Hashable {
    public var id: String
    public var name: String
    public var visibility: TemplateVisibility
    public var groups: [TemplateGroup]

    public init(id: String, name: String, visibility: TemplateVisibility = .all, groups: [TemplateGroup]) {
        self.id = id
        self.name = name
        self.visibility = visibility
        self.groups = groups
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> TemplateSection {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "visibility", "groups"])
        let id = try reader.required("id", Decode.identifier)
        let groups = try reader.required("groups", Decode.array(TemplateGroup.decode))
        try requireUniqueIDs(
            groups.map(\.id),
            at: pointer.appending("groups"),
            kind: "group",
            owner: "section \"\(id)\""
        )
        return TemplateSection(
            id: id,
            name: try reader.required("name", Decode.name),
            visibility: try reader.optional("visibility", TemplateVisibility.decode) ?? .all,
            groups: groups
        )
    }

    var json: JSONValue {
        var object = JSONObject([("id", .string(id)), ("name", .string(name))])
        TemplateVisibility.encode(visibility, into: &object)
        object["groups"] = .array(groups.map(\.json))
        return .object(object)
    }
}

public struct TemplateGroup: Sendable, Hashable {
    public var id: String
    public var name: String
    public var visibility: TemplateVisibility
    public var fields: [TemplateField]

    public init(id: String, name: String, visibility: TemplateVisibility = .all, fields: [TemplateField]) {
        self.id = id
        self.name = name
        self.visibility = visibility
        self.fields = fields
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> TemplateGroup {
        let reader = try ObjectReader(value, at: pointer, allowedKeys: ["id", "name", "visibility", "fields"])
        return TemplateGroup(
            id: try reader.required("id", Decode.identifier),
            name: try reader.required("name", Decode.name),
            visibility: try reader.optional("visibility", TemplateVisibility.decode) ?? .all,
            fields: try reader.required("fields", Decode.array(TemplateField.decode))
        )
    }

    var json: JSONValue {
        var object = JSONObject([("id", .string(id)), ("name", .string(name))])
        TemplateVisibility.encode(visibility, into: &object)
        object["fields"] = .array(fields.map(\.json))
        return .object(object)
    }
}

/// A field of a template. Its kind carries the type, the optional default of that type and, for a
/// List, the dataset whose entries it holds, so a default can never have the wrong type.
public struct TemplateField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case number(defaultValue: JSONNumber?)
        case text(defaultValue: String?)
        case multiText(defaultValue: String?)
        case boolean(defaultValue: Bool?)
        case list(datasetLink: DatasetLink, defaultValue: [String]?)
    }

    /// Unique in the whole template: instances key their values by it.
    public var id: String
    public var name: String
    public var kind: Kind
    public var visibility: TemplateVisibility

    public init(id: String, name: String, kind: Kind, visibility: TemplateVisibility = .all) {
        self.id = id
        self.name = name
        self.kind = kind
        self.visibility = visibility
    }

    public var type: FieldType {
        switch kind {
        case .number: .number
        case .text: .text
        case .multiText: .multiText
        case .boolean: .boolean
        case .list: .list
        }
    }

    public var defaultValue: FieldValue? {
        switch kind {
        case .number(let value): value.map(FieldValue.number)
        case .text(let value): value.map(FieldValue.text)
        case .multiText(let value): value.map(FieldValue.multiText)
        case .boolean(let value): value.map(FieldValue.boolean)
        case .list(_, let value): value.map(FieldValue.list)
        }
    }

    public var datasetLink: DatasetLink? {
        if case .list(let link, _) = kind { return link }
        return nil
    }

    /// What a new instance holds: the default, or the empty value of the type (0, "", false, []).
    public var initialValue: FieldValue {
        defaultValue ?? .empty(type)
    }

    static func decode(_ value: JSONValue, at pointer: JSONPointer) throws(DatapackDecodingError) -> TemplateField {
        let reader = try ObjectReader(
            value,
            at: pointer,
            allowedKeys: ["id", "name", "type", "defaultValue", "datasetLink", "visibility"]
        )
        let type = try reader.required("type", FieldType.decode)
        let defaultValue = try reader.optional("defaultValue") { raw, valuePointer throws(DatapackDecodingError) in
            try FieldValue.decode(raw, as: type, at: valuePointer)
        }
        let link = try reader.optional("datasetLink", DatasetLink.decode)
        if type != .list, link != nil {
            throw DatapackDecodingError(
                pointer: pointer.appending("datasetLink"),
                message: "only List fields link to a dataset; this field is a \(type)"
            )
        }
        // The default was decoded as `type`, so only the payload accessor of that type can be non-nil.
        let kind: Kind
        switch type {
        case .number: kind = .number(defaultValue: defaultValue?.numberValue)
        case .text: kind = .text(defaultValue: defaultValue?.stringValue)
        case .multiText: kind = .multiText(defaultValue: defaultValue?.stringValue)
        case .boolean: kind = .boolean(defaultValue: defaultValue?.boolValue)
        case .list:
            guard let link else {
                throw DatapackDecodingError(
                    pointer: pointer,
                    message: "a List field needs a datasetLink naming the dataset its items come from"
                )
            }
            kind = .list(datasetLink: link, defaultValue: defaultValue?.listValue)
        }
        return TemplateField(
            id: try reader.required("id", Decode.identifier),
            name: try reader.required("name", Decode.name),
            kind: kind,
            visibility: try reader.optional("visibility", TemplateVisibility.decode) ?? .all
        )
    }

    var json: JSONValue {
        var object = JSONObject([("id", .string(id)), ("name", .string(name)), ("type", .string(type.rawValue))])
        object.setIfPresent("defaultValue", defaultValue?.json)
        object.setIfPresent("datasetLink", datasetLink?.json)
        TemplateVisibility.encode(visibility, into: &object)
        return .object(object)
    }
}

/// A template that instances are made from: character templates and session templates.
public protocol InstanceTemplate: PackObject {
    static var instanceKind: InstanceKind { get }
    var sections: [TemplateSection] { get }
}

extension InstanceTemplate {
    /// Every field, in layout order.
    public var fields: [TemplateField] {
        sections.flatMap { $0.groups.flatMap(\.fields) }
    }

    public func field(id: String) -> TemplateField? {
        fields.first { $0.id == id }
    }

    /// A new instance holding every field's initial value (its default, or the empty value of its type).
    public func makeInstance(id: String, name: String, templateLink: InstanceTemplateLink? = nil) -> Instance {
        Instance(
            kind: Self.instanceKind,
            id: id,
            name: name,
            templateId: self.id,
            templateLink: templateLink,
            fields: JSONObject(fields.map { ($0.id, $0.initialValue.json) })
        )
    }

    static func decodeSections(from reader: ObjectReader) throws(DatapackDecodingError) -> [TemplateSection] {
        let sections = try reader.required("sections", Decode.array(TemplateSection.decode))
        let sectionsPointer = reader.pointer.appending("sections")
        try requireUniqueIDs(sections.map(\.id), at: sectionsPointer, kind: "section", owner: "the template")
        var seen: Set<String> = []
        for (sectionIndex, section) in sections.enumerated() {
            for (groupIndex, group) in section.groups.enumerated() {
                for (fieldIndex, field) in group.fields.enumerated() where !seen.insert(field.id).inserted {
                    throw DatapackDecodingError(
                        pointer: sectionsPointer.appending(sectionIndex).appending("groups").appending(groupIndex)
                            .appending("fields").appending(fieldIndex).appending("id"),
                        message: "duplicate field id \"\(field.id)\": field ids are unique in the whole template, "
                            + "because instances key their values by them"
                    )
                }
            }
        }
        return sections
    }
}
