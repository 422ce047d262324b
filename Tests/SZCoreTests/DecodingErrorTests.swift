import JSONSchema
import SZCore
import Testing

/// A decoding error names the JSON pointer of the problem and says what was expected.
@Suite struct DecodingErrorTests {
    /// The §5.4 dataset with `replacement` substituted for the text `original`.
    func decodeDataset(replacing original: String, with replacement: String) throws -> Dataset {
        #expect(specDatasetText.contains(original))
        return try Dataset(json: JSONParser().parse(specDatasetText.replacing(original, with: replacement)))
    }

    @Test(arguments: [
        (
            #""damage": { "type": "Number""#, #""damage": { "type": "Numbr""#,
            #"/entries/sword/topLevelFields/damage/type: unknown field type "Numbr"; expected one of Number, Text, MultiText, Boolean, List"#
        ),
        (
            #""value": 10"#, #""value": "10""#,
            "/entries/sword/topLevelFields/damage/value: a Number field needs a number, found a string"
        ),
        (
            #""value": "Common""#, #""value": "Common\nRare""#,
            "/entries/sword/groups/0/fields/rarity/value: a Text field needs a single line of text, found line breaks "
                + "(use MultiText for several lines)"
        ),
        (
            #""value": true"#, #""value": true, "default": false"#,
            #"/entries/potion/topLevelFields/consumable/default: unknown key "default"; expected one of type, value, datasetLink"#
        ),
        (
            #""topLevelFields": { "damage""#, #""topLevelField": { "damage""#,
            #"/entries/sword/topLevelField: unknown key "topLevelField" (did you mean "topLevelFields"?); "#
                + "expected one of id, name, description, icon, topLevelFields, groups"
        ),
        (
            #""id": "sword""#, #""id": "swrd""#,
            #"/entries/sword/id: entry id "swrd" differs from its key "sword" in entries"#
        ),
        (
            #""icon": "weapons/sword.png""#, #""icon": "../secrets.png""#,
            #"/entries/sword/icon: "../secrets.png" is not an image path: expected a path below media/images/ such as "#
                + "weapons/sword.svg, with parts not starting with '.', ending in .png, .jpg, .jpeg, .webp, .gif, .svg"
        ),
        (
            #""version": "1.0.0""#, #""version": "1.0""#,
            #"/version: "1.0" is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.0"#
        ),
        (
            #""schemaVersion": "1.0.0","#, #""schemaVersion": "1.1.0", "colour": "red","#,
            #"/schemaVersion: schemaVersion "1.1.0" is not supported: this SessionZero reads schemaVersion 1.0.0 "#
                + "(a newer schemaVersion needs a newer SessionZero)"
        ),
        (
            #""szType": "dataset""#, #""szType": "character-template""#,
            #"/szType: expected szType "dataset", found "character-template""#
        ),
        (
            #""name": "Stats""#, #""name": """#,
            "/entries/sword/groups/0/name: must not be empty"
        ),
    ])
    func datasetProblemsNameTheirPointer(original: String, replacement: String, message: String) {
        let error = #expect(throws: DatapackDecodingError.self) {
            try decodeDataset(replacing: original, with: replacement)
        }
        #expect(error?.description == message)
    }

    @Test func aListValueNamesTheOffendingItem() {
        let field: JSONValue = ["type": "List", "value": ["sword", 3]]
        let json: JSONValue = [
            "id": "kit", "szType": "dataset", "datasetType": "kits", "name": "Kits", "version": "1.0.0",
            "schemaVersion": "1.0.0",
            "entries": ["explorer": ["id": "explorer", "name": "Explorer", "topLevelFields": ["contents": field]]],
        ]
        let error = #expect(throws: DatapackDecodingError.self) { try Dataset(json: json) }
        #expect(
            error?.description
                == "/entries/explorer/topLevelFields/contents/value/1: a List field needs entry ids, found a number"
        )
    }

    @Test func onlyListFieldsLinkToADataset() {
        let link: JSONValue = [
            "datapackId": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62", "datasetId": "items", "version": "1.0.0",
        ]
        let json: JSONValue = [
            "id": "kit", "szType": "dataset", "datasetType": "kits", "name": "Kits", "version": "1.0.0",
            "schemaVersion": "1.0.0",
            "entries": [
                "explorer": [
                    "id": "explorer", "name": "Explorer",
                    "topLevelFields": ["price": ["type": "Number", "value": 3, "datasetLink": link]],
                ]
            ],
        ]
        let error = #expect(throws: DatapackDecodingError.self) { try Dataset(json: json) }
        #expect(
            error?.description
                == "/entries/explorer/topLevelFields/price/datasetLink: only List fields link to a dataset; this field is a Number"
        )
    }

    @Test func aDocumentThatIsNotAnObjectIsRefused() {
        let error = #expect(throws: DatapackDecodingError.self) { try Dataset(json: ["not", "an", "object"]) }
        #expect(error?.description == "expected an object, found an array")
    }

    @Test func aMissingKeyIsNamedAtItsObject() {
        let error = #expect(throws: DatapackDecodingError.self) {
            try decodeDataset(replacing: #""name": "Sword", "#, with: "")
        }
        #expect(error?.description == #"/entries/sword: missing required key "name""#)
    }

    @Test func pointerTokensAreEscaped() {
        let pointer = JSONPointer.root.appending("a/b").appending("c~d").appending(0)
        #expect(pointer.description == "/a~1b/c~0d/0")
        #expect(JSONPointer.root.description.isEmpty)
    }
}
