import JSONSchema
import SZCore
import Testing

@Suite struct TemplateTests {
    func decodeTemplate(replacing original: String, with replacement: String) throws -> CharacterTemplate {
        #expect(SpecPack.characterTemplateText.contains(original))
        return try CharacterTemplate(
            json: JSONParser().parse(SpecPack.characterTemplateText.replacing(original, with: replacement))
        )
    }

    @Test func fieldsKeepTheirKindAndLayoutOrder() throws {
        let template = try SpecPack.characterTemplate()
        #expect(
            template.fields.map(\.id) == [
                "strength", "dexterity", "intelligence", "title", "biography", "inspired", "equipment",
            ]
        )
        let equipment = try #require(template.field(id: "equipment"))
        #expect(equipment.type == .list)
        #expect(equipment.datasetLink?.datasetId == "core-items")
        #expect(equipment.defaultValue == .list(["potion"]))
        #expect(template.field(id: "strength")?.kind == .number(defaultValue: JSONNumber(10)))
    }

    @Test func aNewInstanceHoldsDefaultsOrTheEmptyValueOfEachType() throws {
        let template = try SpecPack.characterTemplate()
        let link = InstanceTemplateLink(datapackId: SpecPack.id, version: "1.0.0")
        let character = template.makeInstance(id: "aelric", name: "Aelric Stormhand", templateLink: link)
        #expect(character.kind == .character)
        #expect(character.templateId == "default-character")
        #expect(character.schemaVersion == "1.0.0")
        let expected: JSONValue = [
            "strength": 10, "dexterity": 10, "intelligence": 10, "title": "", "biography": "", "inspired": false,
            "equipment": ["potion"],
        ]
        #expect(JSONValue.object(character.fields) == expected)
        #expect(character.fields.keys == template.fields.map(\.id))
        #expect(try SpecPack.catalog().validate(character).isEmpty)
        #expect(try Instance(json: character.json) == character)
    }

    @Test func typedValuesComeFromTheInstanceOrTheTemplate() throws {
        let template = try SpecPack.characterTemplate()
        var character = template.makeInstance(id: "aelric", name: "Aelric")
        character.fields["strength"] = 14
        character.fields["title"] = nil
        #expect(try character.value(of: #require(template.field(id: "strength"))) == .number(JSONNumber(14)))
        #expect(try character.value(of: #require(template.field(id: "title"))) == .text(""))
        character.fields["inspired"] = "yes"
        let error = #expect(throws: FieldValueMismatch.self) {
            try character.value(of: #require(template.field(id: "inspired")))
        }
        #expect(error?.description == "a Boolean field needs true or false, found a string")
    }

    @Test(arguments: [
        (
            #""type": "Number", "defaultValue": 10 },"#, #""type": "Number", "defaultValue": "ten" },"#,
            "/sections/0/groups/0/fields/0/defaultValue: a Number field needs a number, found a string"
        ),
        (
            #""id": "dexterity""#, #""id": "strength""#,
            #"/sections/0/groups/0/fields/1/id: duplicate field id "strength": field ids are unique in the whole "#
                + "template, because instances key their values by them"
        ),
        (
            #""id": "inventory", "name": "Inventory""#, #""id": "attributes", "name": "Inventory""#,
            #"/sections/0/groups/1/id: duplicate group id "attributes" in section "core""#
        ),
        (
            #""type": "Text" }"#,
            #""type": "Text", "datasetLink": { "datapackId": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62", "datasetId": "x", "version": "1.0.0" } }"#,
            "/sections/0/groups/0/fields/3/datasetLink: only List fields link to a dataset; this field is a Text"
        ),
        (
            #""type": "MultiText" }"#, #""type": "MultiText", "defaultVaule": "" }"#,
            #"/sections/0/groups/0/fields/4/defaultVaule: unknown key "defaultVaule" (did you mean "defaultValue"?); "#
                + "expected one of id, name, type, defaultValue, datasetLink, visibility"
        ),
        (
            #""id": "strength""#, #""id": "core.strength""#,
            #"/sections/0/groups/0/fields/0/id: "core.strength" is not a valid id: use 1 to 128 letters, digits, "#
                + "'-' or '_', starting with a letter or digit (no '.')"
        ),
    ])
    func templateProblemsNameTheirPointer(original: String, replacement: String, message: String) {
        let error = #expect(throws: DatapackDecodingError.self) {
            try decodeTemplate(replacing: original, with: replacement)
        }
        #expect(error?.description == message)
    }

    @Test func aListFieldNeedsADatasetLink() throws {
        let json: JSONValue = ["id": "bag", "name": "Bag", "type": "List"]
        let template: JSONValue = [
            "id": "t", "szType": "character-template", "name": "T", "version": "1.0.0", "schemaVersion": "1.0.0",
            "sections": [["id": "s", "name": "S", "groups": [["id": "g", "name": "G", "fields": [json]]]]],
        ]
        let error = #expect(throws: DatapackDecodingError.self) { try CharacterTemplate(json: template) }
        #expect(
            error?.description
                == "/sections/0/groups/0/fields/0: a List field needs a datasetLink naming the dataset its items come from"
        )
    }

    @Test func aSessionTemplateRoundTripsItsLinks() throws {
        let text = """
            {
              "id": "basic-session", "szType": "session-template", "name": "Basic Fantasy Campaign",
              "version": "1.0.0", "schemaVersion": "1.0.0",
              "characterTemplateLink": { "datapackId": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62",
                                         "templateId": "default-character", "version": "1.0.0" },
              "requiredDatasets": [ { "datapackId": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62", "datasetId": "core-items",
                                      "version": "1.0.0" } ],
              "sections": [ { "id": "session-info", "name": "Session Info", "groups": [ { "id": "details",
                "name": "Details", "fields": [ { "id": "setting", "name": "Setting", "type": "Text",
                "defaultValue": "Thalindra" }, { "id": "gmNotes", "name": "GM Notes", "type": "MultiText" } ] } ] } ]
            }
            """
        let json = try JSONParser().parse(text)
        let template = try SessionTemplate(json: json)
        #expect(template.characterTemplateLink?.templateId == "default-character")
        #expect(template.requiredDatasets.map(\.datasetId) == ["core-items"])
        #expect(template.json == json)
        let state = template.makeInstance(id: "thalindra-game", name: "Thalindra")
        #expect(state.kind == .session)
        #expect(JSONValue.object(state.fields) == ["setting": "Thalindra", "gmNotes": ""])
    }
}
