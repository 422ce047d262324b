/// Why a text is not a semantic version: `reason` names the part at fault, `offset` is the UTF-8 byte
/// offset in `text` where the problem starts.
public struct SemanticVersionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let offset: Int
    public let reason: String

    public var description: String { text.isEmpty ? reason : "\(text): \(reason)" }
}

extension SemanticVersion {
    /// Parses strict SemVer 2.0.0: no leading `v`, no leading zeros in numeric identifiers, no empty
    /// identifiers, no surrounding whitespace, and numbers that fit in `UInt64`.
    public init(parsing text: String) throws(SemanticVersionParseError) {
        var scanner = VersionScanner(text: text)
        self = try scanner.version()
    }
}

private struct VersionScanner {
    let text: String
    let bytes: [UInt8]
    var index = 0

    init(text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    mutating func version() throws(SemanticVersionParseError) -> SemanticVersion {
        guard let first = bytes.first else { throw error("the version is empty", at: 0) }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            throw error("a version starts with its major number, without a leading '\(character(at: 0))'", at: 0)
        }
        let major = try number(named: "major version")
        try expectDot(after: "major version", next: "minor version")
        let minor = try number(named: "minor version")
        try expectDot(after: "minor version", next: "patch version")
        let patch = try number(named: "patch version")
        var preRelease: [PreReleaseIdentifier] = []
        var buildMetadata: [String] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            index += 1
            preRelease = try identifiers(of: "pre-release", endingAtPlus: true).map {
                text,
                offset throws(SemanticVersionParseError) in
                try preReleaseIdentifier(text, at: offset)
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") {
            index += 1
            buildMetadata = try identifiers(of: "build metadata", endingAtPlus: false).map(\.text)
        }
        if index < bytes.count {
            throw error("unexpected '\(character(at: index))' after the patch version", at: index)
        }
        return SemanticVersion(
            major: major,
            minor: minor,
            patch: patch,
            preRelease: preRelease,
            buildMetadata: buildMetadata
        )
    }

    private mutating func number(named part: String) throws(SemanticVersionParseError) -> UInt64 {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        guard index > start else {
            if index == bytes.count { throw error("the \(part) is missing", at: start) }
            throw error("expected a number for the \(part), found '\(character(at: start))'", at: start)
        }
        let digits = String(decoding: bytes[start..<index], as: UTF8.self)
        if digits.count > 1, digits.hasPrefix("0") { throw error("the \(part) has a leading zero", at: start) }
        guard let value = UInt64(digits) else {
            throw error("the \(part) \(digits) is larger than \(UInt64.max)", at: start)
        }
        return value
    }

    private mutating func expectDot(after part: String, next: String) throws(SemanticVersionParseError) {
        guard index < bytes.count else { throw error("the \(next) is missing", at: index) }
        guard bytes[index] == UInt8(ascii: ".") else {
            throw error("unexpected '\(character(at: index))' after the \(part)", at: index)
        }
        index += 1
    }

    /// Reads dot-separated identifiers up to the end (or `+` for a pre-release); `part` names them in errors.
    private mutating func identifiers(
        of part: String,
        endingAtPlus: Bool
    ) throws(SemanticVersionParseError) -> [(text: String, offset: Int)] {
        var result: [(text: String, offset: Int)] = []
        while true {
            let start = index
            while index < bytes.count, isIdentifierByte(bytes[index]) { index += 1 }
            let atEnd = index == bytes.count || (endingAtPlus && bytes[index] == UInt8(ascii: "+"))
            if !atEnd, bytes[index] != UInt8(ascii: ".") {
                throw error(
                    "the \(part) contains '\(character(at: index))', but identifiers may only use ASCII letters, digits and '-'",
                    at: index
                )
            }
            if index == start {
                if result.isEmpty, atEnd { throw error("the \(part) is empty", at: start) }
                throw error("identifier \(result.count + 1) of the \(part) is empty", at: start)
            }
            result.append((String(decoding: bytes[start..<index], as: UTF8.self), start))
            if atEnd { return result }
            index += 1
        }
    }

    private func preReleaseIdentifier(
        _ identifier: String,
        at offset: Int
    ) throws(SemanticVersionParseError) -> PreReleaseIdentifier {
        guard identifier.utf8.allSatisfy(isDigit) else { return .alphanumeric(identifier) }
        if identifier.count > 1, identifier.hasPrefix("0") {
            throw error("the pre-release identifier \(identifier) has a leading zero", at: offset)
        }
        guard let value = UInt64(identifier) else {
            throw error("the pre-release identifier \(identifier) is larger than \(UInt64.max)", at: offset)
        }
        return .numeric(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// The whole character starting at a byte offset, so that errors quote `é`, not half of it.
    private func character(at offset: Int) -> Character {
        String(decoding: bytes[offset...], as: UTF8.self).first ?? " "
    }

    private func error(_ reason: String, at offset: Int) -> SemanticVersionParseError {
        SemanticVersionParseError(text: text, offset: offset, reason: reason)
    }
}
