import Foundation
import JSONSchema
import SZCore
import SZStore
import Testing

@Suite("Characters")
struct CharacterLibraryTests {
    let core = UUID(uuidString: "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13")!

    func withCharacters(
        on database: ScratchDatabase,
        _ body: (CharacterLibrary, CharacterRecord, UserRecord, UserRecord) async throws -> Void
    ) async throws {
        try await LibraryFixture.withLibrary(on: database) { store, library, _, alice, bob async throws in
            _ = try await library.install(
                LibraryFixture.archive("core-fantasy"),
                owner: alice.id,
                visibility: .public,
                now: LibraryFixture.now
            )
            let characters = CharacterLibrary(store: store, packs: library)
            let aelric = try await characters.create(
                owner: alice.id,
                packID: core,
                version: "1.0.0",
                templateID: "adventurer",
                name: "Aelric",
                now: LibraryFixture.now
            )
            try await body(characters, aelric, alice, bob)
        }
    }

    @Test("A new character holds the template's defaults", arguments: ScratchDatabase.available)
    func create(database: ScratchDatabase) async throws {
        try await withCharacters(on: database) { characters, aelric, alice, _ async throws in
            let fields = try JSONParser().parse(Array(aelric.fields.utf8))
            #expect(fields["level"] == 1)
            #expect(fields["ancestry"] == "Human")
            let exported = try characters.export(aelric)
            #expect(exported["templateId"] == "adventurer")
            #expect(exported["templateLink"]?["datapackId"] == .string(core.uuidString.lowercased()))
            let imported = try await characters.importCharacter(exported, owner: alice.id, now: LibraryFixture.now)
            #expect(imported.fields == aelric.fields && imported.id != aelric.id)
        }
    }

    @Test("Updates are validated against the template, all or nothing", arguments: ScratchDatabase.available)
    func update(database: ScratchDatabase) async throws {
        try await withCharacters(on: database) { characters, aelric, alice, bob async throws in
            let updated = try await characters.update(
                aelric.id,
                by: alice.id,
                name: "Aelric the Bold",
                fields: ["level": 3],
                now: LibraryFixture.now.addingTimeInterval(60)
            )
            #expect(updated.name == "Aelric the Bold")
            #expect(try JSONParser().parse(Array(updated.fields.utf8))["level"] == 3)
            await #expect {
                try await characters.update(
                    aelric.id,
                    by: alice.id,
                    name: nil,
                    fields: ["level": "three", "luck": 1],
                    now: LibraryFixture.now
                )
            } throws: { error in
                guard case CharacterLibraryError.invalid(let problems) = error else { return false }
                let pointers = Set(problems.map(\.pointer.description))
                return pointers == ["/fields/level", "/fields/luck"]
            }
            let unchanged = try await characters.character(aelric.id, viewer: alice.id)
            #expect(try JSONParser().parse(Array(unchanged.fields.utf8))["level"] == 3)
            await #expect(throws: CharacterLibraryError.self) {
                try await characters.update(aelric.id, by: bob.id, name: "Mine", fields: nil, now: LibraryFixture.now)
            }
        }
    }

    @Test("List fields take entries of their linked dataset only", arguments: ScratchDatabase.available)
    func listFields(database: ScratchDatabase) async throws {
        try await withCharacters(on: database) { characters, aelric, alice, _ async throws in
            let template = try #require(
                try await characters.options(of: aelric, field: "equipment", query: nil, offset: 0, limit: 3)
            )
            #expect(template.map(\.entryID) == ["longsword", "shortsword", "dagger"])
            let found = try await characters.options(of: aelric, field: "equipment", query: "dagg", offset: 0, limit: 3)
            #expect(found.map(\.entryID) == ["dagger"])
            _ = try await characters.update(
                aelric.id,
                by: alice.id,
                name: nil,
                fields: ["equipment": ["longsword", "dagger"]],
                now: LibraryFixture.now
            )
            await #expect {
                try await characters.update(
                    aelric.id,
                    by: alice.id,
                    name: nil,
                    fields: ["equipment": ["longsword", "laser-sword"]],
                    now: LibraryFixture.now
                )
            } throws: { error in
                guard case CharacterLibraryError.invalid(let problems) = error else { return false }
                return problems.map(\.pointer.description) == ["/fields/equipment/1"]
            }
            await #expect(throws: CharacterLibraryError.self) {
                try await characters.options(of: aelric, field: "level", query: nil, offset: 0, limit: 3)
            }
        }
    }
}
