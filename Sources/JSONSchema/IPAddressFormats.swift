// RFC 2673 section 3.2 dotted quads and RFC 4291 section 2.2 IPv6 text forms.
extension FormatAssertion {
    /// `a.b.c.d`, each 0–255 in ASCII decimal without leading zeros.
    static func isIPv4(_ string: String) -> Bool {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy(isDecimalOctet)
    }

    /// Eight groups of 1–4 hex digits, or fewer around a single `::`; the last two groups may be written as an
    /// IPv4 address. No zone identifier, prefix length or brackets.
    static func isIPv6(_ string: String) -> Bool {
        let halves = string.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return false }
        var groupCount = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            let holdsTheEnd = index == halves.count - 1
            for (position, group) in groups.enumerated() {
                if holdsTheEnd, position == groups.count - 1, isIPv4(String(group)) {
                    groupCount += 2
                } else if (1...4).contains(group.unicodeScalars.count),
                    group.unicodeScalars.allSatisfy(\.isASCIIHexDigit)
                {
                    groupCount += 1
                } else {
                    return false
                }
            }
        }
        return halves.count == 2 ? groupCount <= 7 : groupCount == 8
    }

    private static func isDecimalOctet(_ part: Substring) -> Bool {
        let digits = part.unicodeScalars.compactMap(\.asciiDigitValue)
        guard (1...3).contains(digits.count), digits.count == part.unicodeScalars.count else { return false }
        guard digits.count == 1 || digits[0] != 0 else { return false }
        return digits.reduce(0) { $0 * 10 + $1 } <= 255
    }
}
