public import Foundation

/// The daily time of the clean-up (`cleanup.daytime`, "HH:MM" local time).
public struct CleanupSchedule: Sendable, Equatable {
    public let hour: Int
    public let minute: Int
    public let timeZone: TimeZone

    /// `daytime` has passed the settings check, which accepts only "HH:MM" from 00:00 to 23:59.
    public init(daytime: String, timeZone: TimeZone) {
        let parts = daytime.split(separator: ":").map { Int($0) ?? 0 }
        hour = parts.first ?? 0
        minute = parts.count > 1 ? parts[1] : 0
        self.timeZone = timeZone
    }

    /// The first run strictly after `date`. On a day where that local time does not exist (a clock change) the
    /// calendar picks the next valid time.
    public func nextRun(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(hour: hour, minute: minute, second: 0)
        return calendar.nextDate(after: date, matching: components, matchingPolicy: .nextTime)
            ?? date.addingTimeInterval(86_400)
    }
}
