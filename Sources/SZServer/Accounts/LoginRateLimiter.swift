public import Foundation

/// Counts failed logins per account and per client address over a sliding window and refuses further attempts
/// once either count reaches its limit, so that passwords cannot be guessed quickly.
public actor LoginRateLimiter {
    public struct Limits: Sendable {
        public var failuresPerAccount: Int
        public var failuresPerAddress: Int
        public var window: TimeInterval
        /// Past this many tracked accounts and addresses the oldest are forgotten, so memory stays bounded.
        public var trackedKeys: Int

        public init(failuresPerAccount: Int, failuresPerAddress: Int, window: TimeInterval, trackedKeys: Int) {
            self.failuresPerAccount = failuresPerAccount
            self.failuresPerAddress = failuresPerAddress
            self.window = window
            self.trackedKeys = trackedKeys
        }

        public static let standard = Limits(
            failuresPerAccount: 5,
            failuresPerAddress: 20,
            window: 15 * 60,
            trackedKeys: 10_000
        )
    }

    private enum Key: Hashable {
        case account(String)
        case address(String)
    }

    private let limits: Limits
    private let now: @Sendable () -> Date
    private var failures: [Key: [Date]] = [:]

    public init(limits: Limits = .standard, now: @escaping @Sendable () -> Date) {
        self.limits = limits
        self.now = now
    }

    /// Nil when an attempt may go ahead, else the number of seconds until it may.
    public func retryAfter(account: String, address: String) -> Int? {
        let waits = [
            wait(for: .account(account), limit: limits.failuresPerAccount),
            wait(for: .address(address), limit: limits.failuresPerAddress),
        ]
        return waits.compactMap(\.self).max()
    }

    public func recordFailure(account: String, address: String) {
        let time = now()
        for key in [Key.account(account), .address(address)] {
            failures[key, default: []].append(time)
        }
        if failures.count > limits.trackedKeys { forgetOldest() }
    }

    /// A successful login clears the account's failures (not the address's: one address may try many accounts).
    public func recordSuccess(account: String) {
        failures[.account(account)] = nil
    }

    private func wait(for key: Key, limit: Int) -> Int? {
        let cutoff = now().addingTimeInterval(-limits.window)
        let recent = (failures[key] ?? []).filter { $0 > cutoff }
        failures[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, Int((oldest.timeIntervalSince(cutoff)).rounded(.up)))
    }

    private func forgetOldest() {
        let cutoff = now().addingTimeInterval(-limits.window)
        failures = failures.compactMapValues { times in
            let recent = times.filter { $0 > cutoff }
            return recent.isEmpty ? nil : recent
        }
        let excess = failures.count - limits.trackedKeys
        guard excess > 0 else { return }
        let oldestFirst = failures.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
        for (key, _) in oldestFirst.prefix(excess) { failures[key] = nil }
    }
}
