import FluentKit

/// The start of a game's next session as its GM planned it, for the countdown players see; empty when none is.
struct AddGameNextSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameModel.schema).field("next_session_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameModel.schema).deleteField("next_session_at").update()
    }
}
