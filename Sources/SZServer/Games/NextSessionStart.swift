import Foundation
import JSONSchema

/// The start of a game's next session as its GM sends it: an ISO-8601 date and time with a zone, or null for none
/// planned. A date long past or years ahead is a typo, not a plan, so it is refused with the window it must fall in.
enum NextSessionStart {
    /// How far back a start may lie: a session that began today may still be running.
    static let earliest: TimeInterval = -86_400
    /// How far ahead a session may be planned.
    static let latest: TimeInterval = 366 * 86_400

    static let pointer = "/nextSessionAt"

    static func checked(_ value: JSONValue, now: Date) throws(APIError) -> Date? {
        if case .null = value { return nil }
        guard let text = value.stringValue else {
            throw .invalidField(
                pointer,
                "expected an ISO-8601 date and time or null, got \(describeValue(value, hidden: true))"
            )
        }
        guard let start = parse(text) else {
            throw .invalidField(
                pointer,
                "\"\(text.prefix(40))\" is not an ISO-8601 date and time with a zone, like 2026-12-03T19:30:00Z"
            )
        }
        let offset = start.timeIntervalSince(now)
        guard offset >= earliest else {
            throw .invalidField(pointer, "\(text.prefix(40)) is more than a day in the past")
        }
        guard offset <= latest else {
            throw .invalidField(pointer, "\(text.prefix(40)) is more than a year ahead")
        }
        return start
    }

    private static func parse(_ text: String) -> Date? {
        guard isCalendarDate(text) else { return nil }
        // Browsers' toISOString() adds milliseconds; people and scripts often leave them out.
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// The format style reads 30 February as 2 March; the written date and time must exist as written.
    private static func isCalendarDate(_ text: String) -> Bool {
        let values = text.prefix(19).split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard values.count == 6 else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(
            year: values[0],
            month: values[1],
            day: values[2],
            hour: values[3],
            minute: values[4],
            second: values[5]
        )
        return components.isValidDate(in: calendar)
    }
}
