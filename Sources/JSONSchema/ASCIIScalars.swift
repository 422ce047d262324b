/// ASCII character tests: format grammars and the regex grammar accept ASCII digits and letters only, never
/// the other scripts' digits that `Character.isNumber` and friends would let through.
extension Unicode.Scalar {
    var asciiDigitValue: Int? {
        ("0"..."9").contains(self) ? Int(value - 48) : nil
    }

    var asciiHexDigitValue: Int? {
        switch self {
        case "0"..."9": Int(value - 48)
        case "a"..."f": Int(value - 87)
        case "A"..."F": Int(value - 55)
        default: nil
        }
    }

    var isASCIIDigit: Bool { asciiDigitValue != nil }

    var isASCIIHexDigit: Bool { asciiHexDigitValue != nil }

    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

    /// The letter in upper case; any other scalar unchanged. ABNF string literals match either case.
    var asciiUppercased: Unicode.Scalar {
        ("a"..."z").contains(self) ? Unicode.Scalar(UInt8(value - 32)) : self
    }
}

/// A cursor over the Unicode scalars of a string, for the hand-written grammars of the formats.
struct ScalarScanner {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0

    init(_ text: some StringProtocol) {
        scalars = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { position == scalars.count }

    var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Consumes `expected` (matching either case for letters, as ABNF literals do) when it comes next.
    mutating func skip(_ expected: Unicode.Scalar) -> Bool {
        guard let next, next.asciiUppercased == expected.asciiUppercased else { return false }
        position += 1
        return true
    }

    /// Consumes and returns the next scalar when it satisfies `predicate`.
    mutating func take(where predicate: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
        guard let next, predicate(next) else { return nil }
        position += 1
        return next
    }

    /// Exactly `count` ASCII digits as a number, or nil (consuming nothing).
    mutating func number(digits count: Int) -> Int? {
        guard position + count <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[position..<position + count] {
            guard let digit = scalar.asciiDigitValue else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// Consumes a run of ASCII digits; returns how many there were.
    mutating func skipDigits() -> Int {
        let start = position
        while next?.isASCIIDigit == true { position += 1 }
        return position - start
    }
}
