import Foundation
import SZServer
import Testing

@Suite("Login rate limits")
struct LoginRateLimiterTests {
    let limits = LoginRateLimiter.Limits(failuresPerAccount: 3, failuresPerAddress: 5, window: 60, trackedKeys: 100)

    @Test("An account is locked after its limit and free again when the window has passed")
    func perAccount() async {
        let clock = TestClock()
        let limiter = LoginRateLimiter(limits: limits, now: { clock.now })
        for _ in 0..<3 { await limiter.recordFailure(account: "alice", address: "a") }
        #expect(await limiter.retryAfter(account: "alice", address: "b") == 60)
        #expect(await limiter.retryAfter(account: "bob", address: "b") == nil)
        clock.advance(by: 45)
        #expect(await limiter.retryAfter(account: "alice", address: "b") == 15)
        clock.advance(by: 15)
        #expect(await limiter.retryAfter(account: "alice", address: "b") == nil)
    }

    @Test("An address is locked after trying many accounts; a success clears only the account")
    func perAddress() async {
        let clock = TestClock()
        let limiter = LoginRateLimiter(limits: limits, now: { clock.now })
        for index in 0..<5 { await limiter.recordFailure(account: "user\(index)", address: "198.51.100.7") }
        #expect(await limiter.retryAfter(account: "someone", address: "198.51.100.7") == 60)
        #expect(await limiter.retryAfter(account: "someone", address: "198.51.100.8") == nil)
        for _ in 0..<2 { await limiter.recordFailure(account: "carol", address: "x") }
        await limiter.recordSuccess(account: "carol")
        await limiter.recordFailure(account: "carol", address: "x")
        #expect(await limiter.retryAfter(account: "carol", address: "y") == nil)
    }
}
