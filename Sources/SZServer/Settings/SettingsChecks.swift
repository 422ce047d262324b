/// The rules single setting values must follow; each returns what is wrong and how to fix it, or nil.
enum SettingsChecks {
    typealias Issue = SettingsReader.Issue

    static func optional(_ check: @escaping (String) -> Issue?) -> (String) -> Issue? {
        { $0.isEmpty ? nil : check($0) }
    }

    static func title(_ value: String) -> Issue? {
        guard (1...100).contains(value.count), !value.unicodeScalars.contains(where: isControl) else {
            return Issue(problem: "must be 1 to 100 characters without control characters", fix: "shorten it")
        }
        return nil
    }

    static func label(_ value: String) -> Issue? {
        guard (1...40).contains(value.count), !value.unicodeScalars.contains(where: isControl) else {
            return Issue(problem: "must be 1 to 40 characters without control characters", fix: "shorten it")
        }
        return nil
    }

    /// A footer link: a path on this server, or an http(s) URL (never `javascript:` and the like).
    static func linkURL(_ value: String) -> Issue? {
        if value.hasPrefix("/") && !value.hasPrefix("//") && !value.contains(where: \.isWhitespace) { return nil }
        return webURL(value).map { _ in
            Issue(
                problem: "\"\(value)\" is neither a path nor an http(s) URL",
                fix: "write \"/terms.html\" or \"https://…\""
            )
        }
    }

    static func webURL(_ value: String) -> Issue? {
        absoluteURL(value, schemes: ["http", "https"], example: "https://vtt.example.org")
    }

    static func webSocketURL(_ value: String) -> Issue? {
        absoluteURL(value, schemes: ["ws", "wss"], example: "wss://vtt.example.org")
    }

    static func color(_ value: String) -> Issue? {
        let hexDigits = value.utf8.dropFirst().allSatisfy { isHexDigit($0) }
        guard value.utf8.count == 7, value.hasPrefix("#"), hexDigits else {
            return Issue(problem: "\"\(value)\" is not a colour", fix: "write colours as \"#RRGGBB\", e.g. \"#C52828\"")
        }
        return nil
    }

    /// A host name or an IP address.
    static func domain(_ value: String) -> Issue? {
        let allowed = value.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        let bracketedIPv6 = value.hasPrefix("[") && value.hasSuffix("]") && value.count > 2
        guard value.utf8.count <= 253, allowed || bracketedIPv6 else {
            return Issue(problem: "\"\(value)\" is not a host name", fix: "write a name such as \"vtt.example.org\"")
        }
        return nil
    }

    static func email(_ value: String) -> Issue? {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, domain(String(parts[1])) == nil, !parts[1].isEmpty else {
            return Issue(problem: "\"\(value)\" is not an e-mail address", fix: "write it as \"vtt@example.org\"")
        }
        return nil
    }

    /// Unix socket paths are limited to 107 bytes by the kernel.
    static func socketPath(_ value: String) -> Issue? {
        guard value.utf8.count <= 107, !value.contains("\0") else {
            return Issue(
                problem: "the socket path is longer than 107 bytes",
                fix: "use a shorter path, e.g. /run/sessionzero.sock"
            )
        }
        return nil
    }

    static func daytime(_ value: String) -> Issue? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else {
            return Issue(
                problem: "\"\(value)\" is not a time of day",
                fix: "write \"HH:MM\" on a 24-hour clock, e.g. \"03:00\""
            )
        }
        return nil
    }

    private static func absoluteURL(_ value: String, schemes: [String], example: String) -> Issue? {
        let issue = Issue(
            problem: "\"\(value)\" is not a full \(schemes.joined(separator: " or ")) URL",
            fix: "write it as \"\(example)\""
        )
        guard let colon = value.firstIndex(of: ":"), value[colon...].hasPrefix("://") else { return issue }
        let scheme = value[..<colon].lowercased()
        let rest = value[colon...].dropFirst(3)
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        guard schemes.contains(scheme), !host.isEmpty, !value.contains(where: \.isWhitespace) else { return issue }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
