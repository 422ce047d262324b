/// An exact decimal number: `significand × 10^exponent`, kept in a canonical form so that `1.0`, `1`
/// and `10e-1` are equal and hash alike, and integers of any length compare exactly.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Decimal digits of the significand, most significant first, with no leading or trailing zeros;
    /// empty for zero.
    let digits: [UInt8]
    let exponent: Int
    public let isNegative: Bool

    /// Largest decimal exponent accepted; larger ones would make exact arithmetic unbounded.
    public static let maximumExponentMagnitude = 100_000

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var first = 0
        while first < digits.count, digits[first] == 0 { first += 1 }
        var end = digits.count
        var exponent = exponent
        while end > first, digits[end - 1] == 0 {
            end -= 1
            exponent += 1
        }
        if first == end {
            self.digits = []
            self.exponent = 0
            self.isNegative = false
        } else {
            self.digits = Array(digits[first..<end])
            self.exponent = exponent
            self.isNegative = isNegative
        }
    }

    public init(_ value: Int) {
        let magnitude = value.magnitude
        self.init(isNegative: value < 0, digits: Array(String(magnitude).utf8).map { $0 - 48 }, exponent: 0)
    }

    /// Parses a JSON number lexeme (`-?int(.frac)?([eE][+-]?exp)?`); nil when it is not one.
    public init?(_ text: some StringProtocol) {
        guard let number = JSONNumber(lexeme: Array(text.utf8)[...]) else { return nil }
        self = number
    }

    init?(lexeme bytes: ArraySlice<UInt8>) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count)
        let integerStart = index
        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
            digits.append(bytes[index] - 48)
            index += 1
        }
        let integerCount = index - integerStart
        guard integerCount > 0, !(integerCount > 1 && bytes[integerStart] == 48) else { return nil }
        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                digits.append(bytes[index] - 48)
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
        self.init(isNegative: negative, digits: digits, exponent: exponent)
        guard isZero || abs(self.exponent + self.digits.count) <= Self.maximumExponentMagnitude else { return nil }
    }

    public var isZero: Bool { digits.isEmpty }

    /// True when the value has no fractional part (`1.0` is an integer, as JSON Schema requires).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard isInteger, digits.count + exponent <= 19 else { return nil }
        var result = 0
        for digit in digits {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = next + Int(digit)
        }
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = next
        }
        return isNegative ? -result : result
    }

    /// The nearest `Double`, for display and for callers that do not need exactness.
    public var doubleValue: Double {
        Double(description) ?? (isNegative ? -.infinity : .infinity)
    }

    public var description: String {
        if isZero { return "0" }
        let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        let sign = isNegative ? "-" : ""
        if exponent >= 0 {
            if exponent <= 21 - digits.count { return sign + text + String(repeating: "0", count: exponent) }
            return sign + scientific(text)
        }
        let pointPosition = digits.count + exponent
        if pointPosition > 0 {
            let split = text.index(text.startIndex, offsetBy: pointPosition)
            return sign + text[..<split] + "." + text[split...]
        }
        if pointPosition > -6 { return sign + "0." + String(repeating: "0", count: -pointPosition) + text }
        return sign + scientific(text)
    }

    private func scientific(_ text: String) -> String {
        let power = exponent + digits.count - 1
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
        let lhsMagnitude = lhs.digits.count + lhs.exponent
        let rhsMagnitude = rhs.digits.count + rhs.exponent
        if lhsMagnitude != rhsMagnitude { return lhsMagnitude < rhsMagnitude ? -1 : 1 }
        for index in 0..<max(lhs.digits.count, rhs.digits.count) {
            let left = index < lhs.digits.count ? lhs.digits[index] : 0
            let right = index < rhs.digits.count ? rhs.digits[index] : 0
            if left != right { return left < right ? -1 : 1 }
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

/// Just enough unsigned big-integer arithmetic for `multipleOf`: built from decimal digits, then one
/// remainder by binary long division.
struct BigUnsigned {
    /// Little-endian 32-bit limbs.
    private(set) var limbs: [UInt32]

    init(decimalDigits: [UInt8], trailingZeros: Int) {
        limbs = []
        for digit in decimalDigits { multiplyAdd(10, UInt32(digit)) }
        for _ in 0..<trailingZeros { multiplyAdd(10, 0) }
    }

    private init(limbs: [UInt32]) { self.limbs = limbs }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    private mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    private var bitWidth: Int {
        guard let top = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * 32 + (32 - limbs[top].leadingZeroBitCount)
    }

    private func bit(_ index: Int) -> Bool { limbs[index / 32] & (1 << UInt32(index % 32)) != 0 }

    func remainder(dividingBy divisor: BigUnsigned) -> BigUnsigned {
        var remainder = BigUnsigned(limbs: Array(repeating: 0, count: divisor.limbs.count + 1))
        var index = bitWidth - 1
        while index >= 0 {
            remainder.shiftLeftOne(insert: bit(index))
            if remainder.compare(divisor) >= 0 { remainder.subtract(divisor) }
            index -= 1
        }
        return remainder
    }

    private mutating func shiftLeftOne(insert: Bool) {
        var carry: UInt32 = insert ? 1 : 0
        for index in limbs.indices {
            let next = limbs[index] >> 31
            limbs[index] = limbs[index] << 1 | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    private func compare(_ other: BigUnsigned) -> Int {
        for index in stride(from: max(limbs.count, other.limbs.count) - 1, through: 0, by: -1) {
            let left = index < limbs.count ? limbs[index] : 0
            let right = index < other.limbs.count ? other.limbs[index] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }

    private mutating func subtract(_ other: BigUnsigned) {
        var borrow: Int64 = 0
        for index in limbs.indices {
            let right = index < other.limbs.count ? Int64(other.limbs[index]) : 0
            var difference = Int64(limbs[index]) - right - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            limbs[index] = UInt32(difference)
        }
    }
}
