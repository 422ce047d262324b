// uri and uri-reference (RFC 3986 section 4.1), iri and iri-reference (RFC 3987 section 2.2).
extension FormatAssertion {
    /// A URI reference, or with `requiresScheme` an absolute URI (a fragment allowed); with `allowsUnicode`
    /// the IRI grammar, where `ucschar` (and `iprivate` in the query) may appear unencoded.
    static func isURIReference(_ string: String, allowsUnicode: Bool, requiresScheme: Bool) -> Bool {
        let characters = URICharacters(allowsUnicode: allowsUnicode)
        var rest = Array(string.unicodeScalars)[...]
        if let hash = rest.firstIndex(of: "#") {
            guard characters.areValid(rest[(hash + 1)...], extra: "/?:@") else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard characters.areValid(rest[(question + 1)...], extra: "/?:@", allowsPrivateUse: true) else {
                return false
            }
            rest = rest[..<question]
        }
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), isScheme(rest[..<colon]) {
            hasScheme = true
            rest = rest[(colon + 1)...]
        }
        guard hasScheme || !requiresScheme else { return false }
        if rest.starts(with: ["/", "/"]) {
            let authorityEnd = rest.dropFirst(2).firstIndex(of: "/") ?? rest.endIndex
            guard isAuthority(rest[(rest.startIndex + 2)..<authorityEnd], characters) else { return false }
            rest = rest[authorityEnd...]
        } else if !hasScheme {
            // path-noscheme: a relative path's first segment cannot hold a colon (it would read as a scheme).
            let firstSegment = rest.prefix { $0 != "/" }
            guard !firstSegment.contains(":") else { return false }
        }
        return characters.areValid(rest, extra: "/:@")
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    private static func isScheme(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, first.isASCIILetter else { return false }
        return scalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) }
    }

    /// `[ userinfo "@" ] host [ ":" port ]`, host being an IP literal in brackets or a reg-name (which also
    /// covers IPv4 addresses, as RFC 3986 section 3.2.2 explains).
    private static func isAuthority(_ authority: ArraySlice<Unicode.Scalar>, _ characters: URICharacters) -> Bool {
        var hostAndPort = authority
        if let at = authority.firstIndex(of: "@") {
            guard characters.areValid(authority[..<at], extra: ":") else { return false }
            hostAndPort = authority[(at + 1)...]
        }
        var port: ArraySlice<Unicode.Scalar>
        if hostAndPort.first == "[" {
            guard let close = hostAndPort.firstIndex(of: "]"),
                isIPLiteral(String(String.UnicodeScalarView(hostAndPort[(hostAndPort.startIndex + 1)..<close])))
            else { return false }
            port = hostAndPort[(close + 1)...]
        } else {
            let colon = hostAndPort.firstIndex(of: ":") ?? hostAndPort.endIndex
            guard characters.areValid(hostAndPort[..<colon], extra: "") else { return false }
            port = hostAndPort[colon...]
        }
        guard port.popFirst().map({ $0 == ":" }) ?? true else { return false }
        return port.allSatisfy(\.isASCIIDigit)
    }

    /// The inside of `[…]`: an IPv6 address or `IPvFuture` (`v` 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )).
    private static func isIPLiteral(_ literal: String) -> Bool {
        var scanner = ScalarScanner(literal)
        guard scanner.skip("v") else { return isIPv6(literal) }
        guard scanner.take(where: \.isASCIIHexDigit) != nil else { return false }
        while scanner.take(where: \.isASCIIHexDigit) != nil {}
        guard scanner.skip("."), !scanner.isAtEnd else { return false }
        let ascii = URICharacters(allowsUnicode: false)
        return scanner.scalars[scanner.position...].allSatisfy {
            ascii.isUnreserved($0) || ascii.isSubDelimiter($0) || $0 == ":"
        }
    }
}

/// The character classes of RFC 3986 section 2, widened by RFC 3987 for IRIs.
struct URICharacters {
    let allowsUnicode: Bool

    /// Whether `scalars` consists of unreserved characters, sub-delims, percent-encoded octets and the
    /// characters in `extra` (plus `iprivate` when allowed, in an IRI).
    func areValid(
        _ scalars: ArraySlice<Unicode.Scalar>,
        extra: String,
        allowsPrivateUse: Bool = false
    ) -> Bool {
        Self.arePercentEncodedOr(scalars) {
            isUnreserved($0) || isSubDelimiter($0) || extra.unicodeScalars.contains($0)
                || (allowsUnicode && allowsPrivateUse && Self.isPrivateUse($0))
        }
    }

    /// Whether `scalars` consists of percent-encoded octets (`%` and two hex digits) and characters that
    /// satisfy `isAllowed`.
    static func arePercentEncodedOr(
        _ scalars: ArraySlice<Unicode.Scalar>,
        _ isAllowed: (Unicode.Scalar) -> Bool
    ) -> Bool {
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scalars[index] == "%" {
                guard index + 2 < scalars.endIndex, scalars[index + 1].isASCIIHexDigit,
                    scalars[index + 2].isASCIIHexDigit
                else { return false }
                index += 3
            } else {
                guard isAllowed(scalars[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    /// `unreserved`, or `iunreserved` (which adds `ucschar`) for IRIs.
    func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIILetter || scalar.isASCIIDigit || "-._~".unicodeScalars.contains(scalar)
            || (allowsUnicode && Self.isUCSChar(scalar))
    }

    func isSubDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        "!$&'()*+,;=".unicodeScalars.contains(scalar)
    }

    /// RFC 3987 `ucschar`: non-ASCII characters except controls, surrogates, private use and the last two
    /// code points of each plane.
    static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0xE0000...0xE0FFF: return false
        case 0x10000...0xEFFFD: return value & 0xFFFF <= 0xFFFD
        default: return false
        }
    }

    /// RFC 3987 `iprivate`.
    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: true
        default: false
        }
    }
}
