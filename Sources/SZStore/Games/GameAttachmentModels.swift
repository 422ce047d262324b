import FluentKit
import Foundation

// Fluent models mutate through property wrappers; these never leave SZStore or outlive one repository call.

/// A blob (image or track) uploaded into or imported with a game. Clean-up releases a blob only when no game
/// holds it any more and no pack uses it.
final class GameBlobModel: Model, @unchecked Sendable {
    static let schema = "game_blobs"

    @ID(key: .id) var id: UUID?
    @Field(key: "game_id") var gameID: UUID
    @Field(key: "sha256") var sha256: String
    /// The thumbnail the browser made of this image, a blob of its own; nil for tracks and older uploads.
    @OptionalField(key: "thumbnail_sha256") var thumbnailSHA256: String?

    init() {}

    init(gameID: UUID, sha256: String) {
        self.gameID = gameID
        self.sha256 = sha256
    }
}

/// The session sheet of a game made from a session template or a session pack: its state, characters and
/// snapshots as one JSON document (SZServer's `GameSessionSheet` form).
final class GameSessionModel: Model, @unchecked Sendable {
    static let schema = "game_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "game_id") var gameID: UUID
    @Field(key: "document") var document: String

    init() {}
}
