import FluentKit
import FluentSQL

/// The pack library: installed packs, their objects, entries (with a full-text index: FTS5 on SQLite, a
/// tsvector column with a GIN index on PostgreSQL), media, and characters.
struct CreatePackLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PackModel.schema)
            .id()
            .field("pack_id", .uuid, .required)
            .field("version", .string, .required)
            .field("name", .string, .required)
            .field("author", .string, .required)
            .field("license", .string, .required)
            .field("description", .string)
            .field("pack_type", .string, .required)
            .field("owner_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("visibility", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .datetime, .required)
            .field("manifest", .string, .required)
            .unique(on: "pack_id", "version")
            .create()
        try await database.schema(PackObjectModel.schema)
            .id()
            .field("pack_row_id", .uuid, .required, .references(PackModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("object_id", .string, .required)
            .field("name", .string, .required)
            .field("icon", .string)
            .field("dataset_type", .string)
            .field("entry_count", .int, .required)
            .field("document", .string, .required)
            .unique(on: "pack_row_id", "kind", "object_id")
            .create()
        try await database.schema(PackEntryModel.schema)
            .id()
            .field("pack_row_id", .uuid, .required, .references(PackModel.schema, .id, onDelete: .cascade))
            .field("dataset_id", .string, .required)
            .field("entry_id", .string, .required)
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("search_text", .string, .required)
            .field("document", .string, .required)
            .unique(on: "pack_row_id", "dataset_id", "entry_id")
            .create()
        try await database.schema(PackMediaModel.schema)
            .id()
            .field("pack_row_id", .uuid, .required, .references(PackModel.schema, .id, onDelete: .cascade))
            .field("path", .string, .required)
            .field("sha256", .string, .required)
            .unique(on: "pack_row_id", "path")
            .create()
        try await database.schema(CharacterModel.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("pack_id", .uuid, .required)
            .field("pack_version", .string, .required)
            .field("template_id", .string, .required)
            .field("fields", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await EntrySearchIndex.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await EntrySearchIndex.drop(on: database)
        for schema in [
            CharacterModel.schema, PackMediaModel.schema, PackEntryModel.schema, PackObjectModel.schema,
            PackModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
