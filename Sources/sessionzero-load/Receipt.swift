/// What a server frame means to the load generator, read by scanning its bytes instead of decoding JSON: the
/// generator runs on the same cores as the server and must cost much less per frame. It relies on the
/// server's compact encoding (no spaces), which the smoke test checks against a real server.
enum Receipt: Equatable {
    case ack
    case error
    /// A token moved: the token and the command number read back from its position.
    case move(tokenID: String, number: Int)
    /// A roll: who rolled and the command number read back from the formula.
    case roll(playerID: String, number: Int)
    case other

    init(_ line: UnsafeBufferPointer<UInt8>) {
        let scan = ByteScan(line)
        guard let type = scan.string(after: ByteScan.typeKey) else {
            self = .other
            return
        }
        if type.elementsEqual(ByteScan.ack) {
            self = .ack
        } else if type.elementsEqual(ByteScan.error) {
            self = .error
        } else if type.elementsEqual(ByteScan.tokenUpdated) {
            guard let tokenID = scan.string(after: ByteScan.idKey), let x = scan.integer(after: ByteScan.xKey),
                let y = scan.integer(after: ByteScan.yKey), let number = CommandNumber.number(x: x, y: y)
            else {
                self = .other
                return
            }
            self = .move(tokenID: String(decoding: tokenID, as: UTF8.self), number: number)
        } else if type.elementsEqual(ByteScan.diceRolled) {
            guard let playerID = scan.string(after: ByteScan.playerKey),
                let number = scan.integer(after: ByteScan.formulaKey)
            else {
                self = .other
                return
            }
            self = .roll(playerID: String(decoding: playerID, as: UTF8.self), number: number)
        } else {
            self = .other
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
    static let ack = Array("ack".utf8)
    static let error = Array("error".utf8)
    static let tokenUpdated = Array("token.updated".utf8)
    static let diceRolled = Array("dice.rolled".utf8)

    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The bytes after `key` up to the next quote (keys that hold strings end with the opening quote).
    func string(after key: [UInt8]) -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard let start = end(of: key), let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else {
            return nil
        }
        return bytes[start..<close]
    }

    func integer(after key: [UInt8]) -> Int? {
        guard let start = end(of: key) else { return nil }
        var value = 0
        var digits = 0
        for byte in bytes[start...] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The index just after the first occurrence of `key`.
    private func end(of key: [UInt8]) -> Int? {
        guard let first = key.first, key.count <= bytes.count else { return nil }
        var candidate = 0
        while candidate <= bytes.count - key.count {
            guard let found = bytes[candidate...(bytes.count - key.count)].firstIndex(of: first) else { return nil }
            var matched = 1
            while matched < key.count, bytes[found + matched] == key[matched] { matched += 1 }
            if matched == key.count { return found + matched }
            candidate = found + 1
        }
        return nil
    }
}
