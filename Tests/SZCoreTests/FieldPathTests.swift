import JSONSchema
import SZCore
import Testing

@Suite struct FieldPathTests {
    let items: Dataset

    init() throws {
        items = try Dataset(json: JSONParser().parse(specDatasetText))
    }

    @Test func readsTopLevelAndGroupedFieldsByID() throws {
        #expect(try items.value(at: "sword.damage") == .number(JSONNumber(10)))
        #expect(try items.value(at: "sword.stats.rarity") == .text("Common"))
        #expect(try items.value(at: "potion.consumable") == .boolean(true))
        #expect(try FieldPath(parsing: "sword.stats.rarity").description == "sword.stats.rarity")
    }

    @Test(arguments: [
        ("", "field path \"\" is malformed: expected Entry.Field or Entry.Group.Field"),
        ("sword", "field path \"sword\" is malformed: expected Entry.Field or Entry.Group.Field"),
        ("sword..damage", "field path \"sword..damage\" is malformed: part 2 is empty"),
        (".damage", "field path \".damage\" is malformed: part 1 is empty"),
        ("a.b.c.d", "field path \"a.b.c.d\" is malformed: has 4 parts; expected Entry.Field or Entry.Group.Field"),
        ("Iron Sword.damage", "field path \"Iron Sword.damage\" is malformed: \"Iron Sword\" is not a valid id"),
    ])
    func malformedPathsAreRefused(text: String, message: String) {
        let error = #expect(throws: FieldPathError.self) { try FieldPath(parsing: text) }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        (
            "swrod.damage",
            "field path \"swrod.damage\": dataset \"core-items\" has no entry \"swrod\" (did you mean \"sword\"?)"
        ),
        ("axe.damage", "field path \"axe.damage\": dataset \"core-items\" has no entry \"axe\""),
        (
            "sword.stat.rarity",
            "field path \"sword.stat.rarity\": entry \"sword\" has no group \"stat\" (did you mean \"stats\"?)"
        ),
        (
            "sword.damge",
            "field path \"sword.damge\": entry \"sword\" has no top-level field \"damge\" (did you mean \"damage\"?)"
        ),
        ("sword.rarity", "field path \"sword.rarity\": entry \"sword\" has no top-level field \"rarity\""),
        (
            "sword.stats.damage",
            "field path \"sword.stats.damage\": group \"stats\" of entry \"sword\" has no field \"damage\""
        ),
    ])
    func missingPartsAreNamed(text: String, message: String) {
        let error = #expect(throws: FieldPathError.self) { try items.value(at: text) }
        #expect(error?.description == message)
    }

    @Test func pathsUseIDsNotDisplayNames() {
        #expect(throws: FieldPathError.self) { try items.value(at: "Healing Potion.healAmount") }
        #expect(throws: FieldPathError.self) { try items.value(at: "Sword.damage") }
    }
}

/// The dataset of §5.4.
let specDatasetText = """
    {
      "id": "core-items", "szType": "dataset", "datasetType": "items", "name": "Core Items",
      "description": "Weapons, armor, and consumables for the base ruleset.",
      "version": "1.0.0", "schemaVersion": "1.0.0",
      "entries": {
        "sword": {
          "id": "sword", "name": "Sword", "description": "A basic weapon.", "icon": "weapons/sword.png",
          "topLevelFields": { "damage": { "type": "Number", "value": 10 }, "weight": { "type": "Number", "value": 3 } },
          "groups": [ { "id": "stats", "name": "Stats", "fields": { "rarity": { "type": "Text", "value": "Common" } } } ]
        },
        "potion": {
          "id": "potion", "name": "Healing Potion", "description": "Restores a small amount of HP.",
          "icon": "consumables/potion.png",
          "topLevelFields": {
            "healAmount": { "type": "Number", "value": 20 }, "consumable": { "type": "Boolean", "value": true }
          }
        }
      }
    }
    """
