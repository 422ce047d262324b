/// Bounds on what one game and one command may hold, so a client cannot grow the state or a frame without end.
public struct TabletopLimits: Equatable, Sendable {
    public var maxScenes = 100
    public var maxTokensPerScene = 1000
    /// Tokens one command may name (create, move, clone, …).
    public var maxTokensPerCommand = 100
    public var maxNameLength = 30
    public var maxLabelLength = 100
    public var tokenSizes = 1...1000
    public var sceneSizes = 64...8192
    public var gridCellSizes = 8...512
    public var maxFormulaLength = 200
    /// Dice rolls kept in the state and sent to joining clients.
    public var recentRolls = 50

    public init() {}

    public static let musicSlots = 5
}
