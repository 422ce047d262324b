import Logging
import SZStore
import Testing

@Suite("Migrating from several nodes")
struct ConcurrentMigrationTests {
    /// The advisory lock exists on PostgreSQL only; SQLite serves one node.
    static let postgres = ScratchDatabase.available.filter { if case .postgres = $0 { true } else { false } }

    @Test("Nodes that start together take turns: every migration runs exactly once", arguments: postgres)
    func concurrentMigrations(database: ScratchDatabase) async throws {
        try await database.withLocation { location in
            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .warning
            let nodes = try (0..<4).map { _ in try Store(location: location, logger: logger) }
            do {
                try await withThrowingTaskGroup { group in
                    for node in nodes {
                        group.addTask { try await node.migrate() }
                    }
                    try await group.waitForAll()
                }
                #expect(try await nodes[0].appliedMigrations() == Store.migrationNames)
            } catch {
                Issue.record(error, "concurrent migrations failed")
            }
            for node in nodes { await node.shutdown() }
        }
    }
}
