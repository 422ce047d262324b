import Foundation
import Logging
import SZStore
import Testing

@Suite("sessionzero cleanup")
struct CleanupCommandTests {
    @Test("--dry-run prints what would go and removes nothing; without it the games and accounts go")
    func dryRunThenRun() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("sz-cleanup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let migrate = try ServerProcess(arguments: ["migrate", "--data", data.path])
        #expect(await migrate.exitStatus() == 0, "\(migrate.output)")
        var logger = Logger(label: "sessionzero.test")
        logger.logLevel = .critical
        let store = try Store(
            location: .sqliteFile(path: data.appendingPathComponent(DatabaseLocation.sqliteFileName).path),
            logger: logger
        )
        let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
        _ = try await store.users.create(name: "admin", role: nil, passwordHash: nil, now: longAgo)
        _ = try await store.users.create(name: "idle", role: nil, passwordHash: nil, now: longAgo)
        let fresh = try await store.users.create(name: "fresh", role: nil, passwordHash: nil, now: Date())
        _ = try await store.games.create(
            NewGame(ownerID: fresh.id, slug: "old-table", name: "Old table", passwordHash: nil),
            id: UUID(),
            initialState: "{}",
            now: longAgo
        )
        await store.shutdown()

        let dryRun = try ServerProcess(arguments: ["cleanup", "--dry-run", "--data", data.path])
        #expect(await dryRun.exitStatus() == 0, "\(dryRun.output)")
        #expect(dryRun.output.contains("would remove account idle (last active 2001-09-09T01:46:40Z)"))
        #expect(dryRun.output.contains("would remove game fresh/old-table (last active 2001-09-09T01:46:40Z)"))
        #expect(dryRun.output.contains("would remove 2 item(s) unused since"))
        #expect(!dryRun.output.contains("admin"))

        let run = try ServerProcess(arguments: ["cleanup", "--data", data.path])
        #expect(await run.exitStatus() == 0, "\(run.output)")
        #expect(run.output.contains("removed account idle"))
        #expect(run.output.contains("removed game fresh/old-table"))
        let again = try ServerProcess(arguments: ["cleanup", "--dry-run", "--data", data.path])
        #expect(await again.exitStatus() == 0)
        #expect(again.output.contains("would remove 0 item(s)"))
    }

    @Test("serve stops with the file and line of a bad fancy URL word list")
    func badWordList() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("sz-fancy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let lists = data.appendingPathComponent("fancyurl")
        try FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
        try Data("roll\nroll\n".utf8).write(to: lists.appendingPathComponent("verbs.txt"))
        let server = try ServerProcess(arguments: ["serve", "--data", data.path, "--port", "0"])
        #expect(await server.exitStatus() == 2)
        #expect(server.output.contains("\(lists.path)/verbs.txt:2: \"roll\" repeats line 1"), "\(server.output)")
    }
}
