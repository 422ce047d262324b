import FluentKit
import FluentSQL

/// The clean-up and the usage figures select accounts by their last activity; without an index each of those
/// queries reads the whole table.
struct IndexUserActivity: AsyncMigration {
    static let indexName = "users_last_seen_at"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.create(index: Self.indexName).on(UserModel.schema).column("last_seen_at").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.notSQL }
        try await sql.drop(index: Self.indexName).run()
    }
}
