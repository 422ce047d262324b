public import Foundation
public import Logging
public import SZStore

/// What one clean-up pass removed (or, in a dry run, would remove).
public struct CleanupReport: Sendable, Equatable {
    /// Anything last used before this instant expired.
    public let cutoff: Date?
    public let dryRun: Bool
    public let removed: [ExpiredItem]
}

/// Removes what has been unused for `expire` seconds, one `ExpiryRule` after another, logging every removal.
/// `expire` 0 means nothing ever expires.
public struct Cleanup: Sendable {
    let rules: [any ExpiryRule]
    let expire: Int
    let logger: Logger

    public init(store: Store, blobs: BlobStore, expire: Int, logger: Logger) {
        self.init(rules: Self.standardRules(store: store, blobs: blobs), expire: expire, logger: logger)
    }

    init(rules: [any ExpiryRule], expire: Int, logger: Logger) {
        self.rules = rules
        self.expire = expire
        self.logger = logger
    }

    /// Every kind that expires, in the order they are cleaned.
    static func standardRules(store: Store, blobs: BlobStore) -> [any ExpiryRule] {
        // Games first: an expiring account's games would otherwise go with it unlisted.
        [GameExpiry(store: store, blobs: blobs), AccountExpiry(store: store)]
    }

    public func run(now: Date, dryRun: Bool) async throws -> CleanupReport {
        guard let cutoff = ExpiryForecast.cutoff(now: now, expire: expire) else {
            logger.info("clean-up: expire is 0, so nothing expires")
            return CleanupReport(cutoff: nil, dryRun: dryRun, removed: [])
        }
        var removed: [ExpiredItem] = []
        for rule in rules {
            for item in try await rule.expired(unusedSince: cutoff) {
                let metadata: Logger.Metadata = [
                    "sessionzero.kind": "\(item.kind)", "sessionzero.id": "\(item.id)",
                    "sessionzero.name": "\(item.name)",
                ]
                if dryRun {
                    logger.info("clean-up would remove \(item)", metadata: metadata)
                    removed.append(item)
                } else if try await rule.remove(item, unusedSince: cutoff) {
                    logger.notice("clean-up removed \(item)", metadata: metadata)
                    removed.append(item)
                }
            }
        }
        logger.info(
            "clean-up \(dryRun ? "would remove" : "removed") \(removed.count) item(s) unused since \(cutoff.formatted(.iso8601))"
        )
        return CleanupReport(cutoff: cutoff, dryRun: dryRun, removed: removed)
    }
}
