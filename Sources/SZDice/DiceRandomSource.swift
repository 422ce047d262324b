/// Where dice get their faces. Injected so that the server can use a cryptographic source and tests a scripted one.
public protocol DiceRandomSource {
    /// A uniformly random face in `1...sides`; `sides` is at least 1. Any other result is a programming error.
    mutating func roll(sides: Int) -> Int
}

/// The standard library's system generator, which is cryptographically secure on the platforms Swift supports.
public struct SystemDiceRandomSource: DiceRandomSource {
    private var generator = SystemRandomNumberGenerator()

    public init() {}

    public mutating func roll(sides: Int) -> Int {
        Int.random(in: 1...sides, using: &generator)
    }
}
