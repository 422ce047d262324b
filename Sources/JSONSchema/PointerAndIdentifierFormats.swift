// uuid (RFC 4122 section 3), json-pointer (RFC 6901 section 3) and relative-json-pointer
// (draft-bhutton-relative-json-pointer-00 section 3).
extension FormatAssertion {
    /// `8-4-4-4-12` hexadecimal digits with the hyphens in place; any version and variant.
    static func isUUID(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        let hyphenPositions: Set = [8, 13, 18, 23]
        return scalars.count == 36
            && scalars.indices.allSatisfy {
                hyphenPositions.contains($0) ? scalars[$0] == "-" : scalars[$0].isASCIIHexDigit
            }
    }

    /// Empty, or `/`-prefixed reference tokens in which `~` only appears as `~0` or `~1`.
    static func isJSONPointer(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard scalars.isEmpty || scalars[0] == "/" else { return false }
        return scalars.indices.allSatisfy { index in
            scalars[index] != "~"
                || (index + 1 < scalars.count && (scalars[index + 1] == "0" || scalars[index + 1] == "1"))
        }
    }

    /// A non-negative integer without leading zeros, an optional index adjustment (`+1`, `-2`), then `#` or a
    /// JSON pointer.
    static func isRelativeJSONPointer(_ string: String) -> Bool {
        var scanner = ScalarScanner(string)
        guard scanner.scanNonNegativeInteger() else { return false }
        if scanner.take(where: { $0 == "+" || $0 == "-" }) != nil {
            guard scanner.next != "0", scanner.scanNonNegativeInteger() else { return false }
        }
        let rest = String(String.UnicodeScalarView(scanner.scalars[scanner.position...]))
        return rest == "#" || isJSONPointer(rest)
    }
}

extension ScalarScanner {
    /// `"0" / %x31-39 *DIGIT`
    fileprivate mutating func scanNonNegativeInteger() -> Bool {
        if skip("0") { return true }
        return next != nil && next != "0" && skipDigits() > 0
    }
}
