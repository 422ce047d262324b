import Foundation
import HTTPTypes
import HummingbirdTesting
import JSONSchema
import NIOCore
import SZCore
import SZPacks
import SZServer
import SZStore
import Testing

@Suite("Games made from a session template of an installed pack")
struct GameTemplateTests {
    static let coreFantasy = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "examples/packs/core-fantasy")
    static let packID = "3f6c2a1e-8d4b-4c7a-9e51-0b2d7f4a9c13"

    /// Installs Core Fantasy for `owner` with the given visibility.
    func install(_ server: TestServer, owner: String, visibility: PackVisibility) async throws -> [UInt8] {
        let archive = try PackArchiveWriter().write(folderAtPath: Self.coreFantasy.path).bytes
        let user = try #require(try await server.store.users.find(name: owner))
        _ = try await PackLibrary(store: server.store, blobs: server.blobs)
            .install(archive, owner: user.id, visibility: visibility, now: server.clock.now)
        return archive
    }

    @Test(
        "the template's fields become the session sheet; the session pack depends on the template's pack",
        arguments: ScratchDatabase.available
    )
    func fromTemplate(database: ScratchDatabase) async throws {
        try await withTestServer(on: database) { server in
            let gina = try await server.logIn("gina")
            let archive = try await install(server, owner: "gina", visibility: .private)
            let request = #"{"packId": "\#(Self.packID)", "version": "1.0.0", "templateId": "heroic-campaign", "#
            let created = try await server.post(
                "/api/v1/games/from-template",
                json: request + #""slug": "coast"}"#,
                headers: gina.headers
            )
            #expect(created.status == .created)
            #expect(try created.json["name"] == "Heroic Campaign")
            let sheet = try await server.get("/api/v1/games/gina/coast/session", headers: gina.headers)
            #expect(sheet.status == .ok)
            let state = try #require(try sheet.json["state"])
            #expect(state["templateId"] == "heroic-campaign")
            #expect(state["fields"]?["setting"] == "The Shattered Coast")
            #expect(state["templateLink"]?["datapackId"] == .string(Self.packID))
            #expect(try sheet.json["template"]?["id"] == "heroic-campaign", "the installed pack's template")

            let ann = try await server.join("gina/coast", name: "Ann")
            let asPlayer = try await server.get(
                "/api/v1/games/gina/coast/session",
                headers: [HTTPField.Name("X-Game-Credential")!: ann.credential]
            )
            #expect(asPlayer.status == .ok)
            try await server.get("/api/v1/games/gina/coast/session").expectProblem(.unauthorized, "credential-required")

            let szp = try await server.get("/api/v1/games/gina/coast/export?format=szp", headers: gina.headers)
            let contents = try PackArchiveReader().read(Array(buffer: szp.body))
            let dependency = try PackArchiveReader().read(archive)
            let report = PackValidator().validate(contents, dependencies: [try dependency.datapack()])
            #expect(report.isValid, "\(report.problems)")
            #expect(report.warnings.isEmpty, "\(report.warnings)")
            #expect(report.pack?.manifest.dependencies.map(\.id.packIDString) == [Self.packID])
            // The game depends on the pack: deleting the pack is refused and names the game.
            let refused = try await server.delete("/api/v1/packs/\(Self.packID)/1.0.0", headers: gina.headers)
            try refused.expectProblem(.conflict, "pack-in-use")
            #expect(try refused.json["dependants"] == ["game Heroic Campaign"])

            let otto = try await server.logIn("otto")
            try await server.post(
                "/api/v1/games/from-template",
                json: request + "\"slug\": \"x\"}",
                headers: otto.headers
            )
            .expectProblem(.notFound, "pack-not-found")
            let wrongTemplate = request.replacing("heroic-campaign", with: "nothing")
            try await server.post(
                "/api/v1/games/from-template",
                json: wrongTemplate + "\"slug\": \"y\"}",
                headers: gina.headers
            )
            .expectProblem(.notFound, "template-not-found")
        }
    }
}
