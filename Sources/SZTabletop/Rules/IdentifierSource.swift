/// Where the room gets ids for new scenes, tokens and players; injected so tests can name them.
public protocol IdentifierSource: Sendable {
    mutating func next() -> String
}

/// 128 random bits from the system's cryptographic generator, as 26 lower-case base-32 characters.
public struct RandomIdentifiers: IdentifierSource {
    public init() {}

    public mutating func next() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var bits = (UInt128(generator.next() as UInt64) << 64) | UInt128(generator.next() as UInt64)
        var text = ""
        for _ in 0..<26 {
            text.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return text
    }
}
