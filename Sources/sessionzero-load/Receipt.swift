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

    /// The `type`s the generator tells apart, and the start of the formulas it sends.
    private enum Wire {
        static let ack = Array("ack".utf8)
        static let error = Array("error".utf8)
        static let tokenUpdated = Array("token.updated".utf8)
        static let diceRolled = Array("dice.rolled".utf8)
        static let rollPrefix = Array(CommandNumber.rollPrefix.utf8)
    }

    init(_ line: UnsafeBufferPointer<UInt8>) {
        let fields = LineFields(line)
        guard let type = fields.type else {
            self = .other
            return
        }
        if type.elementsEqual(Wire.ack) {
            self = .ack
        } else if type.elementsEqual(Wire.error) {
            self = .error
        } else if type.elementsEqual(Wire.tokenUpdated) {
            guard let tokenID = fields.id, let x = fields.x, let y = fields.y,
                let number = CommandNumber.number(x: x, y: y)
            else {
                self = .other
                return
            }
            self = .move(tokenID: String(decoding: tokenID, as: UTF8.self), number: number)
        } else if type.elementsEqual(Wire.diceRolled) {
            guard let playerID = fields.playerID, let formula = fields.formula,
                formula.starts(with: Wire.rollPrefix),
                let number = LineFields.integer(formula.dropFirst(Wire.rollPrefix.count))
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

/// The first value of each key the generator reads, found in one pass over a frame's line: a key is a string
/// followed by `:`, and every string is skipped whole (escapes included), so text inside a value is never taken
/// for a key.
struct LineFields {
    typealias Bytes = UnsafeBufferPointer<UInt8>.SubSequence

    private(set) var type: Bytes?
    private(set) var id: Bytes?
    private(set) var playerID: Bytes?
    private(set) var formula: Bytes?
    private(set) var x: Int?
    private(set) var y: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            guard let close = Self.closingQuote(in: bytes, from: index + 1) else { return }
            let colon = close + 1
            if colon < bytes.count, bytes[colon] == UInt8(ascii: ":") {
                take(key: bytes[(index + 1)..<close], valueAt: colon + 1, in: bytes)
            }
            index = close + 1
        }
    }

    private mutating func take(key: Bytes, valueAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        switch key.count {
        case 1 where key.first == UInt8(ascii: "x") && x == nil: x = Self.integer(bytes[start...])
        case 1 where key.first == UInt8(ascii: "y") && y == nil: y = Self.integer(bytes[start...])
        case 2 where id == nil && key.elementsEqual("id".utf8): id = Self.string(in: bytes, at: start)
        case 4 where type == nil && key.elementsEqual("type".utf8): type = Self.string(in: bytes, at: start)
        case 7 where formula == nil && key.elementsEqual("formula".utf8): formula = Self.string(in: bytes, at: start)
        case 8 where playerID == nil && key.elementsEqual("playerID".utf8): playerID = Self.string(in: bytes, at: start)
        default: break
        }
    }

    /// The index of the quote that ends the string whose first byte is at `start`.
    private static func closingQuote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index
            default: index += 1
            }
        }
        return nil
    }

    /// The contents of the string value at `start`; nil when the value there is not a string.
    private static func string(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bytes? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\""),
            let close = closingQuote(in: bytes, from: start + 1)
        else { return nil }
        return bytes[(start + 1)..<close]
    }

    /// The non-negative integer the bytes start with.
    static func integer(_ bytes: Bytes) -> Int? {
        var value = 0
        var digits = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
