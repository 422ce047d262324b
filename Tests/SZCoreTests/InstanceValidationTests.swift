import Foundation
import JSONSchema
import SZCore
import Testing

@Suite struct InstanceValidationTests {
    let catalog: PackCatalog

    init() throws {
        catalog = try SpecPack.catalog()
    }

    func character(_ fields: JSONValue, templateId: String = "default-character") throws -> Instance {
        try Instance(
            json: [
                "id": "aelric", "szType": "character-instance", "name": "Aelric Stormhand", "schemaVersion": "1.0.0",
                "templateId": .string(templateId), "fields": fields,
            ],
            kind: .character
        )
    }

    @Test func aCharacterWithFittingValuesHasNoProblems() throws {
        let aelric = try character([
            "strength": 14, "dexterity": 11, "title": "Stormhand", "biography": "Born at sea.\nRaised in a temple.",
            "inspired": true, "equipment": ["sword", "potion", "potion"],
        ])
        #expect(catalog.validate(aelric).isEmpty)
    }

    @Test func everyProblemIsReportedWithItsPointer() throws {
        let aelric = try character([
            "strength": "fourteen", "dexterity": 11, "charisma": 12, "title": "Storm\nhand", "biography": 3,
            "inspired": "yes", "equipment": ["sword", "swrod", "axe"], "inventory": ["sword"],
        ])
        let problems = catalog.validate(aelric).map(\.description)
        #expect(
            problems == [
                #"/fields/strength: "Strength" is a Number field and needs a number, found a string"#,
                #"/fields/charisma: template "default-character" has no field "charisma""#,
                #"/fields/title: "Title" is a Text field and needs a single line of text, found line breaks "#
                    + "(use MultiText for several lines)",
                #"/fields/biography: "Biography" is a MultiText field and needs a string, found a number"#,
                #"/fields/inspired: "Inspired" is a Boolean field and needs true or false, found a string"#,
                #"/fields/equipment/1: "swrod" is not an entry of dataset "core-items" (did you mean "sword"?)"#,
                #"/fields/equipment/2: "axe" is not an entry of dataset "core-items""#,
                #"/fields/inventory: template "default-character" has no field "inventory""#,
            ]
        )
    }

    @Test func theSpecExampleNamesTheGroupInsteadOfTheField() throws {
        let example = try character(["strength": 14, "dexterity": 11, "inventory": ["sword", "potion"]])
        #expect(
            catalog.validate(example).map(\.description) == [
                #"/fields/inventory: template "default-character" has no field "inventory""#
            ]
        )
    }

    @Test func aMissingTemplateIsTheOnlyProblemReported() throws {
        let orphan = try character(["strength": "x"], templateId: "default-charakter")
        #expect(
            catalog.validate(orphan).map(\.description) == [
                #"/templateId: no loaded pack has a character template "default-charakter" (did you mean "default-character"?)"#
            ]
        )
        let problems = try PackCatalog([]).validate(character([:]))
        #expect(
            problems.map(\.description) == [
                #"/templateId: no loaded pack has a character template "default-character""#
            ]
        )
    }

    @Test func aTemplateLinkNamesThePackToLookIn() throws {
        var aelric = try character(["strength": 14])
        aelric.templateLink = InstanceTemplateLink(datapackId: SpecPack.id, version: "1.0.0")
        #expect(catalog.validate(aelric).isEmpty)

        aelric.templateLink = InstanceTemplateLink(
            datapackId: UUID(uuidString: "c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11")!,
            version: "1.2.0"
        )
        #expect(
            catalog.validate(aelric).map(\.description) == [
                "/templateLink/datapackId: the template's pack c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11 is not loaded"
            ]
        )
        aelric.templateLink = InstanceTemplateLink(datapackId: SpecPack.id, version: "1.0.0")
        aelric.templateId = "hero"
        #expect(
            catalog.validate(aelric).map(\.description) == [
                #"/templateId: pack "Example Pack" has no character template "hero""#
            ]
        )
    }

    @Test func aTemplateInSeveralPacksNeedsATemplateLink() throws {
        var copy = try SpecPack.pack()
        copy.manifest.id = UUID(uuidString: "c2e6d0a4-2a8f-4a51-b36e-9f8f2c7b1d11")!
        copy.manifest.name = "Copied Pack"
        let catalog = try PackCatalog([SpecPack.pack(), copy])
        #expect(
            try catalog.validate(character([:])).map(\.description) == [
                #"/templateId: several loaded packs have a character template "default-character" "#
                    + #"("Example Pack", "Copied Pack"); add a templateLink naming the pack"#
            ]
        )
    }

    @Test func aListFieldWhoseDatasetIsNotLoadedIsReportedOnce() throws {
        var pack = try SpecPack.pack()
        pack.datasets = []
        let problems = try PackCatalog([pack]).validate(character(["equipment": ["sword", "potion"], "strength": 1]))
        #expect(
            problems.map(\.description) == [
                #"/fields/equipment: "Equipment" lists entries of dataset "core-items", but pack "Example Pack" has no "#
                    + #"dataset "core-items""#
            ]
        )
    }

    @Test func aCharacterIsNotCheckedAgainstASessionTemplate() throws {
        let state = try Instance(
            json: [
                "id": "game", "szType": "session-instance", "name": "Game", "schemaVersion": "1.0.0",
                "templateId": "default-character", "fields": [:],
            ]
        )
        #expect(
            catalog.validate(state).map(\.description) == [
                #"/templateId: no loaded pack has a session template "default-character""#
            ]
        )
    }

    @Test func problemsNameTheFileWhenGiven() throws {
        let problems = catalog.validate(try character(["luck": 3]), file: "characters/aelric.json")
        #expect(
            problems.map(\.description) == [
                #"characters/aelric.json: /fields/luck: template "default-character" has no field "luck""#
            ]
        )
    }

    @Test func valuesOfNoFieldShapeAreDecodingErrors() {
        let error = #expect(throws: DatapackDecodingError.self) { try character(["strength": ["value": 14]]) }
        #expect(
            error?.description
                == "/fields/strength: expected a number, a string, true or false, or an array of entry ids, found an object"
        )
        let kind = #expect(throws: DatapackDecodingError.self) {
            try Instance(
                json: [
                    "id": "a", "szType": "character", "name": "A", "schemaVersion": "1.0.0", "templateId": "t",
                    "fields": [:],
                ]
            )
        }
        #expect(
            kind?.description
                == #"/szType: expected szType "character-instance" or "session-instance", found "character""#
        )
    }

    @Test func aCatalogHoldsOneVersionOfEachPack() throws {
        var newer = try SpecPack.pack()
        newer.manifest.version = "1.1.0"
        let error = #expect(throws: PackCatalogError.self) { try PackCatalog([SpecPack.pack(), newer]) }
        #expect(
            error?.description
                == "pack c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62 is given twice (versions 1.0.0 and 1.1.0); "
                + "a catalog holds one version of each pack"
        )
    }
}
