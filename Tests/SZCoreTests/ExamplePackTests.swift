import Foundation
import JSONSchema
import SZCore
import Testing

/// The example packs and character under `examples/` are read from the repository and must be valid.
@Suite struct ExamplePackTests {
    let core: Datapack
    let extras: Datapack

    init() throws {
        core = try RepositoryFiles.pack("examples/packs/core-fantasy")
        extras = try RepositoryFiles.pack("examples/packs/dungeon-extras")
    }

    @Test func corePackHasRealContent() {
        #expect(core.manifest.name == "Core Fantasy")
        #expect(core.datasets.map(\.id) == ["creatures", "items", "spells"])
        #expect(core.datasets.reduce(0) { $0 + $1.entries.count } >= 60)
        #expect(core.datasets.allSatisfy { dataset in dataset.entries.contains { !$0.groups.isEmpty } })
        #expect(core.characterTemplates.map(\.id) == ["adventurer"])
        #expect(core.sessionTemplates.map(\.id) == ["heroic-campaign"])
    }

    @Test func fieldPathsReadTheExamples() throws {
        let spells = try #require(core.dataset(id: "spells"))
        #expect(try spells.value(at: "fireball.level") == .number(JSONNumber(3)))
        #expect(try spells.value(at: "fireball.components.materials") == .text("a tiny ball of bat guano and sulfur"))
        let creatures = try #require(core.dataset(id: "creatures"))
        #expect(try creatures.value(at: "goblin.challengeRating") == .number(JSONNumber("0.25")!))
        #expect(try creatures.value(at: "troll.abilities.constitution") == .number(JSONNumber(20)))
    }

    @Test func everyReferencedImageIsInThePack() {
        for (folder, pack) in [("core-fantasy", core), ("dungeon-extras", extras)] {
            #expect(!pack.referencedImages.isEmpty)
            for image in pack.referencedImages {
                let url = RepositoryFiles.url("examples/packs/\(folder)/\(image)")
                #expect(FileManager.default.fileExists(atPath: url.path), "\(folder) names \(image)")
            }
        }
        #expect(core.referencedImages.count >= 16)
    }

    @Test func linksResolveAcrossPacks() throws {
        let catalog = try PackCatalog([core, extras])
        #expect(catalog.validate(core).map(\.description) == [])
        #expect(catalog.validate(extras).map(\.description) == [])
        let dependency = try #require(extras.manifest.dependencies.first)
        #expect(dependency.id == core.manifest.id)
        #expect(dependency.range == "^1.0.0")
    }

    @Test func theExtrasPackNeedsCoreFantasyLoaded() throws {
        let problems = try PackCatalog([extras]).validate(extras).map(\.description)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasSuffix("pack 3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13 is not loaded") })
        #expect(
            problems.first
                == "objects/datasets/traps.json: /entries/pit-trap/groups/0/fields/disarmTools/datasetLink: the dataset "
                + "link does not resolve: pack 3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13 is not loaded"
        )
    }

    @Test func aelricIsAValidAdventurer() throws {
        let aelric = try Instance(json: RepositoryFiles.json("examples/characters/aelric.json"), kind: .character)
        #expect(try PackCatalog([core]).validate(aelric).map(\.description) == [])
        let template = try #require(core.characterTemplate(id: "adventurer"))
        #expect(try aelric.value(of: #require(template.field(id: "level"))) == .number(JSONNumber(3)))
    }

    @Test(arguments: [
        "examples/packs/core-fantasy", "examples/packs/dungeon-extras",
    ])
    func documentsRoundTripUnchanged(folder: String) throws {
        let documents = try RepositoryFiles.packDocuments(folder)
        #expect(try Datapack(documents: documents).documents == documents)
    }

    @Test func theCharacterRoundTripsUnchanged() throws {
        let json = try RepositoryFiles.json("examples/characters/aelric.json")
        #expect(try Instance(json: json).json == json)
    }
}
