import FluentKit

struct CreateGameBlob: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameBlobModel.schema)
            .id()
            .field("game_id", .uuid, .required, .references(GameModel.schema, .id, onDelete: .cascade))
            .field("sha256", .string, .required)
            .unique(on: "game_id", "sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameBlobModel.schema).delete()
    }
}

struct CreateGameSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameSessionModel.schema)
            .id()
            .field("game_id", .uuid, .required, .references(GameModel.schema, .id, onDelete: .cascade))
            .field("document", .string, .required)
            .unique(on: "game_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameSessionModel.schema).delete()
    }
}
