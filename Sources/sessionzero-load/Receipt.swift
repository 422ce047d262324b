/// What a server frame means to the load generator, read by scanning its bytes instead of decoding JSON: the
/// generator runs on the same cores as the server and must cost much less per frame. It relies on the
/// server's compact, key-sorted encoding (no spaces), which the smoke test checks against a real server.
enum Receipt: Equatable {
    case ack
    case error
    /// A token moved: the token and the command number read back from its position.
    case move(tokenID: Substring, number: Int)
    /// A roll: who rolled and the command number read back from the formula.
    case roll(playerID: Substring, number: Int)
    case other

    init(_ text: Substring.UTF8View) {
        let scan = ByteScan(text)
        guard let type = scan.string(after: ByteScan.typeKey) else {
            self = .other
            return
        }
        switch type {
        case "ack": self = .ack
        case "error": self = .error
        case "token.updated":
            guard let tokenID = scan.string(after: ByteScan.idKey), let x = scan.integer(after: ByteScan.xKey),
                let y = scan.integer(after: ByteScan.yKey), let number = CommandNumber.number(x: x, y: y)
            else {
                self = .other
                return
            }
            self = .move(tokenID: tokenID, number: number)
        case "dice.rolled":
            guard let playerID = scan.string(after: ByteScan.playerKey),
                let number = scan.integer(after: ByteScan.formulaKey)
            else {
                self = .other
                return
            }
            self = .roll(playerID: playerID, number: number)
        default: self = .other
        }
    }
}

/// Finds `"key":` patterns in a frame's UTF-8 and reads the string or integer after them.
struct ByteScan {
    static let typeKey = Array(#""type":""#.utf8)
    static let idKey = Array(#""id":""#.utf8)
    static let xKey = Array(#""x":"#.utf8)
    static let yKey = Array(#""y":"#.utf8)
    static let playerKey = Array(#""playerID":""#.utf8)
    static let formulaKey = Array(#""formula":""#.utf8) + Array(CommandNumber.rollPrefix.utf8)

    let text: Substring.UTF8View

    init(_ text: Substring.UTF8View) {
        self.text = text
    }

    /// The characters after `key` up to the next quote (keys that hold strings end with the opening quote).
    func string(after key: [UInt8]) -> Substring? {
        guard let start = end(of: key), let close = text[start...].firstIndex(of: UInt8(ascii: "\"")) else {
            return nil
        }
        return Substring(text[start..<close])
    }

    func integer(after key: [UInt8]) -> Int? {
        guard let start = end(of: key) else { return nil }
        var value = 0
        var digits = 0
        for byte in text[start...] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The index just after the first occurrence of `key`.
    private func end(of key: [UInt8]) -> String.Index? {
        guard let first = key.first else { return nil }
        var index = text.startIndex
        while let candidate = text[index...].firstIndex(of: first) {
            var matched = candidate
            var keyIndex = 0
            while keyIndex < key.count, matched < text.endIndex, text[matched] == key[keyIndex] {
                keyIndex += 1
                matched = text.index(after: matched)
            }
            if keyIndex == key.count { return matched }
            index = text.index(after: candidate)
        }
        return nil
    }
}
