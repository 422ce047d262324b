import Foundation
import HTTPTypes
import JSONSchema
import SZCore
import SZStore
import Synchronization
import Testing

@testable import SZServer

/// Two servers on one database each change a game's session sheet: neither change may be lost.
@Suite("Session sheet changes racing another server's")
struct SessionSheetRaceTests {
    /// The sheets of Gina's game, with the sheet as the test server's store holds it.
    private static func withSheets(
        on database: ScratchDatabase,
        _ body: @escaping @Sendable (TestServer, GameSessionSheets, GameRecord) async throws -> Void
    ) async throws {
        try await withTestServer(on: database) { server in
            _ = try await server.createGame()
            let owner = try #require(try await server.store.users.find(name: "gina"))
            let game = try #require(try await server.store.games.find(ownerID: owner.id, slug: "dark-forest"))
            let sheets = GameSessionSheets(
                store: server.store,
                checker: InstanceChecker(
                    store: server.store,
                    packs: PackLibrary(store: server.store, blobs: server.blobs)
                ),
                writer: SessionSheetWriter()
            )
            try await body(server, sheets, game)
        }
    }

    @Test(
        "a change made from a sheet another server replaced meanwhile is made again on the newer sheet",
        arguments: ScratchDatabase.available
    )
    func changeMadeAgain(database: ScratchDatabase) async throws {
        try await Self.withSheets(on: database) { server, sheets, game in
            let runs = Mutex(0)
            try await sheets.change(game, name: "Dark forest") { sheet in
                if runs.withLock({ runs in
                    runs += 1
                    return runs
                }) == 1 {
                    // The other server stores its note between this change's reading the sheet and storing it.
                    var other = sheet
                    other.record.state.fields["notes"] = "From the other server"
                    try await server.store.gameSessions.save(other.storedJSON, for: game.id)
                }
                var mine = sheet
                mine.record.state.fields["gmNotes"] = "Mine"
                return (mine, ())
            }
            #expect(runs.withLock { $0 } == 2)
            let stored = try await sheets.sheet(of: game, name: "Dark forest").record.state.fields
            #expect(stored["notes"] == "From the other server")
            #expect(stored["gmNotes"] == "Mine")
        }
    }

    @Test("a sheet that changes before every attempt ends in 409 session-sheet-busy, keeping the other server's sheet")
    func givesUp() async throws {
        try await Self.withSheets(on: .sqlite) { server, sheets, game in
            let othersSheets = Mutex<[String]>([])
            let error = await #expect(throws: APIError.self) {
                try await sheets.change(game, name: "Dark forest") { sheet in
                    var other = sheet
                    other.record.state.fields["notes"] = .string(
                        "From the other server, \(othersSheets.withLock(\.count))"
                    )
                    try await server.store.gameSessions.save(other.storedJSON, for: game.id)
                    othersSheets.withLock { $0.append(other.storedJSON) }
                    var mine = sheet
                    mine.record.state.fields["gmNotes"] = "Mine"
                    return (mine, ())
                }
            }
            #expect(error?.status == .conflict && error?.slug == "session-sheet-busy")
            let others = othersSheets.withLock { $0 }
            #expect(others.count == GameSessionSheets.attempts)
            let stored = try await server.store.gameSessions.document(of: game.id)
            #expect(stored == others.last)
        }
    }
}
