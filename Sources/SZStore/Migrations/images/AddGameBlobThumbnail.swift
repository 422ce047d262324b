import FluentKit

/// A game's image may carry a thumbnail the browser made at upload (the server has no image library): a blob of
/// its own, held by the same row, so clean-up releases it with the image.
struct AddGameBlobThumbnail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GameBlobModel.schema).field("thumbnail_sha256", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GameBlobModel.schema).deleteField("thumbnail_sha256").update()
    }
}
