extension DiceParser {
    /// A dice term from its `d` on: sides, then modifiers. `count` is what stood before the `d`, if anything.
    mutating func parseDice(count: DiceExpression?, start: Int) throws(DiceError) -> DiceTerm {
        diceTermCount += 1
        guard diceTermCount <= limits.maxDiceTerms else {
            throw DiceError(.limitExceeded(.diceTerms, limit: limits.maxDiceTerms), at: start)
        }
        position += 1
        let sidesOffset = position
        let sides: DiceSides
        switch peek {
        case "%":
            position += 1
            sides = .percent
        case "F", "f":
            position += 1
            sides = .fate
        default:
            sides = .number(try parseAtom(expected: "a number of sides after 'd', like d6, d% or dF"))
        }
        let term = DiceTerm(
            count: count,
            sides: sides,
            modifiers: try parseModifiers(),
            offset: start,
            sidesOffset: sidesOffset
        )
        try checkLiteralLimits(of: term)
        return term
    }

    /// Refuses at parse time what plain numbers already show to be too much, so nothing is rolled in vain.
    private mutating func checkLiteralLimits(of term: DiceTerm) throws(DiceError) {
        if case .number(let count)? = term.count {
            try term.checkCount(count, limits: limits)
            guard literalDiceCount.adding(count, staysWithin: limits.maxDice) else {
                throw DiceError(.limitExceeded(.dice, limit: limits.maxDice), at: term.offset)
            }
            literalDiceCount += count
        }
        if let faces = try term.literalFaces(limits: limits) {
            _ = try DiceRules(term, faces: faces)
        }
    }

    private mutating func parseModifiers() throws(DiceError) -> [DiceModifier] {
        var modifiers: [DiceModifier] = []
        var onlyOnce: Set<String> = []
        while true {
            let start = position
            guard let modifier = try parseModifier() else { return modifiers }
            if let name = modifier.onceOnlyName {
                guard onlyOnce.insert(name).inserted else { throw DiceError(.duplicateModifier(name), at: start) }
            }
            modifiers.append(modifier)
        }
    }

    private mutating func parseModifier() throws(DiceError) -> DiceModifier? {
        guard let character = peek?.lowercased() else { return nil }
        switch character {
        case "!":
            position += 1
            var kind = ExplosionKind.explode
            if peek == "!" {
                kind = .compound
                position += 1
            } else if peekWord("p") {
                kind = .penetrate
                position += 1
            }
            return .explode(kind, try parseComparePoint(bareNumberMeansEqual: true))
        case "k", "d":
            position += 1
            let rule: KeepRule
            if peekWord("h") {
                rule = character == "k" ? .keepHighest : .dropHighest
                position += 1
            } else if peekWord("l") {
                rule = character == "k" ? .keepLowest : .dropLowest
                position += 1
            } else {
                rule = character == "k" ? .keepHighest : .dropLowest
            }
            let count = peek?.isASCIIDigit == true ? try parseNumber() : 1
            return .keep(rule, count: count)
        case "r":
            position += 1
            let once = peekWord("o")
            if once { position += 1 }
            return .reroll(once: once, try parseComparePoint(bareNumberMeansEqual: true))
        case "f":
            position += 1
            guard let point = try parseComparePoint(bareNumberMeansEqual: true) else {
                throw unexpected("a compare point after 'f', like f<=1")
            }
            return .failure(point)
        case "m":
            return try parseMinimumOrMaximum()
        case "<", ">", "=":
            return try parseComparePoint(bareNumberMeansEqual: false).map { .success($0) }
        default:
            return nil
        }
    }

    private mutating func parseMinimumOrMaximum() throws(DiceError) -> DiceModifier {
        let isMinimum = peekWord("min")
        guard isMinimum || peekWord("max") else { throw unexpected("'min' or 'max'") }
        position += 3
        guard peek?.isASCIIDigit == true else {
            throw unexpected("a number after '\(isMinimum ? "min" : "max")', like \(isMinimum ? "min2" : "max5")")
        }
        let value = try parseNumber()
        return isMinimum ? .minimum(value) : .maximum(value)
    }

    /// `>=5`, `<2`, `=10` and so on; after `!`, `r` and `f` a bare number means `=`.
    private mutating func parseComparePoint(bareNumberMeansEqual: Bool) throws(DiceError) -> ComparePoint? {
        let comparison: ComparePoint.Comparison
        if let symbol = [ComparePoint.Comparison.greaterOrEqual, .lessOrEqual, .greater, .less, .equal].first(
            where: { peekWord($0.rawValue) })
        {
            comparison = symbol
            position += symbol.rawValue.count
        } else if bareNumberMeansEqual, peek?.isASCIIDigit == true {
            return ComparePoint(comparison: .equal, value: try parseNumber())
        } else {
            return nil
        }
        let negative = peek == "-"
        if negative { position += 1 }
        guard peek?.isASCIIDigit == true else { throw unexpected("a number after '\(comparison.rawValue)'") }
        let magnitude = try parseNumber()
        return ComparePoint(comparison: comparison, value: negative ? -magnitude : magnitude)
    }
}

extension DiceModifier {
    /// The name used in errors for modifiers a term may carry only once; nil for repeatable ones.
    var onceOnlyName: String? {
        switch self {
        case .explode: "explosion"
        case .success: "success compare point"
        case .failure: "failure compare point ('f')"
        case .minimum: "'min'"
        case .maximum: "'max'"
        case .keep, .reroll: nil
        }
    }
}
