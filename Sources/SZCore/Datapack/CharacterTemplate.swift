public import JSONSchema

/// The fields of a character sheet (§5.5).
public struct CharacterTemplate: InstanceTemplate {
    public static let szType = "character-template"
    public static let instanceKind = InstanceKind.character

    public var metadata: ObjectMetadata
    public var sections: [TemplateSection]

    public init(metadata: ObjectMetadata, sections: [TemplateSection]) {
        self.metadata = metadata
        self.sections = sections
    }

    public init(json: JSONValue) throws(DatapackDecodingError) {
        try SchemaVersion.requireSupported(in: json, at: .root)
        let reader = try ObjectReader(
            json,
            at: .root,
            allowedKeys: ObjectMetadata.keys + ["sections"],
            szTypes: [Self.szType]
        )
        metadata = try ObjectMetadata.decode(from: reader, szType: Self.szType)
        sections = try Self.decodeSections(from: reader)
        // A character is shown whole to whoever may see it; only a game's own sheet has parts for its GMs.
        if let mark = Self.firstGMOnlyMark(in: sections) {
            throw DatapackDecodingError(
                pointer: mark,
                message: "\"visibility\": \"gm\" belongs in session templates: a character sheet has no GM-only "
                    + "parts (whoever may see a character sees all of it)"
            )
        }
    }

    public var json: JSONValue {
        var object = metadata.encode(szType: Self.szType)
        object["sections"] = .array(sections.map(\.json))
        return .object(object)
    }
}
