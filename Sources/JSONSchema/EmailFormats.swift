// email (RFC 5321 section 4.1.2 Mailbox) and idn-email (RFC 6531 section 3.3).
extension FormatAssertion {
    /// `local-part@domain`: a dot-string or quoted-string local part of at most 64 octets, then a domain name
    /// or an address literal (`[192.0.2.1]`, `[IPv6:…]`). With `allowsUnicode`, non-ASCII characters may appear
    /// in the local part and the domain may hold U-labels.
    static func isEmail(_ string: String, allowsUnicode: Bool) -> Bool {
        let scalars = Array(string.unicodeScalars)
        guard let at = localPartEnd(scalars, allowsUnicode: allowsUnicode), at < scalars.count, scalars[at] == "@"
        else { return false }
        let localPart = String(String.UnicodeScalarView(scalars[..<at]))
        guard localPart.utf8.count <= 64 else { return false }
        let domain = String(String.UnicodeScalarView(scalars[(at + 1)...]))
        guard domain.hasPrefix("["), domain.hasSuffix("]") else {
            return isDomainName(domain, allowsUnicode: allowsUnicode)
        }
        let literal = domain.dropFirst().dropLast()
        if literal.prefix(5).lowercased() == "ipv6:" { return isIPv6(String(literal.dropFirst(5))) }
        return isIPv4(String(literal))
    }

    /// The index just after a well-formed local part at the start of `scalars`, or nil.
    private static func localPartEnd(_ scalars: [Unicode.Scalar], allowsUnicode: Bool) -> Int? {
        let isExtra = { (scalar: Unicode.Scalar) in allowsUnicode && !scalar.isASCII }
        var index = 0
        if scalars.first == "\"" {
            index = 1
            while index < scalars.count, scalars[index] != "\"" {
                let scalar = scalars[index]
                if scalar == "\\" {
                    // quoted-pairSMTP: a backslash and one printable ASCII character.
                    guard index + 1 < scalars.count, (0x20...0x7E).contains(scalars[index + 1].value) else {
                        return nil
                    }
                    index += 2
                } else {
                    guard (0x20...0x7E).contains(scalar.value) || isExtra(scalar) else { return nil }
                    index += 1
                }
            }
            return index < scalars.count ? index + 1 : nil
        }
        // Dot-string: atoms of atext separated by single dots.
        var atomLength = 0
        while index < scalars.count, scalars[index] != "@" {
            let scalar = scalars[index]
            if scalar == "." {
                guard atomLength > 0 else { return nil }
                atomLength = 0
            } else {
                guard isAtext(scalar) || isExtra(scalar) else { return nil }
                atomLength += 1
            }
            index += 1
        }
        return atomLength > 0 ? index : nil
    }

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || scalar.isASCIIDigit || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
