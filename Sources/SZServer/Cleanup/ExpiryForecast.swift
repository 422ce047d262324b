public import Foundation

/// When the daily clean-up will remove something, from the same period and schedule the clean-up runs on, so the
/// dashboard's warning and the removal cannot disagree.
public struct ExpiryForecast: Sendable, Equatable {
    /// Seconds unused before something expires; 0 means nothing ever expires.
    public let expire: Int
    public let schedule: CleanupSchedule

    public init(expire: Int, schedule: CleanupSchedule) {
        self.expire = expire
        self.schedule = schedule
    }

    /// Anything last used before this instant has expired at `now`; nil when nothing expires.
    public static func cutoff(now: Date, expire: Int) -> Date? {
        expire > 0 ? now.addingTimeInterval(-TimeInterval(expire)) : nil
    }

    /// The clean-up pass that will remove something last used at `lastActivity` if nobody uses it again: the first
    /// run after the period has passed (a run removes what was used strictly before its cutoff). Nil when nothing
    /// expires.
    public func removal(lastActivity: Date) -> Date? {
        guard expire > 0 else { return nil }
        return schedule.nextRun(after: lastActivity.addingTimeInterval(TimeInterval(expire)))
    }
}
