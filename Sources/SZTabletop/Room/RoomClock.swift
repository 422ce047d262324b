/// Milliseconds on a clock that never goes back; injected so rate-limit tests need no waiting.
public protocol RoomClock: Sendable {
    func milliseconds() -> Int64
}

/// Milliseconds since this clock was made, on the system's continuous clock.
public struct SystemRoomClock: RoomClock {
    private let start = ContinuousClock.now

    public init() {}

    public func milliseconds() -> Int64 {
        let elapsed = start.duration(to: .now).components
        return elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
    }
}
