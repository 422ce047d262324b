public import SZDice

/// A roll made on the server, as the dice log keeps it.
public struct RollEntry: Codable, Equatable, Sendable {
    public var id: String
    public var playerID: PlayerID
    public var colour: PlayerColour
    /// Seen by the GMs and the roller only.
    public var isPrivate: Bool
    public var roll: DiceRoll

    public init(id: String, playerID: PlayerID, colour: PlayerColour, isPrivate: Bool, roll: DiceRoll) {
        self.id = id
        self.playerID = playerID
        self.colour = colour
        self.isPrivate = isPrivate
        self.roll = roll
    }

    enum CodingKeys: String, CodingKey {
        case id, playerID, colour
        case isPrivate = "private"
        case roll
    }

    public var audience: Audience { isPrivate ? .gameMastersAnd(playerID) : .everyone }
}
