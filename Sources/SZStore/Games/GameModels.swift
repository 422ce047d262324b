import FluentKit
import Foundation

// Fluent models mutate through property wrappers; these never leave SZStore or outlive one repository call.

final class GameModel: Model, @unchecked Sendable {
    static let schema = "games"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "players_control_music") var playersControlMusic: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "last_activity_at") var lastActivityAt: Date
    @OptionalField(key: "next_session_at") var nextSessionAt: Date?

    init() {}

    init(_ new: NewGame, now: Date) {
        ownerID = new.ownerID
        slug = new.slug
        name = new.name
        passwordHash = new.passwordHash
        playersControlMusic = new.playersControlMusic
        createdAt = now
        updatedAt = now
        lastActivityAt = now
    }

    func record() throws -> GameRecord {
        GameRecord(
            id: try requireID(),
            ownerID: ownerID,
            slug: slug,
            name: name,
            passwordHash: passwordHash,
            playersControlMusic: playersControlMusic,
            createdAt: createdAt,
            updatedAt: updatedAt,
            lastActivityAt: lastActivityAt,
            nextSessionAt: nextSessionAt
        )
    }
}

final class GamePlayerModel: Model, @unchecked Sendable {
    static let schema = "game_players"

    @ID(key: .id) var id: UUID?
    @Field(key: "game_id") var gameID: UUID
    @Field(key: "player_id") var playerID: String
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "colour") var colour: String
    @Field(key: "role") var role: String
    @Field(key: "standing") var standing: String
    @OptionalField(key: "user_id") var userID: UUID?
    /// SHA-256 of the player's secret credential: a copy of the database lets nobody take a seat.
    @Field(key: "credential_hash") var credentialHash: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ seat: GamePlayerRecord, credentialHash: String) {
        gameID = seat.gameID
        playerID = seat.playerID
        name = seat.name
        nameKey = seat.name.lowercased()
        colour = seat.colour
        role = seat.role
        standing = seat.standing
        userID = seat.userID
        self.credentialHash = credentialHash
        createdAt = seat.createdAt
    }

    var record: GamePlayerRecord {
        GamePlayerRecord(
            gameID: gameID,
            playerID: playerID,
            name: name,
            colour: colour,
            role: role,
            standing: standing,
            userID: userID,
            createdAt: createdAt
        )
    }
}

final class GameEventModel: Model, @unchecked Sendable {
    static let schema = "game_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "game_id") var gameID: UUID
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "audience") var audience: String
    @Field(key: "payload") var payload: String

    init() {}

    init(_ event: StoredGameEvent) {
        gameID = event.gameID
        sequence = event.sequence
        audience = event.audience
        payload = event.payload
    }

    var record: StoredGameEvent {
        StoredGameEvent(gameID: gameID, sequence: sequence, audience: audience, payload: payload)
    }
}

final class GameSnapshotModel: Model, @unchecked Sendable {
    static let schema = "game_snapshots"

    @ID(key: .id) var id: UUID?
    @Field(key: "game_id") var gameID: UUID
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "state") var state: String
    @Field(key: "taken_at") var takenAt: Date

    init() {}
}
