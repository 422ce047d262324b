public enum PlayerRole: String, Codable, Sendable, CaseIterable {
    case gm
    case player
    case spectator
}

/// Whether a player may still take part. A kicked player is out until the GM readmits them; a banned one
/// also keeps their account from joining again as someone new.
public enum PlayerStanding: String, Codable, Sendable, CaseIterable {
    case active
    case kicked
    case banned
}

/// A seat at the table. The name is what others see, never an identity: the room is told who sends a command
/// by the connection that authenticated with the player's credential.
public struct Player: Equatable, Sendable {
    public var id: PlayerID
    public var name: String
    public var colour: PlayerColour
    public var role: PlayerRole
    public var standing: PlayerStanding
    public var online: Bool
    /// The account behind the seat; guests have none. Kept from other players (see `PlayerInfo`).
    public var userID: UserID?

    public init(
        id: PlayerID,
        name: String,
        colour: PlayerColour,
        role: PlayerRole,
        standing: PlayerStanding = .active,
        online: Bool = false,
        userID: UserID? = nil
    ) {
        self.id = id
        self.name = name
        self.colour = colour
        self.role = role
        self.standing = standing
        self.online = online
        self.userID = userID
    }

    /// What every viewer may know about this player: no account, no credential, no address.
    public var info: PlayerInfo {
        PlayerInfo(id: id, name: name, colour: colour, role: role, standing: standing, online: online)
    }
}

public struct PlayerInfo: Codable, Equatable, Sendable {
    public var id: PlayerID
    public var name: String
    public var colour: PlayerColour
    public var role: PlayerRole
    public var standing: PlayerStanding
    public var online: Bool
}
