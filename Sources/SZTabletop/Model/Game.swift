/// The table itself: who runs it and the switches the GM set. Secrets (join passwords, credentials) live in
/// storage, never in the room's state, so nothing the room sends can leak them.
public struct Game: Codable, Equatable, Sendable {
    public var id: GameID
    public var name: String
    public var gmUserID: UserID
    public var flags: GameFlags

    public init(id: GameID, name: String, gmUserID: UserID, flags: GameFlags = GameFlags()) {
        self.id = id
        self.name = name
        self.gmUserID = gmUserID
        self.flags = flags
    }
}

public struct GameFlags: Codable, Equatable, Sendable {
    /// Players (not spectators) may control the music slots too, not only the GM.
    public var playersControlMusic: Bool

    public init(playersControlMusic: Bool = false) {
        self.playersControlMusic = playersControlMusic
    }
}
