public import JSONSchema

/// A blueprint for a campaign (§5.6): the character template its players use, the datasets it needs,
/// and its own fields (setting, notes …) that a session instance fills in.
public struct SessionTemplate: InstanceTemplate {
    public static let szType = "session-template"
    public static let instanceKind = InstanceKind.session

    public var metadata: ObjectMetadata
    public var characterTemplateLink: CharacterTemplateLink?
    public var requiredDatasets: [DatasetLink]
    public var sections: [TemplateSection]

    public init(
        metadata: ObjectMetadata,
        characterTemplateLink: CharacterTemplateLink? = nil,
        requiredDatasets: [DatasetLink] = [],
        sections: [TemplateSection]
    ) {
        self.metadata = metadata
        self.characterTemplateLink = characterTemplateLink
        self.requiredDatasets = requiredDatasets
        self.sections = sections
    }

    public init(json: JSONValue) throws(DatapackDecodingError) {
        try SchemaVersion.requireSupported(in: json, at: .root)
        let reader = try ObjectReader(
            json,
            at: .root,
            allowedKeys: ObjectMetadata.keys + ["characterTemplateLink", "requiredDatasets", "sections"],
            szTypes: [Self.szType]
        )
        metadata = try ObjectMetadata.decode(from: reader, szType: Self.szType)
        characterTemplateLink = try reader.optional("characterTemplateLink", CharacterTemplateLink.decode)
        requiredDatasets = try reader.optional("requiredDatasets", Decode.array(DatasetLink.decode)) ?? []
        sections = try Self.decodeSections(from: reader)
    }

    public var json: JSONValue {
        var object = metadata.encode(szType: Self.szType)
        object.setIfPresent("characterTemplateLink", characterTemplateLink?.json)
        if !requiredDatasets.isEmpty { object["requiredDatasets"] = .array(requiredDatasets.map(\.json)) }
        object["sections"] = .array(sections.map(\.json))
        return .object(object)
    }
}
