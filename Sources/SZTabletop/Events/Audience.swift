/// Who may receive an event. The room decides it when the event is made, so the log, resumption and every bus
/// share one rule and no filter has to reconstruct what a viewer may know.
public enum Audience: Codable, Equatable, Sendable {
    case everyone
    case gameMasters
    /// Players and spectators: used for the table's version of something GMs receive in full.
    case everyoneButGameMasters
    /// The GMs and one player (a private roll, for instance).
    case gameMastersAnd(PlayerID)

    public func includes(_ viewer: Viewer) -> Bool {
        switch self {
        case .everyone: true
        case .gameMasters: viewer.isGameMaster
        case .everyoneButGameMasters: !viewer.isGameMaster
        case .gameMastersAnd(let player): viewer.isGameMaster || viewer.playerID == player
        }
    }
}

/// The player an event stream is for.
public struct Viewer: Hashable, Sendable {
    public var playerID: PlayerID
    public var role: PlayerRole

    public init(playerID: PlayerID, role: PlayerRole) {
        self.playerID = playerID
        self.role = role
    }

    public var isGameMaster: Bool { role == .gm }
}

/// An event with the audience it is for.
public struct Published<Event: Equatable & Sendable>: Equatable, Sendable {
    public var audience: Audience
    public var event: Event

    public init(_ event: Event, to audience: Audience) {
        self.audience = audience
        self.event = event
    }
}
