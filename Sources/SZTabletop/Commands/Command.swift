/// What a client asks the room to do. Every command names its targets by id and carries its own values, so
/// a batch can never pair one token with another token's change (pyvtt's UPDATE did).
public enum Command: Equatable, Sendable {
    case createScene(name: String)
    case activateScene(SceneID)
    /// Moves the scene to `toIndex` in the GM's list of scenes.
    case reorderScene(SceneID, toIndex: Int)
    /// Copies the scene and its tokens (except background tokens) after it, without activating it.
    case cloneScene(SceneID)
    case deleteScene(SceneID)
    case updateScene(SceneID, SceneUpdate)
    case createTokens(SceneID, [NewToken])
    /// The drop at the end of a drag: committed and stored.
    case moveTokens([TokenMove])
    /// Positions during a drag: shown to others, never stored.
    case dragTokens([TokenMove])
    case editTokens([TokenID], TokenEdit)
    /// Copies the tokens, shifted by `dx`, `dy`.
    case cloneTokens([TokenID], dx: Int, dy: Int)
    case deleteTokens([TokenID])
    /// Replaces the sender's selection (an empty list clears it).
    case selectTokens([TokenID])
    case placeBeacon(x: Int, y: Int)
    case music(slot: Int, MusicChange)
    case setStanding(PlayerID, PlayerStanding)
    /// Rolls a dice formula on the server; a private roll is seen by the GMs and the roller only.
    case roll(formula: String, private: Bool)
}

/// The scene fields a `scene.update` changes; `nil` leaves a field as it is.
public struct SceneUpdate: Equatable, Sendable {
    public var name: String?
    public var width: Int?
    public var height: Int?
    public var grid: Grid?
    /// `.some(nil)` removes the background.
    public var background: BlobID??

    public init(
        name: String? = nil,
        width: Int? = nil,
        height: Int? = nil,
        grid: Grid? = nil,
        background: BlobID?? = nil
    ) {
        self.name = name
        self.width = width
        self.height = height
        self.grid = grid
        self.background = background
    }
}

public struct NewToken: Codable, Equatable, Sendable {
    public var image: BlobID
    public var x: Int
    public var y: Int
    public var size: Int?
    public var rotation: Double?
    public var flipped: Bool?
    public var label: String?
    /// GM only: the player who may move the token. A player's tokens are always their own.
    public var owner: PlayerID?
    /// GM only.
    public var hidden: Bool?
    /// GM only.
    public var background: Bool?

    public init(
        image: BlobID,
        x: Int,
        y: Int,
        size: Int? = nil,
        rotation: Double? = nil,
        flipped: Bool? = nil,
        label: String? = nil,
        owner: PlayerID? = nil,
        hidden: Bool? = nil,
        background: Bool? = nil
    ) {
        self.image = image
        self.x = x
        self.y = y
        self.size = size
        self.rotation = rotation
        self.flipped = flipped
        self.label = label
        self.owner = owner
        self.hidden = hidden
        self.background = background
    }
}

public struct TokenMove: Codable, Equatable, Sendable {
    public var tokenID: TokenID
    public var x: Int
    public var y: Int

    public init(tokenID: TokenID, x: Int, y: Int) {
        self.tokenID = tokenID
        self.x = x
        self.y = y
    }
}

/// One property set on every named token.
public enum TokenEdit: Equatable, Sendable {
    case size(Int)
    case rotation(Double)
    case flipped(Bool)
    case label(String)
    /// GM only. The one change a locked token accepts.
    case locked(Bool)
    /// GM only.
    case hidden(Bool)
    case arrange(ZPlacement)
}

public enum ZPlacement: String, Codable, Sendable {
    case top
    case bottom
}

public enum MusicChange: Equatable, Sendable {
    /// `nil` empties the slot.
    case track(BlobID?)
    case play
    case pause
    case stop
    case loop(Bool)
    case volume(Double)
}

/// A command with the id the client chose to match the reply (`ack` or `error`) to it.
public struct ClientCommand: Equatable, Sendable {
    public var clientID: String
    public var command: Command

    public init(clientID: String, command: Command) {
        self.clientID = clientID
        self.command = command
    }
}
