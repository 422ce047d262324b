import Foundation
import JSONSchema
import SZCore
import Testing

/// A session datapack (§5.8): a pack with packType "session" holding a game's state, its characters and
/// timestamped snapshots.
@Suite struct SessionDatapackTests {
    let core: Datapack

    init() throws {
        core = try RepositoryFiles.pack("examples/packs/core-fantasy")
    }

    func sessionPack() throws -> Datapack {
        let coreLink = InstanceTemplateLink(datapackId: core.manifest.id, version: core.manifest.version)
        let campaign = try #require(core.sessionTemplate(id: "heroic-campaign"))
        var state = campaign.makeInstance(id: "shattered-coast", name: "The Shattered Coast", templateLink: coreLink)
        state.fields["activeCreatures"] = ["goblin", "goblin", "wolf"]
        let aelric = try Instance(json: RepositoryFiles.json("examples/characters/aelric.json"), kind: .character)
        let manifest = PackManifest(
            id: UUID(uuidString: "0b7e3c52-9a4d-4f6e-8b21-5c9d0e1f2a36")!,
            name: "The Shattered Coast (game)",
            version: "1.0.0",
            author: "GM",
            license: "CC-BY-SA-4.0",
            createdAt: "2025-10-15T18:00:00Z",
            sessionZeroVersion: "1.0.0",
            packType: .session,
            dependencies: [PackDependency(id: core.manifest.id, name: "Core Fantasy", version: "1.0.0")]
        )
        return Datapack(manifest: manifest, session: SessionRecord(state: state, characters: [aelric]))
    }

    @Test func snapshotsAreNamedAfterTheirUTCTime() throws {
        var pack = try sessionPack()
        var session = try #require(pack.session)
        try session.takeSnapshot(at: Date(timeIntervalSince1970: 1_760_557_500.9), label: "End of session 4")
        session.state.fields["sessionNumber"] = 5
        try session.takeSnapshot(at: Date(timeIntervalSince1970: 1_760_553_000))
        #expect(
            session.snapshots.map(\.path) == [
                "snapshots/2025-10-15T18-30-00Z.json", "snapshots/2025-10-15T19-45-00Z.json",
            ]
        )
        #expect(session.snapshots[1].label == "End of session 4")
        #expect(session.snapshots[1].state.fields["sessionNumber"] == 1)
        #expect(session.snapshots[0].state.fields["sessionNumber"] == 5)
        let conflict = #expect(throws: SnapshotConflict.self) {
            try session.takeSnapshot(at: Date(timeIntervalSince1970: 1_760_553_000.5))
        }
        #expect(
            conflict?.description
                == "a snapshot taken at 2025-10-15T18:30:00Z already exists; snapshots are kept to the second"
        )
        pack.session = session

        let documents = pack.documents
        #expect(
            documents.keys.sorted() == [
                "objects/characters/aelric-stormhand.json", "objects/sessions/state.json",
                "snapshots/2025-10-15T18-30-00Z.json", "snapshots/2025-10-15T19-45-00Z.json", "szpack.json",
            ]
        )
        #expect(try Datapack(documents: documents) == pack)
        #expect(try PackCatalog([core]).validate(pack).map(\.description) == [])
    }

    @Test func problemsInsideSnapshotsNameTheSnapshotFile() throws {
        var pack = try sessionPack()
        var session = try #require(pack.session)
        session.state.fields["activeCreatures"] = ["goblni"]
        session.characters[0].fields["level"] = "three"
        try session.takeSnapshot(at: Date(timeIntervalSince1970: 1_760_553_000))
        pack.session = session
        #expect(
            try PackCatalog([core]).validate(pack).map(\.description) == [
                #"objects/sessions/state.json: /fields/activeCreatures/0: "goblni" is not an entry of dataset "#
                    + #""creatures" (did you mean "goblin"?)"#,
                #"objects/characters/aelric-stormhand.json: /fields/level: "Level" is a Number field and needs a number, "#
                    + "found a string",
                #"snapshots/2025-10-15T18-30-00Z.json: /state/fields/activeCreatures/0: "goblni" is not an entry of "#
                    + #"dataset "creatures" (did you mean "goblin"?)"#,
                #"snapshots/2025-10-15T18-30-00Z.json: /characters/0/fields/level: "Level" is a Number field and needs "#
                    + "a number, found a string",
            ]
        )
    }

    @Test func aSessionPackNeedsItsStateDocument() throws {
        var documents = try sessionPack().documents
        documents["objects/sessions/state.json"] = nil
        let error = #expect(throws: DatapackDecodingError.self) { try Datapack(documents: documents) }
        #expect(error?.description == "objects/sessions/state.json: a session pack needs its state document")
    }

    @Test func sessionDocumentsDoNotBelongInAContentPack() throws {
        var documents = try RepositoryFiles.packDocuments("examples/packs/core-fantasy")
        documents["objects/sessions/state.json"] = try sessionPack().session?.state.json
        let error = #expect(throws: DatapackDecodingError.self) { try Datapack(documents: documents) }
        #expect(
            error?.description
                == #"objects/sessions/state.json: this document belongs in session packs only (packType "session" in szpack.json)"#
        )
    }

    @Test(arguments: [
        (
            "objects/datasets/weapons.json", "objects/datasets/items.json",
            #"objects/datasets/weapons.json: /id: a document is named after its id "items" (expected objects/datasets/items.json)"#
        ),
        (
            "objects/items.json", "objects/datasets/items.json",
            "objects/items.json: unexpected document; a pack's JSON documents are szpack.json, objects/datasets/, "
                + "objects/character-templates/, objects/session-templates/"
        ),
        (
            "objects/datasets/adventurer.json", "objects/character-templates/adventurer.json",
            #"objects/datasets/adventurer.json: /szType: expected szType "dataset", found "character-template""#
        ),
    ])
    func documentsMustBeWhereTheLayoutPutsThem(path: String, original: String, message: String) throws {
        var documents = try RepositoryFiles.packDocuments("examples/packs/core-fantasy")
        documents[path] = documents.removeValue(forKey: original)
        let error = #expect(throws: DatapackDecodingError.self) { try Datapack(documents: documents) }
        #expect(error?.description == message)
    }

    @Test func aSnapshotFileIsNamedAfterItsTime() throws {
        var pack = try sessionPack()
        try pack.session?.takeSnapshot(at: Date(timeIntervalSince1970: 1_760_553_000))
        var documents = pack.documents
        documents["snapshots/latest.json"] = documents.removeValue(forKey: "snapshots/2025-10-15T18-30-00Z.json")
        let error = #expect(throws: DatapackDecodingError.self) { try Datapack(documents: documents) }
        #expect(
            error?.description
                == "snapshots/latest.json: /takenAt: a snapshot is named after its takenAt with '-' for ':' "
                + "(expected snapshots/2025-10-15T18-30-00Z.json)"
        )
    }

    @Test func aPackWithoutManifestIsRefused() {
        let error = #expect(throws: DatapackDecodingError.self) { try Datapack(documents: [:]) }
        #expect(error?.description == "szpack.json: the pack has no szpack.json")
    }

    @Test func linksMustStayWithinThePackAndItsDependencies() throws {
        var extras = try RepositoryFiles.pack("examples/packs/dungeon-extras")
        extras.manifest.dependencies = []
        let problems = try PackCatalog([core]).validate(extras).map(\.description)
        #expect(
            problems.first
                == "objects/datasets/traps.json: /entries/pit-trap/groups/0/fields/disarmTools/datasetLink/datapackId: "
                + "links to pack 3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13, which is neither this pack nor one of its "
                + "dependencies in szpack.json"
        )
        #expect(
            problems.contains {
                $0.hasPrefix("objects/session-templates/dungeon-crawl.json: /characterTemplateLink/datapackId:")
            }
        )
    }
}
