/// The parser's cursor over a window of the document: the whole text when it is in memory, or the part of it
/// that `ChunkSource` holds. Offsets in errors are from the start of the document.
struct JSONReader {
    private var bytes: UnsafeBufferPointer<UInt8>
    private let source: ChunkSource?
    private let maximumDepth: Int
    /// Position in `bytes`.
    private var index = 0
    /// Document offset of `bytes[0]`.
    private var windowStart = 0
    /// Where in `bytes` the token being read starts: refilling the window keeps the bytes from there on.
    private var tokenStart = 0
    private var lineCounter = LineCounter()
    private var keysTable = ObjectKeysTable()
    private var repeatedObjects = RepeatedObjectCache()

    // Containers are gathered on shared stacks and copied out once complete, so each one in the result has
    // exactly the capacity it needs: growing arrays element by element would waste up to half of it.
    private var valueStack: [JSONValue] = []
    private var keyStack: [String] = []

    init(window: UnsafeBufferPointer<UInt8>, source: ChunkSource?, maximumDepth: Int) {
        bytes = window
        self.source = source
        self.maximumDepth = maximumDepth
    }

    private var offset: Int { windowStart + index }

    /// Makes `count` bytes available from `index` on, refilling the window if needed; false when the document
    /// ends before.
    private mutating func fill(_ count: Int) -> Bool {
        while bytes.count - index < count {
            guard let source, !source.isExhausted else { return false }
            let keep = min(tokenStart, index)
            lineCounter.discard(bytes[..<keep])
            windowStart += keep
            index -= keep
            tokenStart -= keep
            bytes = source.refill(keeping: bytes[keep...])
        }
        return true
    }

    private mutating func hasByte() -> Bool {
        index < bytes.count || fill(1)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        _ = fill(3)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw error("the text starts with a byte order mark, which JSON does not allow", at: 0)
        }
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if hasByte() { throw error("unexpected \(describeByte(at: index)) after the end of the document") }
        return value
    }

    mutating func skipWhitespace() {
        tokenStart = index
        while hasByte() {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard hasByte() else { throw error("unexpected end of the document, a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeByte(at: index)), a value was expected")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        tokenStart = index
        let start = offset
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard fill(expected.count), bytes[index..<index + expected.count].elementsEqual(expected)
        else { throw error("invalid literal, expected \(literal)", at: start) }
        index += expected.count
    }

    private mutating func enter(_ depth: Int) throws(JSONParseError) {
        if depth > maximumDepth {
            throw error("the document is nested more than \(maximumDepth) levels deep")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        try enter(depth)
        index += 1
        let start = keyStack.count
        let valuesStart = valueStack.count
        defer {
            keyStack.removeSubrange(start...)
            valueStack.removeSubrange(valuesStart...)
        }
        // Built once the object has more keys than a linear search suits.
        var keyIndex: KeyIndex?
        skipWhitespace()
        if hasByte(), bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard hasByte(), bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "expected a quoted property name" : "unexpected end inside an object")
            }
            let keyStart = offset
            let key = try parseString()
            // Duplicates are caught here, while the key's bytes are still in the window for the error's position.
            if isDuplicate(key, keysFrom: start, index: &keyIndex) {
                throw error("duplicate property name \"\(key)\"", at: keyStart)
            }
            keyStack.append(key)
            skipWhitespace()
            guard hasByte(), bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after property name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            valueStack.append(try parseValue(depth: depth))
            skipWhitespace()
            guard hasByte() else { throw error("unexpected end inside an object, expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(makeObject(keysFrom: start, valuesFrom: valuesStart, keyIndex: keyIndex))
            default: throw error("expected ',' or '}' in an object, found \(describeByte(at: index))")
            }
        }
    }

    private mutating func makeObject(
        keysFrom start: Int,
        valuesFrom valuesStart: Int,
        keyIndex: KeyIndex?
    )
        -> JSONObject
    {
        if let keyIndex {
            let keys = ObjectKeys(uniqueKeys: Array(keyStack[start...]), index: keyIndex)
            return valueStack[valuesStart...].withUnsafeBufferPointer { JSONObject(keys: keys, values: $0) }
        }
        let keys = keysTable.keys(keyStack[start...])
        return valueStack[valuesStart...].withUnsafeBufferPointer { repeatedObjects.object(keys: keys, values: $0) }
    }

    /// Whether `key` repeats one of the object's keys (`keyStack[start...]`); keeps `index` for large objects.
    private func isDuplicate(_ key: String, keysFrom start: Int, index: inout KeyIndex?) -> Bool {
        let keys = keyStack[start...]
        if index == nil, keys.count >= ObjectKeys.linearSearchLimit {
            var built = KeyIndex(roomFor: keys.count * 2)
            for (position, existing) in keys.enumerated() { _ = built.insert(existing, at: position, keys: keys) }
            index = built
        }
        if index != nil { return index!.insert(key, at: keys.count, keys: keys) != nil }
        return keys.contains { CodePointKey.same($0, key) }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        try enter(depth)
        index += 1
        let start = valueStack.count
        defer { valueStack.removeSubrange(start...) }
        skipWhitespace()
        if hasByte(), bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        while true {
            skipWhitespace()
            valueStack.append(try parseValue(depth: depth))
            skipWhitespace()
            guard hasByte() else { throw error("unexpected end inside an array, expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(Array(valueStack[start...]))
            default: throw error("expected ',' or ']' in an array, found \(describeByte(at: index))")
            }
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        tokenStart = index
        let start = offset
        while hasByte() {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return try number(from: start)
            }
        }
        return try number(from: start)
    }

    private func number(from start: Int) throws(JSONParseError) -> JSONNumber {
        let lexeme = bytes[(start - windowStart)..<index]
        guard let number = JSONNumber(lexeme: lexeme) else {
            let text = String(decoding: lexeme.prefix(40), as: UTF8.self)
            if lexeme.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
                JSONNumber(lexeme: lexeme.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }) != nil
            {
                throw error("the number \(text) has an exponent too large to keep exactly", at: start)
            }
            throw error("invalid number \(text)", at: start)
        }
        return number
    }

    mutating func parseString() throws(JSONParseError) -> String {
        tokenStart = index
        let start = offset
        index += 1
        var sawNonASCII = false
        let contentStart = offset
        // Fast path: no escapes.
        while hasByte() {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[(contentStart - windowStart)..<index])
                index += 1
                if !sawNonASCII { return String(decoding: content, as: UTF8.self) }
                guard let string = String(validating: content, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("a control character (U+00\(hex(byte))) must be escaped in a string") }
            if byte >= 0x80 { sawNonASCII = true }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string", at: start) }
        var scratch: [UInt8] = Array(bytes[(contentStart - windowStart)..<index])
        while hasByte() {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: scratch, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scratch)
            case 0..<0x20:
                throw error("a control character (U+00\(hex(byte))) must be escaped in a string")
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func appendEscape(to scratch: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = offset
        index += 1
        guard hasByte() else { throw error("unterminated escape sequence", at: escapeStart) }
        let simple: UInt8? =
            switch bytes[index] {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "/"): UInt8(ascii: "/")
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            scratch.append(simple)
            index += 1
            return
        }
        guard bytes[index] == UInt8(ascii: "u") else {
            throw error("invalid escape sequence \\\(describeByte(at: index))", at: escapeStart)
        }
        index += 1
        var scalarValue = try readHex4(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(scalarValue) {
            guard fill(6), bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("a high surrogate escape must be followed by a low surrogate", at: escapeStart) }
            index += 2
            let low = try readHex4(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("a high surrogate escape must be followed by a low surrogate", at: escapeStart)
            }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalarValue) {
            throw error("a low surrogate escape without a high surrogate before it", at: escapeStart)
        }
        scratch.append(contentsOf: String(Character(Unicode.Scalar(scalarValue)!)).utf8)
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard fill(4) else { throw error("incomplete \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 55
            default: throw error("invalid hexadecimal digit in \\u escape", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    func describeByte(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex(byte))"
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let position = min(max((offset ?? self.offset) - windowStart, 0), bytes.count)
        let (line, column) = lineCounter.lineAndColumn(of: position, in: bytes)
        return JSONParseError(message: message, line: line, column: column, offset: windowStart + position)
    }
}
