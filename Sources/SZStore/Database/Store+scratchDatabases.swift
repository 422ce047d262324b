import FluentKit
import FluentSQL
import Foundation
import Logging

extension Store {
    /// Creates an empty PostgreSQL database next to the one `serverURL` names and returns its URL, so that each
    /// test of the package gets a database of its own. The role needs the CREATEDB privilege.
    package static func createScratchPostgresDatabase(serverURL: String) async throws -> String {
        let name = "sz_scratch_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await runMaintenance(serverURL: serverURL, "CREATE DATABASE \(name)")
        guard var components = URLComponents(string: serverURL) else {
            throw DatabaseLocationError(
                redactedURL: DatabaseLocation.redact(serverURL),
                problem: "it is not a URL",
                fix: "set \(ScratchDatabase.postgresVariable) to postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            )
        }
        components.path = "/" + name
        return components.string ?? serverURL
    }

    /// Drops a database made by `createScratchPostgresDatabase`, closing whatever still connects to it.
    package static func dropScratchPostgresDatabase(serverURL: String, scratchURL: String) async throws {
        guard let name = URLComponents(string: scratchURL)?.path.dropFirst(), name.hasPrefix("sz_scratch_") else {
            return
        }
        try await runMaintenance(serverURL: serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func runMaintenance(serverURL: String, _ statement: String) async throws {
        let store = try Store(location: .postgres(url: serverURL), logger: Logger(label: "sessionzero.scratch"))
        do {
            guard let sql = store.database as? any SQLDatabase else { throw StoreError.notSQL }
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}

/// A throwaway database for one test: an SQLite file in a new temporary folder, or a new PostgreSQL database on
/// the server that `SZ_TEST_POSTGRES_URL` names. Every storage test of the package runs on each of `available`.
package enum ScratchDatabase: Sendable, CustomStringConvertible {
    case sqlite
    case postgres(serverURL: String)

    package static let postgresVariable = "SZ_TEST_POSTGRES_URL"

    /// SQLite always; PostgreSQL too when `SZ_TEST_POSTGRES_URL` is set. Without it no PostgreSQL case is
    /// generated at all, so nothing passes as if it had run on PostgreSQL.
    package static var available: [ScratchDatabase] {
        let url = ProcessInfo.processInfo.environment[postgresVariable] ?? ""
        return url.isEmpty ? [.sqlite] : [.sqlite, .postgres(serverURL: url)]
    }

    package var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Runs `body` with the location of a fresh, empty database, and removes the database afterwards.
    package func withLocation<Result>(_ body: (DatabaseLocation) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sz-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await body(
                .sqliteFile(path: folder.appendingPathComponent(DatabaseLocation.sqliteFileName).path)
            )
        case .postgres(let serverURL):
            let scratchURL = try await Store.createScratchPostgresDatabase(serverURL: serverURL)
            do {
                let result = try await body(.postgres(url: scratchURL))
                try await Store.dropScratchPostgresDatabase(serverURL: serverURL, scratchURL: scratchURL)
                return result
            } catch {
                try? await Store.dropScratchPostgresDatabase(serverURL: serverURL, scratchURL: scratchURL)
                throw error
            }
        }
    }

    /// Runs `body` with a migrated store on a fresh database, closing and removing it afterwards.
    package func withStore<Result>(_ body: (Store) async throws -> Result) async throws -> Result {
        try await withLocation { location in
            var logger = Logger(label: "sessionzero.test")
            logger.logLevel = .warning
            let store = try Store(location: location, logger: logger)
            do {
                try await store.migrate()
                let result = try await body(store)
                await store.shutdown()
                return result
            } catch {
                await store.shutdown()
                throw error
            }
        }
    }
}
