import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZServer
import SZStore
import Testing

extension TestServer {
    func patch(_ path: String, json: String, headers: HTTPFields) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return try await client.execute(uri: path, method: .patch, headers: headers, body: ByteBuffer(string: json))
    }

    /// Alice with Core Fantasy installed and a fresh character, Aelric.
    func aliceWithAelric() async throws -> (alice: BrowserSession, path: String) {
        let alice = try await logIn("alice")
        #expect(try await upload(try ExampleArchives.archive("core-fantasy"), session: alice).status == .created)
        let created = try await post(
            "/api/v1/characters",
            json:
                #"{"packId": "\#(ExampleArchives.core)", "version": "1.0.0", "templateId": "adventurer", "name": "Aelric"}"#,
            headers: alice.headers
        )
        #expect(created.status == .created)
        let id = try #require(try created.json["id"]?.stringValue)
        return (alice, "/api/v1/characters/\(id)")
    }
}

@Suite("Character endpoints")
struct CharacterEndpointTests {
    @Test("Create with defaults, update, list options, export and import", arguments: ScratchDatabase.available)
    func lifecycle(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let (alice, path) = try await server.aliceWithAelric()
            let read = try await server.get(path, headers: alice.headers)
            #expect(try read.json["fields"]?["level"] == 1)
            #expect(try read.json["fields"]?["ancestry"] == "Human")

            let updated = try await server.patch(
                path,
                json: #"{"name": "Aelric the Bold", "fields": {"level": 3, "equipment": ["longsword", "dagger"]}}"#,
                headers: alice.headers
            )
            #expect(updated.status == .ok)
            #expect(try updated.json["name"] == "Aelric the Bold")
            #expect(try updated.json["fields"]?["equipment"] == ["longsword", "dagger"])

            let options = try await server.get(path + "/fields/spellsKnown/options?q=fire", headers: alice.headers)
            let names = try #require(try options.json["items"]?.arrayValue).compactMap { $0["name"]?.stringValue }
            #expect(!names.isEmpty)

            let list = try await server.get("/api/v1/characters", headers: alice.headers)
            #expect(try list.json["items"]?.arrayValue?.count == 1)

            let exported = try await server.get(path + "/export", headers: alice.headers)
            #expect(try exported.json["templateId"] == "adventurer")
            let imported = try await server.post(
                "/api/v1/characters/import",
                json: String(buffer: exported.body),
                headers: alice.headers
            )
            #expect(imported.status == .created)
            #expect(try imported.json["fields"] == (try updated.json["fields"]))
            #expect(try await server.delete(path, headers: alice.headers).status == .noContent)
            try await server.get(path, headers: alice.headers).expectProblem(.notFound, "character-not-found")
        }
    }

    @Test("Invalid values are refused field by field and nothing changes", arguments: ScratchDatabase.available)
    func invalidUpdates(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let (alice, path) = try await server.aliceWithAelric()
            let refused = try await server.patch(
                path,
                json: #"{"fields": {"level": "three", "equipment": ["laser-sword"], "luck": 7}}"#,
                headers: alice.headers
            )
            try refused.expectProblem(.unprocessableContent, "invalid-character")
            let pointers = try #require(try refused.json["errors"]?.arrayValue).compactMap {
                $0["pointer"]?.stringValue
            }
            #expect(Set(pointers) == ["/fields/level", "/fields/equipment/0", "/fields/luck"])
            #expect(try await server.get(path, headers: alice.headers).json["fields"]?["level"] == 1)

            try await server.patch(path, json: #"{"fields": [1]}"#, headers: alice.headers)
                .expectProblem(.badRequest, "invalid-field")
            try await server.patch(path, json: #"{"nickname": "Al"}"#, headers: alice.headers)
                .expectProblem(.badRequest, "invalid-field")
            try await server.patch(path, json: #"{"name": ""}"#, headers: alice.headers)
                .expectProblem(.unprocessableContent, "invalid-character")
            try await server.patch(path, json: "{not json", headers: alice.headers)
                .expectProblem(.badRequest, "malformed-json")
            try await server.get(path + "/fields/level/options", headers: alice.headers)
                .expectProblem(.unprocessableContent, "cannot-use-template")
        }
    }

    @Test(
        "Another account, no account or a forged request cannot touch a character",
        arguments: ScratchDatabase.available
    )
    func permissions(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let (alice, path) = try await server.aliceWithAelric()
            let bob = try await server.logIn("bob")
            try await server.get(path, headers: bob.headers).expectProblem(.notFound, "character-not-found")
            try await server.patch(path, json: #"{"name": "Mine now"}"#, headers: bob.headers)
                .expectProblem(.notFound, "character-not-found")
            try await server.delete(path, headers: bob.headers).expectProblem(.notFound, "character-not-found")
            try await server.get(path).expectProblem(.unauthorized, "not-authenticated")
            let forged = try await server.patch(path, json: #"{"name": "Forged"}"#, headers: [.cookie: alice.cookie])
            #expect(forged.status == .forbidden)
            #expect(try await server.get(path, headers: alice.headers).json["name"] == "Aelric")
            try await server.get("/api/v1/characters/not-a-uuid", headers: alice.headers)
                .expectProblem(.notFound, "character-not-found")
            let unknownTemplate = try await server.post(
                "/api/v1/characters",
                json:
                    #"{"packId": "\#(ExampleArchives.core)", "version": "1.0.0", "templateId": "wizard", "name": "W"}"#,
                headers: alice.headers
            )
            try unknownTemplate.expectProblem(.unprocessableContent, "cannot-use-template")
            let missingField = try await server.post(
                "/api/v1/characters",
                json: #"{"packId": "\#(ExampleArchives.core)", "version": "1.0.0", "name": "W"}"#,
                headers: alice.headers
            )
            try missingField.expectProblem(.badRequest, "invalid-field")
            // Deleting the pack is refused while Aelric needs it.
            let refused = try await server.delete("/api/v1/packs/\(ExampleArchives.core)/1.0.0", headers: alice.headers)
            #expect(try refused.json["dependants"] == ["character Aelric"])
        }
    }
}
