/// An exact decimal number: `significand × 10^exponent`, kept in a canonical form so that `1.0`, `1`
/// and `10e-1` are equal and hash alike, and integers of any length compare exactly.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    // The significand has no leading or trailing zeros (trailing ones go into the exponent). Up to 19 digits it is
    // kept inline as an integer, which covers nearly every number in real documents without a heap allocation;
    // a longer one keeps its decimal digits. Every value has exactly one form, so synthesized equality and hashing
    // are exact.
    private let inlineSignificand: UInt64
    /// The significand's decimal digits when it has more than `inlineDigitLimit` of them; empty otherwise.
    private let longDigits: [UInt8]
    private let storedExponent: Int32
    public let isNegative: Bool

    /// Largest decimal exponent accepted; larger ones would make exact arithmetic unbounded.
    public static let maximumExponentMagnitude = 100_000

    /// The most significand digits an inline `UInt64` holds whatever they are.
    static let inlineDigitLimit = 19

    /// `exponent` is the power of ten of the significand's last digit taken, before the held zeros.
    private init?(isNegative: Bool, significand: SignificandDigits, exponent: Int) {
        guard !significand.isZero else {
            inlineSignificand = 0
            longDigits = []
            storedExponent = 0
            self.isNegative = false
            return
        }
        guard let storedExponent = Int32(exactly: exponent + significand.heldZeros) else { return nil }
        inlineSignificand = significand.inline
        longDigits = significand.long
        self.storedExponent = storedExponent
        self.isNegative = isNegative
    }

    public init(_ value: Int) {
        var significand = SignificandDigits()
        for digit in String(value.magnitude).utf8 { significand.append(digit - 48) }
        // A machine integer has at most 19 digits: its exponent always fits.
        self.init(isNegative: value < 0, significand: significand, exponent: 0)!
    }

    /// Parses a JSON number lexeme (`-?int(.frac)?([eE][+-]?exp)?`); nil when it is not one.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let number = bytes.withUnsafeBufferPointer({ JSONNumber(lexeme: $0[...]) }) else { return nil }
        self = number
    }

    init?(lexeme bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var significand = SignificandDigits()
        let integerStart = index
        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
            significand.append(bytes[index] - 48)
            index += 1
        }
        let integerCount = index - integerStart
        guard integerCount > 0, !(integerCount > 1 && bytes[integerStart] == 48) else { return nil }
        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                significand.append(bytes[index] - 48)
                index += 1
            }
            guard index > fractionStart else { return nil }
            exponent -= index - fractionStart
        }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            var written = 0
            while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                written = min(written * 10 + Int(bytes[index] - 48), Self.maximumExponentMagnitude * 10)
                index += 1
            }
            guard index > exponentStart else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }
        if !significand.isZero {
            let magnitude = exponent + significand.heldZeros + significand.count
            guard abs(magnitude) <= Self.maximumExponentMagnitude else { return nil }
        }
        self.init(isNegative: negative, significand: significand, exponent: exponent)
    }

    var exponent: Int { Int(storedExponent) }

    /// Decimal digits of the significand, most significant first; empty for zero.
    var digits: [UInt8] {
        if !longDigits.isEmpty { return longDigits }
        if inlineSignificand == 0 { return [] }
        return String(inlineSignificand).utf8.map { $0 - 48 }
    }

    private var digitCount: Int {
        guard longDigits.isEmpty else { return longDigits.count }
        var count = 0
        var rest = inlineSignificand
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    public var isZero: Bool { inlineSignificand == 0 && longDigits.isEmpty }

    /// True when the value has no fractional part (`1.0` is an integer, as JSON Schema requires).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard isInteger, longDigits.isEmpty else { return nil }
        var magnitude = inlineSignificand
        for _ in 0..<exponent {
            let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = next
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return isNegative ? -Int(magnitude) : Int(magnitude)
    }

    /// The nearest `Double`, for display and for callers that do not need exactness.
    public var doubleValue: Double {
        Double(description) ?? (isNegative ? -.infinity : .infinity)
    }

    public var description: String {
        if isZero { return "0" }
        let text =
            longDigits.isEmpty ? String(inlineSignificand) : String(decoding: longDigits.map { $0 + 48 }, as: UTF8.self)
        let digitCount = text.utf8.count
        let sign = isNegative ? "-" : ""
        if exponent >= 0 {
            if exponent <= 21 - digitCount { return sign + text + String(repeating: "0", count: exponent) }
            return sign + scientific(text)
        }
        let pointPosition = digitCount + exponent
        if pointPosition > 0 {
            let split = text.index(text.startIndex, offsetBy: pointPosition)
            return sign + text[..<split] + "." + text[split...]
        }
        if pointPosition > -6 { return sign + "0." + String(repeating: "0", count: -pointPosition) + text }
        return sign + scientific(text)
    }

    private func scientific(_ text: String) -> String {
        let power = exponent + digitCount - 1
        let head = text.prefix(1)
        let tail = text.dropFirst()
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + (power < 0 ? "-" : "+") + String(power.magnitude)
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhs.isNegative ? magnitudeOrder > 0 : magnitudeOrder < 0
    }

    /// -1, 0 or 1 as |lhs| is smaller than, equal to or larger than |rhs|.
    static func compareMagnitudes(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if lhs.isZero || rhs.isZero { return lhs.isZero ? (rhs.isZero ? 0 : -1) : 1 }
        // The position of the most significant digit decides unless it is equal.
        let lhsCount = lhs.digitCount
        let rhsCount = rhs.digitCount
        let lhsMagnitude = lhsCount + lhs.exponent
        let rhsMagnitude = rhsCount + rhs.exponent
        if lhsMagnitude != rhsMagnitude { return lhsMagnitude < rhsMagnitude ? -1 : 1 }
        if lhs.longDigits.isEmpty, rhs.longDigits.isEmpty {
            // Pad the shorter significand with zeros: both then have the same count, at most 19 digits.
            var left = lhs.inlineSignificand
            var right = rhs.inlineSignificand
            for _ in lhsCount..<max(lhsCount, rhsCount) { left *= 10 }
            for _ in rhsCount..<max(lhsCount, rhsCount) { right *= 10 }
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        let left = lhs.digits
        let right = rhs.digits
        for index in 0..<max(left.count, right.count) {
            let leftDigit = index < left.count ? left[index] : 0
            let rightDigit = index < right.count ? right[index] : 0
            if leftDigit != rightDigit { return leftDigit < rightDigit ? -1 : 1 }
        }
        return 0
    }

    /// True when `self / divisor` is an integer. The divisor must not be zero.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if isZero { return true }
        // Scale both to integers with the same power of ten, then test the remainder.
        let common = min(exponent, divisor.exponent)
        let dividend = BigUnsigned(decimalDigits: digits, trailingZeros: exponent - common)
        let divisorValue = BigUnsigned(decimalDigits: divisor.digits, trailingZeros: divisor.exponent - common)
        return dividend.remainder(dividingBy: divisorValue).isZero
    }
}

/// A significand's digits gathered in order: leading zeros dropped, trailing zeros held back (the caller adds
/// them to the exponent), kept in a `UInt64` until there are more than `JSONNumber.inlineDigitLimit`.
private struct SignificandDigits {
    private(set) var inline: UInt64 = 0
    private(set) var long: [UInt8] = []
    /// Digits taken into `inline` or `long`.
    private(set) var count = 0
    /// Zeros after the last nonzero digit, not yet taken.
    private(set) var heldZeros = 0

    var isZero: Bool { count == 0 }

    mutating func append(_ digit: UInt8) {
        guard digit != 0 else {
            if count > 0 { heldZeros += 1 }
            return
        }
        for _ in 0..<heldZeros { take(0) }
        heldZeros = 0
        take(digit)
    }

    private mutating func take(_ digit: UInt8) {
        if count < JSONNumber.inlineDigitLimit {
            inline = inline * 10 + UInt64(digit)
        } else {
            if long.isEmpty { long = String(inline).utf8.map { $0 - 48 } }
            long.append(digit)
        }
        count += 1
    }
}
