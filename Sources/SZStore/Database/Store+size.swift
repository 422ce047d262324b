import FluentKit
import FluentSQL

extension Store {
    /// The bytes the database takes, when the engine says so cheaply: SQLite's page count times its page size, or
    /// PostgreSQL's `pg_database_size`. Nil for an in-memory database.
    public func databaseSize() async throws -> Int? {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        switch location {
        case .sqliteMemory:
            return nil
        case .sqliteFile:
            let pages = try await sql.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self)
            let pageSize = try await sql.raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self)
            guard let pages, let pageSize else { return nil }
            return pages * pageSize
        case .postgres:
            return try await sql.raw("SELECT pg_database_size(current_database()) AS size").first()?
                .decode(column: "size", as: Int.self)
        }
    }
}
