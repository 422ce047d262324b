/// One map of the game. Players see only the active scene; the others are the GM's preparation.
public struct Scene: Codable, Equatable, Sendable {
    public var id: SceneID
    public var name: String
    /// The size of the scene in logical units; token positions are kept inside it.
    public var width: Int
    public var height: Int
    public var background: BlobID?
    public var grid: Grid

    public init(
        id: SceneID,
        name: String,
        width: Int = Scene.defaultWidth,
        height: Int = Scene.defaultHeight,
        background: BlobID? = nil,
        grid: Grid = Grid()
    ) {
        self.id = id
        self.name = name
        self.width = width
        self.height = height
        self.background = background
        self.grid = grid
    }

    /// pyvtt's fixed 16:9 board, kept as the default so imported games keep their layout.
    public static let defaultWidth = 1008
    public static let defaultHeight = 567
}

public struct Grid: Codable, Equatable, Sendable {
    /// The side of one square cell in logical units.
    public var cellSize: Int
    public var offsetX: Int
    public var offsetY: Int
    public var shown: Bool

    public init(cellSize: Int = 48, offsetX: Int = 0, offsetY: Int = 0, shown: Bool = false) {
        self.cellSize = cellSize
        self.offsetX = offsetX
        self.offsetY = offsetY
        self.shown = shown
    }
}
