/// A change the room committed. Stored in the event log with its sequence number and replayed on resume.
public enum GameEvent: Equatable, Sendable {
    case sceneCreated(Scene)
    case sceneUpdated(Scene)
    case sceneDeleted(SceneID)
    case scenesReordered([SceneID])
    /// The scene everyone now looks at, with the tokens the receiver may see on it.
    case sceneActivated(Scene, tokens: [Token])
    case tokensCreated([Token])
    /// The tokens as they are after the change.
    case tokensUpdated([Token])
    case tokensDeleted([TokenID])
    case musicUpdated(MusicSlot)
    case playerJoined(PlayerInfo)
    case playerUpdated(PlayerInfo)
    case diceRolled(RollEntry)
    /// The game's session sheet changed (it lives outside the tabletop state): clients showing it fetch it again.
    /// It names no field, so everyone may receive it whatever the sheet hides from them.
    case sessionChanged
}

/// A committed event with its place in the game's history.
public struct SequencedEvent: Equatable, Sendable {
    /// Increases by one for every event of the game; a viewer may not receive every number.
    public let sequence: Int64
    public let audience: Audience
    public let event: GameEvent
    /// The event as JSON, without its sequence number, encoded once: storage keeps this text and every reader's
    /// wire message is built from it (`TabletopProtocol.eventText`).
    public let payload: String

    public init(sequence: Int64, audience: Audience, event: GameEvent) {
        self.init(sequence: sequence, audience: audience, event: event, payload: sortedJSON(event))
    }

    init(sequence: Int64, audience: Audience, event: GameEvent, payload: String) {
        self.sequence = sequence
        self.audience = audience
        self.event = event
        self.payload = payload
    }
}

/// Something shown now and never stored: a token being dragged, a selection, a beacon.
public enum EphemeralEvent: Equatable, Sendable {
    case tokensDragged(by: PlayerID, [TokenMove])
    case tokensSelected(by: PlayerID, colour: PlayerColour, [TokenID])
    case beaconPlaced(by: PlayerID, colour: PlayerColour, x: Int, y: Int)
}
