import FluentKit

struct CreateGame: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameModel.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string)
            .field("players_control_music", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("last_activity_at", .datetime, .required)
            .unique(on: "owner_id", "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameModel.schema).delete()
    }
}

struct CreateGamePlayer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GamePlayerModel.schema)
            .id()
            .field("game_id", .uuid, .required, .references(GameModel.schema, .id, onDelete: .cascade))
            .field("player_id", .string, .required)
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("colour", .string, .required)
            .field("role", .string, .required)
            .field("standing", .string, .required)
            .field("user_id", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("credential_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "game_id", "player_id")
            .unique(on: "game_id", "name_key")
            .unique(on: "credential_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GamePlayerModel.schema).delete()
    }
}

struct CreateGameEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameEventModel.schema)
            .id()
            .field("game_id", .uuid, .required, .references(GameModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int64, .required)
            .field("audience", .string, .required)
            .field("payload", .string, .required)
            .unique(on: "game_id", "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameEventModel.schema).delete()
    }
}

struct CreateGameSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameSnapshotModel.schema)
            .id()
            .field("game_id", .uuid, .required, .references(GameModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int64, .required)
            .field("state", .string, .required)
            .field("taken_at", .datetime, .required)
            .unique(on: "game_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameSnapshotModel.schema).delete()
    }
}
