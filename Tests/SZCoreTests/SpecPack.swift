import Foundation
import JSONSchema
import SZCore

/// The pack of the design document's examples (§5.2–§5.6): its manifest, the `core-items` dataset and
/// the `default-character` template, with a Text and a MultiText field added to reach every type.
enum SpecPack {
    static let id = UUID(uuidString: "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62")!

    static let characterTemplateText = """
        {
          "id": "default-character", "szType": "character-template", "name": "Generic Character",
          "description": "A base character layout usable across multiple systems.", "icon": "character.png",
          "version": "1.0.0", "schemaVersion": "1.0.0",
          "sections": [ {
            "id": "core", "name": "Core Stats",
            "groups": [
              { "id": "attributes", "name": "Attributes", "fields": [
                { "id": "strength", "name": "Strength", "type": "Number", "defaultValue": 10 },
                { "id": "dexterity", "name": "Dexterity", "type": "Number", "defaultValue": 10 },
                { "id": "intelligence", "name": "Intelligence", "type": "Number", "defaultValue": 10 },
                { "id": "title", "name": "Title", "type": "Text" },
                { "id": "biography", "name": "Biography", "type": "MultiText" },
                { "id": "inspired", "name": "Inspired", "type": "Boolean" }
              ] },
              { "id": "inventory", "name": "Inventory", "fields": [
                { "id": "equipment", "name": "Equipment", "type": "List", "defaultValue": ["potion"],
                  "datasetLink": { "datapackId": "c9a3f9c8-8b8a-4f1f-9f3b-2d8c7f2c6c62", "datasetId": "core-items",
                                   "version": "1.0.0" } }
              ] }
            ]
          } ]
        }
        """

    static func characterTemplate() throws -> CharacterTemplate {
        try CharacterTemplate(json: JSONParser().parse(characterTemplateText))
    }

    static func pack() throws -> Datapack {
        Datapack(
            manifest: try PackManifest(json: JSONParser().parse(PackManifestTests.manifestText)),
            datasets: [try Dataset(json: JSONParser().parse(specDatasetText))],
            characterTemplates: [try characterTemplate()]
        )
    }

    static func catalog() throws -> PackCatalog {
        try PackCatalog([pack()])
    }
}
