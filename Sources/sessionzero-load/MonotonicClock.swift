/// Nanoseconds since the process started measuring, on one monotonic clock: a send in one task and its
/// receipt in another compare exactly.
enum MonotonicClock {
    static let origin = ContinuousClock.now

    static func nanoseconds() -> Int64 {
        nanoseconds(of: ContinuousClock.now)
    }

    static func nanoseconds(of instant: ContinuousClock.Instant) -> Int64 {
        let elapsed = origin.duration(to: instant).components
        return elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
    }

    static func instant(_ nanoseconds: Int64) -> ContinuousClock.Instant {
        origin.advanced(by: .nanoseconds(nanoseconds))
    }
}
