/// A token bucket per player: `burst` commands at once, refilled at `perSecond`. Drags count too, so a client
/// cannot flood others with them.
public struct RateLimit: Equatable, Sendable {
    public var burst: Int
    public var perSecond: Int

    public init(burst: Int = 60, perSecond: Int = 30) {
        self.burst = burst
        self.perSecond = perSecond
    }
}

struct RateLimiter {
    private struct Bucket {
        var thousandths: Int64
        var updatedAt: Int64
    }

    let limit: RateLimit
    private var buckets: [PlayerID: Bucket] = [:]

    init(limit: RateLimit) {
        self.limit = limit
    }

    /// Takes one command from the player's bucket at `now` (milliseconds), or says how long to wait.
    mutating func admit(_ player: PlayerID, at now: Int64) throws(RoomError) {
        let full = Int64(limit.burst) * 1000
        var bucket = buckets[player] ?? Bucket(thousandths: full, updatedAt: now)
        let refill = max(0, now - bucket.updatedAt) * Int64(limit.perSecond)
        bucket.thousandths = min(full, bucket.thousandths + refill)
        bucket.updatedAt = now
        guard bucket.thousandths >= 1000 else {
            buckets[player] = bucket
            let missing = 1000 - bucket.thousandths
            throw .rateLimited(
                retryAfterMilliseconds: Int((missing + Int64(limit.perSecond) - 1) / Int64(limit.perSecond))
            )
        }
        bucket.thousandths -= 1000
        buckets[player] = bucket
    }
}
