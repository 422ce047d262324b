/// A picture on a scene.
public struct Token: Codable, Equatable, Sendable {
    public var id: TokenID
    public var sceneID: SceneID
    public var image: BlobID
    /// The centre of the token in scene units, always inside the scene.
    public var x: Int
    public var y: Int
    /// The width of the token in scene units.
    public var size: Int
    /// Degrees clockwise in `0..<360`.
    public var rotation: Double
    public var flipped: Bool
    public var label: String
    /// A locked token ignores every change until the GM unlocks it.
    public var locked: Bool
    /// Drawing order inside the scene: higher is on top.
    public var z: Int
    /// The player who may move it besides the GM; `nil` for the GM's own tokens.
    public var owner: PlayerID?
    /// Seen only by GMs.
    public var hidden: Bool
    /// Drawn under everything else and not picked by clicks (a map tile, a fog shape).
    public var background: Bool

    public init(
        id: TokenID,
        sceneID: SceneID,
        image: BlobID,
        x: Int,
        y: Int,
        size: Int = 64,
        rotation: Double = 0,
        flipped: Bool = false,
        label: String = "",
        locked: Bool = false,
        z: Int = 0,
        owner: PlayerID? = nil,
        hidden: Bool = false,
        background: Bool = false
    ) {
        self.id = id
        self.sceneID = sceneID
        self.image = image
        self.x = x
        self.y = y
        self.size = size
        self.rotation = rotation
        self.flipped = flipped
        self.label = label
        self.locked = locked
        self.z = z
        self.owner = owner
        self.hidden = hidden
        self.background = background
    }
}
