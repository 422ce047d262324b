/// The command-line flags of `sessionzero serve`, as parsed; `LaunchPlan.resolve` checks how they combine.
public struct ServeOptions: Sendable, Equatable {
    public var debug = false
    public var quiet = false
    /// Links use this machine's network address instead of `localhost`, and the developer login is on.
    public var localGM = false
    /// Listen on the loopback interface only.
    public var localhost = false
    public var port: Int?
    public var host: String?
    public var socket: String?

    public init() {}
}
