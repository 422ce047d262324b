import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZPacks
import SZServer
import SZStore
import Testing

/// The example packs as archives, and uploading them.
enum ExampleArchives {
    static let examples = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "examples/packs")
    static let core = "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13"
    static let extras = "a7d4e2c9-5b1f-4e38-8c6a-2f9b1d0e7a54"

    static func archive(_ name: String) throws -> [UInt8] {
        try PackArchiveWriter().write(folderAtPath: examples.appending(path: name).path).bytes
    }
}

extension TestServer {
    func upload(
        _ bytes: [UInt8],
        session: BrowserSession,
        visibility: String = "public"
    ) async throws -> TestResponse {
        var headers = session.headers
        headers[.contentType] = "application/zip"
        return try await client.execute(
            uri: "/api/v1/packs?visibility=\(visibility)",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: bytes)
        )
    }
}

@Suite("Pack library endpoints")
struct PackEndpointTests {
    let corePath = "/api/v1/packs/\(ExampleArchives.core)/1.0.0"

    @Test("Upload, read, download byte-identical, browse entries and search", arguments: ScratchDatabase.available)
    func lifecycle(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let alice = try await server.logIn("alice")
            let archive = try ExampleArchives.archive("core-fantasy")
            let uploaded = try await server.upload(archive, session: alice)
            #expect(uploaded.status == .created)
            #expect(try uploaded.json["name"] == "Core Fantasy")
            #expect(try uploaded.json["datasets"]?.arrayValue?.count == 3)

            let read = try await server.get(corePath)
            #expect(read.status == .ok)
            #expect(try read.json["owner"] == "alice")
            let etag = try #require(read.headers[.eTag])
            let again = try await server.get(corePath, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)

            let download = try await server.get(corePath + "/archive")
            #expect(Array(download.body.readableBytesView) == archive)
            #expect(download.headers[.contentType] == "application/zip")

            let page = try await server.get(corePath + "/datasets/items/entries?limit=2")
            #expect(
                try page.json["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["longsword", "shortsword"]
            )
            let cursor = try #require(try page.json["nextCursor"]?.stringValue)
            let next = try await server.get(corePath + "/datasets/items/entries?limit=2&cursor=\(cursor)")
            #expect(try next.json["items"]?.arrayValue?.first?["id"] == "dagger")

            let found = try await server.get(corePath + "/datasets/items/entries?q=dagg")
            #expect(try found.json["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["dagger"])
            let everywhere = try await server.get("/api/v1/entries?q=longsword")
            #expect(try everywhere.json["items"]?.arrayValue?.first?["entry"]?["id"] == "longsword")

            let template = try await server.get(corePath + "/character-templates/adventurer")
            #expect(try template.json["szType"] == "character-template")
            let icon = try await server.get(corePath + "/media/images/items/sword.svg")
            #expect(icon.status == .ok)
            #expect(icon.headers[.contentType] == "image/svg+xml")
            #expect(icon.headers[.contentSecurityPolicy]?.contains("sandbox") == true)

            let listed = try await server.get("/api/v1/packs?q=fantasy")
            #expect(try listed.json["items"]?.arrayValue?.count == 1)
            let schema = try await server.get("/schemas/v1/dataset.schema.json")
            #expect(try schema.json["$id"] == "https://sessionzero.dev/schemas/v1/dataset.schema.json")
        }
    }

    @Test("An invalid pack is refused with its report and nothing is stored", arguments: ScratchDatabase.available)
    func invalidUpload(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let alice = try await server.logIn("alice")
            let extras = try await server.upload(try ExampleArchives.archive("dungeon-extras"), session: alice)
            try extras.expectProblem(.unprocessableContent, "invalid-pack")
            let report = try #require(try extras.json["report"])
            #expect(report["valid"] == false)
            #expect(report["problems"]?.arrayValue?.first?["file"] == "szpack.json")
            let garbage = try await server.upload(Array("not a zip at all".utf8), session: alice)
            try garbage.expectProblem(.unprocessableContent, "unreadable-pack")
            let list = try await server.get("/api/v1/packs", headers: alice.headers)
            #expect(try list.json["items"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("Uploads need an account, a CSRF token and a size under the limit", arguments: ScratchDatabase.available)
    func uploadRefusals(database: ScratchDatabase) async throws {
        var settings = ServerSettings.defaults
        settings.fileLimit.pack = 1
        try await withTestServer(on: database, settings: settings) { server in
            let anonymous = try await server.client.execute(
                uri: "/api/v1/packs",
                method: .post,
                headers: [.contentType: "application/zip"],
                body: ByteBuffer(bytes: try ExampleArchives.archive("core-fantasy"))
            )
            try anonymous.expectProblem(.unauthorized, "not-authenticated")
            let alice = try await server.logIn("alice")
            let forged = try await server.client.execute(
                uri: "/api/v1/packs",
                method: .post,
                headers: [.cookie: alice.cookie, .contentType: "application/zip"],
                body: ByteBuffer(bytes: try ExampleArchives.archive("core-fantasy"))
            )
            #expect(forged.status == .forbidden)
            let huge = try await server.upload([UInt8](repeating: 0, count: 2 * 1024 * 1024), session: alice)
            try huge.expectProblem(.contentTooLarge, "pack-too-large")
            let badVisibility = try await server.upload([], session: alice, visibility: "everyone")
            try badVisibility.expectProblem(.badRequest, "invalid-field")
        }
    }

    @Test(
        "Private packs stay private; deletion is refused while a pack depends on it",
        arguments: ScratchDatabase.available
    )
    func privacyAndDeletion(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let alice = try await server.logIn("alice")
            let bob = try await server.logIn("bob")
            #expect(
                try await server.upload(try ExampleArchives.archive("core-fantasy"), session: alice).status == .created
            )
            let extras = try await server.upload(
                try ExampleArchives.archive("dungeon-extras"),
                session: bob,
                visibility: "private"
            )
            #expect(extras.status == .created)
            let extrasPath = "/api/v1/packs/\(ExampleArchives.extras)/1.1.0"
            try await server.get(extrasPath, headers: alice.headers).expectProblem(.notFound, "pack-not-found")
            try await server.get(extrasPath).expectProblem(.notFound, "pack-not-found")
            let resolution = try await server.get(extrasPath + "/resolution", headers: bob.headers)
            #expect(try resolution.json["resolved"] == true)
            #expect(try resolution.json["packs"]?.arrayValue?.first?["name"] == "Core Fantasy")

            let refused = try await server.delete(corePath, headers: alice.headers)
            try refused.expectProblem(.conflict, "pack-in-use")
            #expect(try refused.json["dependants"] == ["pack Dungeon Extras 1.1.0"])
            try await server.delete(corePath, headers: bob.headers).expectProblem(.forbidden, "not-your-pack")
            #expect(try await server.delete(extrasPath, headers: bob.headers).status == .noContent)
            #expect(try await server.delete(corePath, headers: alice.headers).status == .noContent)
            try await server.get(corePath).expectProblem(.notFound, "pack-not-found")
        }
    }

    @Test("Unknown ids, datasets, cursors and paths answer 4xx problems", arguments: ScratchDatabase.available)
    func unknowns(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let alice = try await server.logIn("alice")
            _ = try await server.upload(try ExampleArchives.archive("core-fantasy"), session: alice)
            try await server.get("/api/v1/packs/not-a-uuid/1.0.0").expectProblem(.badRequest, "invalid-field")
            try await server.get(corePath.replacing("1.0.0", with: "9.9.9")).expectProblem(.notFound, "pack-not-found")
            try await server.get(corePath + "/datasets/weapons/entries").expectProblem(.notFound, "not-found")
            try await server.get(corePath + "/datasets/items/entries?cursor=bogus").expectProblem(
                .badRequest,
                "invalid-field"
            )
            try await server.get(corePath + "/datasets/items/entries?limit=1000").expectProblem(
                .badRequest,
                "invalid-field"
            )
            try await server.get(corePath + "/media/../szpack.json").expectProblem(.notFound, "not-found")
            try await server.get(corePath + "/session-templates/nope").expectProblem(.notFound, "not-found")
            try await server.get("/api/v1/entries").expectProblem(.badRequest, "invalid-field")
            try await server.get("/schemas/v1/../../etc/passwd").expectProblem(.notFound, "not-found")
            try await server.get("/schemas/v1/unknown.schema.json").expectProblem(.notFound, "schema-not-found")
        }
    }
}
