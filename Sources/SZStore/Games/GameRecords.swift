public import Foundation

/// What a new game is made of; the store adds its id and times.
public struct NewGame: Sendable, Equatable {
    public var ownerID: UUID
    /// The game's name in its URL, unique among its owner's games.
    public var slug: String
    public var name: String
    /// The bcrypt hash of the password players must give to join, or nil for an open game.
    public var passwordHash: String?
    public var playersControlMusic: Bool

    public init(ownerID: UUID, slug: String, name: String, passwordHash: String?, playersControlMusic: Bool = false) {
        self.ownerID = ownerID
        self.slug = slug
        self.name = name
        self.passwordHash = passwordHash
        self.playersControlMusic = playersControlMusic
    }
}

public struct GameRecord: Sendable, Equatable {
    public let id: UUID
    public let ownerID: UUID
    public let slug: String
    public let name: String
    public let passwordHash: String?
    public let playersControlMusic: Bool
    public let createdAt: Date
    public let updatedAt: Date
    /// When the game last stored an event; what clean-up will look at.
    public let lastActivityAt: Date
    /// When the GM said the next session starts, if they did.
    public let nextSessionAt: Date?
}

/// A seat at a game as storage keeps it. Role and standing are the tabletop's words (`gm`, `player`, …); the
/// credential is kept only as a hash and never handed back.
public struct GamePlayerRecord: Sendable, Equatable {
    public var gameID: UUID
    public var playerID: String
    public var name: String
    public var colour: String
    public var role: String
    public var standing: String
    public var userID: UUID?
    public var createdAt: Date

    public init(
        gameID: UUID,
        playerID: String,
        name: String,
        colour: String,
        role: String,
        standing: String,
        userID: UUID?,
        createdAt: Date
    ) {
        self.gameID = gameID
        self.playerID = playerID
        self.name = name
        self.colour = colour
        self.role = role
        self.standing = standing
        self.userID = userID
        self.createdAt = createdAt
    }
}

/// One committed event of a game's log: the audience word and the JSON payload are the tabletop's stored forms.
public struct StoredGameEvent: Sendable, Equatable {
    public var gameID: UUID
    public var sequence: Int64
    public var audience: String
    public var payload: String

    public init(gameID: UUID, sequence: Int64, audience: String, payload: String) {
        self.gameID = gameID
        self.sequence = sequence
        self.audience = audience
        self.payload = payload
    }
}

/// A seat whose standing changed with a batch of events, so the seat's row follows the room.
public struct StandingChange: Sendable, Equatable {
    public var gameID: UUID
    public var playerID: String
    public var standing: String

    public init(gameID: UUID, playerID: String, standing: String) {
        self.gameID = gameID
        self.playerID = playerID
        self.standing = standing
    }
}

/// The whole state of a game at `sequence`, in the tabletop's stored form.
public struct GameSnapshotRecord: Sendable, Equatable {
    public var gameID: UUID
    public var sequence: Int64
    public var state: String

    public init(gameID: UUID, sequence: Int64, state: String) {
        self.gameID = gameID
        self.sequence = sequence
        self.state = state
    }
}
