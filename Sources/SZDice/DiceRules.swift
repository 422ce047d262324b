extension DiceTerm {
    func checkCount(_ count: Int, limits: DiceLimits) throws(DiceError) {
        guard count >= 0 else { throw DiceError(.negativeDiceCount(count), at: offset) }
        guard count <= limits.maxDicePerTerm else {
            throw DiceError(.limitExceeded(.dicePerTerm, limit: limits.maxDicePerTerm), at: offset)
        }
    }

    /// The faces a die shows for a number of sides: checked against the limits.
    func faces(sides: Int, limits: DiceLimits) throws(DiceError) -> ClosedRange<Int> {
        guard sides >= 1 else { throw DiceError(.noSides(sides), at: sidesOffset) }
        guard sides <= limits.maxSides else {
            throw DiceError(.limitExceeded(.sides, limit: limits.maxSides), at: sidesOffset)
        }
        return 1...sides
    }

    /// The faces when the formula fixes them without computing anything, else nil.
    func literalFaces(limits: DiceLimits) throws(DiceError) -> ClosedRange<Int>? {
        if case .number(.number(let sides)) = sides { return try faces(sides: sides, limits: limits) }
        return sides.fixedFaces
    }
}

extension DiceSides {
    /// The faces of the dice whose sides are not a number: `d%` and `dF`.
    var fixedFaces: ClosedRange<Int>? {
        switch self {
        case .percent: 1...100
        case .fate: -1...1
        case .number: nil
        }
    }
}

extension Int {
    /// Whether `self + amount` is at most `limit`, without overflowing whatever the caller's limits.
    func adding(_ amount: Int, staysWithin limit: Int) -> Bool {
        let (sum, overflow) = addingReportingOverflow(amount)
        return !overflow && sum <= limit
    }
}

/// A term's modifiers grouped by the stage of the roll they act in, with the defaults for the die's faces filled in.
struct DiceRules {
    var explosion: (kind: ExplosionKind, point: ComparePoint)?
    var rerolls: [ComparePoint] = []
    var rerollsOnce: [ComparePoint] = []
    var keeps: [(rule: KeepRule, count: Int)] = []
    var success: ComparePoint?
    var failure: ComparePoint?
    var minimum: Int?
    var maximum: Int?

    /// Refuses explosions and rerolls that every face would trigger: they could never stop.
    init(_ term: DiceTerm, faces: ClosedRange<Int>) throws(DiceError) {
        for modifier in term.modifiers {
            switch modifier {
            case .explode(let kind, let point):
                explosion = (kind, point ?? ComparePoint(comparison: .equal, value: faces.upperBound))
            case .reroll(let once, let point):
                let point = point ?? ComparePoint(comparison: .equal, value: faces.lowerBound)
                if once { rerollsOnce.append(point) } else { rerolls.append(point) }
            case .keep(let rule, let count): keeps.append((rule, count))
            case .success(let point): success = point
            case .failure(let point): failure = point
            case .minimum(let value): minimum = value
            case .maximum(let value): maximum = value
            }
        }
        if let explosion, Self.matchesEveryFace([explosion.point], of: faces) {
            throw DiceError(.endlessExplosion, at: term.offset)
        }
        if Self.matchesEveryFace(rerolls, of: faces) {
            throw DiceError(.endlessReroll, at: term.offset)
        }
    }

    var countsSuccesses: Bool { success != nil || failure != nil }

    /// What a face is worth once `min` and `max` have clamped it.
    func clamped(_ face: Int) -> Int {
        min(max(face, minimum ?? Int.min), maximum ?? Int.max)
    }

    /// Compare points only change their answer next to their own value, so a face that escapes all of them, if any,
    /// is one of the range's ends or next to a compare value. Checking those is enough even for a million sides.
    /// Wrapping arithmetic: a neighbour of `Int.max` wraps far outside the faces, where it is ignored anyway.
    private static func matchesEveryFace(_ points: [ComparePoint], of faces: ClosedRange<Int>) -> Bool {
        guard !points.isEmpty else { return false }
        let neighbours = points.flatMap { [$0.value &- 1, $0.value, $0.value &+ 1] }
        let candidates = [faces.lowerBound, faces.upperBound] + neighbours
        return candidates.allSatisfy { face in
            !faces.contains(face) || points.contains { $0.matches(face) }
        }
    }
}
