/// The string syntaxes of the format, checked exactly as the `pattern`s in `common.schema.json` do,
/// so that the model and the published schemas accept the same documents.
enum Syntax {
    static let maximumIdentifierLength = 128

    /// `^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`: no `.`, which separates the parts of a field path.
    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maximumIdentifierLength, isAlphanumeric(first) else {
            return false
        }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Lowercase 8-4-4-4-12 hexadecimal.
    static func isLowercaseUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let hyphens: Set = [8, 13, 18, 23]
        guard bytes.count == 36 else { return false }
        return bytes.indices.allSatisfy { index in
            hyphens.contains(index) ? bytes[index] == UInt8(ascii: "-") : isLowercaseHexDigit(bytes[index])
        }
    }

    /// Semantic Versioning 2.0.0 (the semver.org grammar).
    static func isSemanticVersion(_ text: String) -> Bool {
        let (versionAndPrerelease, build) = split(text, at: "+")
        let (core, prerelease) = split(versionAndPrerelease, at: "-")
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy(isNumericIdentifier) else { return false }
        if let prerelease {
            let identifiers = prerelease.split(separator: ".", omittingEmptySubsequences: false)
            guard identifiers.allSatisfy(isPrereleaseIdentifier) else { return false }
        }
        if let build {
            let identifiers = build.split(separator: ".", omittingEmptySubsequences: false)
            guard identifiers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isIdentifierCharacter) }) else {
                return false
            }
        }
        return true
    }

    static let rangeOperators = [">=", "<=", ">", "<", "=", "^", "~"]

    /// `*`, or comparators (an operator and a version) separated by spaces or by one comma.
    static func isVersionRange(_ text: String) -> Bool {
        if text == "*" { return true }
        var rest = Substring(text)
        while true {
            guard let operation = rangeOperators.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(operation.count)
            let version = rest.prefix { $0 != " " && $0 != "," }
            guard isSemanticVersion(String(version)) else { return false }
            rest = rest.dropFirst(version.count)
            if rest.isEmpty { return true }
            let separator = rest.prefix { $0 == " " || $0 == "," }
            guard separator.count(where: { $0 == "," }) <= 1 else { return false }
            rest = rest.dropFirst(separator.count)
        }
    }

    /// RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, isDateAndTime(bytes[..<19], maximumSecond: 60) else { return false }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            let digits = rest.dropFirst().prefix(while: isDigit)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(1 + digits.count)
        }
        if rest.elementsEqual("Z".utf8) { return true }
        guard rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") else { return false }
        let offset = Array(rest.dropFirst())
        return offset[2] == UInt8(ascii: ":") && twoDigits(offset[0..<2], in: 0...23)
            && twoDigits(offset[3..<5], in: 0...59)
    }

    /// RFC 3339 in UTC to the second: `YYYY-MM-DDTHH:MM:SSZ`.
    static func isUTCSecondTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 20 && isDateAndTime(bytes[..<19], maximumSecond: 59) && bytes[19] == UInt8(ascii: "Z")
    }

    static let imageExtensions = ["png", "jpg", "jpeg", "webp", "gif", "svg"]

    /// A relative path below `media/images/` whose parts never start with `.` (so no `..`), ending in an
    /// image extension.
    static func isIconPath(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let partsAreSafe = parts.allSatisfy { part in
            guard let first = part.utf8.first, first != UInt8(ascii: ".") else { return false }
            return part.utf8.allSatisfy {
                isIdentifierCharacter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
        }
        // A part never starts with ".", so the name before the extension cannot be empty.
        guard partsAreSafe, let fileName = parts.last, let dot = fileName.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(String(fileName[fileName.index(after: dot)...]))
    }

    private static func isDateAndTime(_ bytes: ArraySlice<UInt8>, maximumSecond: Int) -> Bool {
        let text = Array(bytes)
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ text[$0.0] == $0.1.asciiValue }) else { return false }
        return text[0..<4].allSatisfy(isDigit) && twoDigits(text[5..<7], in: 1...12)
            && twoDigits(text[8..<10], in: 1...31)
            && twoDigits(text[11..<13], in: 0...23) && twoDigits(text[14..<16], in: 0...59)
            && twoDigits(text[17..<19], in: 0...maximumSecond)
    }

    private static func twoDigits(_ bytes: ArraySlice<UInt8>, in range: ClosedRange<Int>) -> Bool {
        guard bytes.count == 2, bytes.allSatisfy(isDigit) else { return false }
        return range.contains(Int(bytes[bytes.startIndex] - 48) * 10 + Int(bytes[bytes.startIndex + 1] - 48))
    }

    private static func split(_ text: some StringProtocol, at separator: Character) -> (Substring, Substring?) {
        let text = Substring(text)
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }

    private static func isNumericIdentifier(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.utf8.allSatisfy(isDigit) else { return false }
        return part == "0" || part.first != "0"
    }

    private static func isPrereleaseIdentifier(_ part: Substring) -> Bool {
        guard !part.isEmpty, part.utf8.allSatisfy(isIdentifierCharacter) else { return false }
        return !part.utf8.allSatisfy(isDigit) || isNumericIdentifier(part)
    }

    /// `[0-9A-Za-z-]`, the characters of semantic-version identifiers.
    private static func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
