/// Every command a player sends has a number, and the number travels in the command's visible effect, so every
/// other client can tell which send an event answers: a move in the token's new position, a roll in the
/// formula's modifier. Consecutive numbers never land on the same square, so every move changes the token.
enum CommandNumber {
    static let columns = 900
    static let rows = 500
    /// Positions start this far from the scene's edge, and the token is created closer to it than any move.
    static let margin = 20
    /// Numbers beyond this would repeat a position.
    static let capacity = columns * rows

    static func position(of number: Int) -> (x: Int, y: Int) {
        (margin + number % columns, margin + number / columns)
    }

    static func number(x: Int, y: Int) -> Int? {
        let column = x - margin
        let row = y - margin
        guard (0..<columns).contains(column), (0..<rows).contains(row) else { return nil }
        return row * columns + column
    }

    /// Spreads rolls evenly: with a share of 0.1 every tenth command is a roll.
    static func isRoll(_ number: Int, share: Double) -> Bool {
        Int(Double(number + 1) * share) > Int(Double(number) * share)
    }

    /// In the normalized notation the server echoes, so the prefix can be found again.
    static let rollPrefix = "1d20 + "

    /// The command as text, written by hand: the generator must stay cheaper than the server it measures.
    static func command(_ number: Int, token: String, rollShare: Double) -> String {
        if isRoll(number, share: rollShare) {
            return #"{"type":"dice.roll","clientID":"r\#(number)","formula":"\#(rollPrefix)\#(number)"}"#
        }
        let (x, y) = position(of: number)
        return #"{"type":"token.move","clientID":"m\#(number)","moves":[{"tokenID":"\#(token)","x":\#(x),"y":\#(y)}]}"#
    }
}
