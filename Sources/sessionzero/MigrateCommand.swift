import ArgumentParser
import Foundation
import Logging
import SZStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database schema up to date, then exit.",
        discussion: """
            `serve` migrates at start too; run this once before starting several servers on one PostgreSQL database \
            (on PostgreSQL an advisory lock lets only one node migrate at a time anyway).
            """
    )

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = Logger(label: "sessionzero")
        let folder = dataOptions.folder(environment: environment)
        try await withMigratedStore(folder: folder, environment: environment, logger: logger) { store in
            let applied = try await store.appliedMigrations()
            print("\(store.location): schema up to date, \(applied.count) migrations applied")
        }
    }
}
