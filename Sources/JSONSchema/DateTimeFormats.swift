// RFC 3339 section 5.6 (date, time, date-time) and appendix A (duration).
extension FormatAssertion {
    /// `full-date`: `YYYY-MM-DD`, a day that exists in that month of that year.
    static func isDate(_ string: String) -> Bool {
        var scanner = ScalarScanner(string)
        return scanner.scanFullDate() && scanner.isAtEnd
    }

    /// `full-time`: `hh:mm:ss[.frac]` and a required offset (`Z` or `±hh:mm`).
    static func isTime(_ string: String) -> Bool {
        var scanner = ScalarScanner(string)
        return scanner.scanFullTime() && scanner.isAtEnd
    }

    /// `date-time`: a full-date, `T`, and a full-time.
    static func isDateTime(_ string: String) -> Bool {
        var scanner = ScalarScanner(string)
        return scanner.scanFullDate() && scanner.skip("T") && scanner.scanFullTime() && scanner.isAtEnd
    }

    /// `duration`: `P` then date units in the order Y, M, D (a contiguous run such as `YM` or `MD`), then
    /// optionally `T` and time units in the order H, M, S; or weeks alone (`P2W`). Whole numbers only.
    static func isDuration(_ string: String) -> Bool {
        var scanner = ScalarScanner(string)
        guard scanner.skip("P"), let dateUnits = scanner.scanDurationUnits() else { return false }
        var timeUnits = ""
        if scanner.skip("T") {
            guard let units = scanner.scanDurationUnits(), !units.isEmpty else { return false }
            timeUnits = units
        }
        guard scanner.isAtEnd, !(dateUnits.isEmpty && timeUnits.isEmpty) else { return false }
        if dateUnits == "W" { return timeUnits.isEmpty }
        return "YMD".contains(dateUnits) && "HMS".contains(timeUnits)
    }
}

extension ScalarScanner {
    fileprivate mutating func scanFullDate() -> Bool {
        guard let year = number(digits: 4), skip("-"), let month = number(digits: 2), (1...12).contains(month),
            skip("-"), let day = number(digits: 2)
        else { return false }
        return (1...Self.daysIn(month: month, year: year)).contains(day)
    }

    fileprivate mutating func scanFullTime() -> Bool {
        guard let hour = number(digits: 2), hour <= 23, skip(":"), let minute = number(digits: 2), minute <= 59,
            skip(":"), let second = number(digits: 2), second <= 60
        else { return false }
        if skip("."), skipDigits() == 0 { return false }
        guard let offset = scanOffsetMinutes() else { return false }
        // A leap second is only ever inserted as 23:59:60 UTC; the local time shows it shifted by the offset.
        let minutesInDay = 24 * 60
        let utcMinute = ((hour * 60 + minute - offset) % minutesInDay + minutesInDay) % minutesInDay
        return second < 60 || utcMinute == minutesInDay - 1
    }

    /// `time-offset`: `Z`, or `+hh:mm` / `-hh:mm`, as minutes east of UTC.
    private mutating func scanOffsetMinutes() -> Int? {
        if skip("Z") { return 0 }
        guard let sign = take(where: { $0 == "+" || $0 == "-" }), let hours = number(digits: 2), hours <= 23, skip(":"),
            let minutes = number(digits: 2), minutes <= 59
        else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 60 + minutes)
    }

    /// Reads `1*DIGIT unit` pairs and returns their units in order ("" when there are none); nil when a number
    /// has no unit after it.
    fileprivate mutating func scanDurationUnits() -> String? {
        var units = ""
        while skipDigits() > 0 {
            guard let unit = take(where: { "YMWDHS".unicodeScalars.contains($0.asciiUppercased) }) else { return nil }
            units.unicodeScalars.append(unit.asciiUppercased)
        }
        return units
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
