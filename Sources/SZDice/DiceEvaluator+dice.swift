extension DiceEvaluator {
    /// Rolls a dice term: count and sides first (they may be computed), then the limits, then the dice.
    mutating func roll(_ term: DiceTerm, label: String?) throws(DiceError) -> (value: Int, breakdown: String) {
        var count = 1
        var countBreakdown: String?
        if let countExpression = term.count {
            (count, countBreakdown) = try evaluate(countExpression)
        }
        var faces = term.sides.fixedFaces ?? 1...1
        var sidesBreakdown = term.sides.text
        if let sidesExpression = term.sides.expression {
            let sides: Int
            (sides, sidesBreakdown) = try evaluate(sidesExpression)
            faces = try term.faces(sides: sides, limits: limits)
        }
        try term.checkCount(count, limits: limits)
        guard diceCount.adding(count, staysWithin: limits.maxDice) else {
            throw DiceError(.limitExceeded(.dice, limit: limits.maxDice), at: term.offset)
        }
        diceCount += count
        guard rollCount.adding(count, staysWithin: limits.maxRolls) else {
            throw DiceError(.limitExceeded(.rolls, limit: limits.maxRolls), at: term.offset)
        }
        let rules = try DiceRules(term, faces: faces)
        var dice: [RolledDie] = []
        for _ in 0..<count {
            try rollDie(faces: faces, rules: rules, at: term.offset, into: &dice)
        }
        Self.applyKeeps(rules.keeps, to: &dice)
        let result = try Self.score(&dice, rules: rules, at: term.offset)
        terms.append(
            DiceTermResult(
                notation: term.notation(count: term.count?.textBeforeOrAfterD, sides: term.sides.text),
                offset: term.offset,
                label: label,
                dice: dice,
                value: result.value,
                successes: result.successes,
                failures: result.failures
            )
        )
        let diceBreakdown = dice.map(\.notation).joined(separator: ", ")
        return (result.value, "\(term.notation(count: countBreakdown, sides: sidesBreakdown)) [\(diceBreakdown)]")
    }

    /// Rolls one die with its rerolls and explosions, appending every die it takes: replaced ones, the die itself
    /// and the extra dice of its explosions.
    private mutating func rollDie(
        faces: ClosedRange<Int>,
        rules: DiceRules,
        at offset: Int,
        into dice: inout [RolledDie]
    ) throws(DiceError) {
        var chainLength = 0
        var penalty = 0
        var compoundedFaces: [Int] = []
        while true {
            var face = try rollFace(faces, at: offset)
            var isFirstRoll = true
            var reachedLimit = false
            while rules.rerolls(face, isFirstRoll: isFirstRoll) {
                guard chainLength < limits.maxRerollsPerDie else {
                    reachedLimit = true
                    break
                }
                dice.append(RolledDie(value: rules.clamped(face) - penalty, faces: [face], status: .rerolled))
                chainLength += 1
                isFirstRoll = false
                face = try rollFace(faces, at: offset)
            }
            let wantsToExplode = rules.explosion?.point.matches(face) ?? false
            let explodes = wantsToExplode && chainLength < limits.maxRerollsPerDie
            reachedLimit = reachedLimit || (wantsToExplode && !explodes)
            if rules.explosion?.kind == .compound {
                compoundedFaces.append(face)
                if !explodes {
                    let value = try Self.sum(compoundedFaces.map(rules.clamped), at: offset)
                    dice.append(
                        RolledDie(
                            value: value,
                            faces: compoundedFaces,
                            exploded: compoundedFaces.count > 1,
                            reachedLimit: reachedLimit
                        )
                    )
                }
            } else {
                dice.append(
                    RolledDie(
                        value: rules.clamped(face) - penalty,
                        faces: [face],
                        exploded: explodes,
                        reachedLimit: reachedLimit
                    )
                )
            }
            guard explodes else { return }
            chainLength += 1
            penalty = rules.explosion?.kind == .penetrate ? 1 : 0
        }
    }

    private mutating func rollFace(_ faces: ClosedRange<Int>, at offset: Int) throws(DiceError) -> Int {
        guard rollCount < limits.maxRolls else {
            throw DiceError(.limitExceeded(.rolls, limit: limits.maxRolls), at: offset)
        }
        rollCount += 1
        let sides = faces.count
        let roll = random.roll(sides: sides)
        precondition((1...sides).contains(roll), "the DiceRandomSource rolled \(roll) on a die with \(sides) sides")
        return faces.lowerBound + roll - 1
    }

    /// Keep and drop act in the order written, each on the dice still counted. Among equal values the earlier die
    /// is kept by `kh`/`kl` and dropped by `dh`/`dl`.
    private static func applyKeeps(_ keeps: [(rule: KeepRule, count: Int)], to dice: inout [RolledDie]) {
        for (rule, count) in keeps {
            let counted = dice.indices.filter { dice[$0].status == .counted }
            let highestFirst = counted.sorted { (dice[$0].value, $1) > (dice[$1].value, $0) }
            let lowestFirst = counted.sorted { (dice[$0].value, $0) < (dice[$1].value, $1) }
            let dropped =
                switch rule {
                case .keepHighest: highestFirst.dropFirst(count)
                case .keepLowest: lowestFirst.dropFirst(count)
                case .dropHighest: highestFirst.prefix(count)
                case .dropLowest: lowestFirst.prefix(count)
                }
            for index in dropped { dice[index].status = .dropped }
        }
    }

    /// A `min` as large as `Int.max` can make a sum of dice overflow.
    private static func sum(_ values: [Int], at offset: Int) throws(DiceError) -> Int {
        var total = 0
        for value in values {
            total = try checked(total.addingReportingOverflow(value), at: offset)
        }
        return total
    }

    /// Marks successes and failures, then adds up what the term is worth.
    private static func score(
        _ dice: inout [RolledDie],
        rules: DiceRules,
        at offset: Int
    ) throws(DiceError) -> (value: Int, successes: Int?, failures: Int?) {
        let counted = dice.indices.filter { dice[$0].status == .counted }
        guard rules.countsSuccesses else {
            return (try sum(counted.map { dice[$0].value }, at: offset), nil, nil)
        }
        for index in counted {
            if rules.success?.matches(dice[index].value) == true {
                dice[index].outcome = .success
            } else if rules.failure?.matches(dice[index].value) == true {
                dice[index].outcome = .failure
            }
        }
        let successes = counted.count { dice[$0].outcome == .success }
        let failures = counted.count { dice[$0].outcome == .failure }
        return (successes - failures, successes, failures)
    }
}

extension DiceRules {
    func rerolls(_ face: Int, isFirstRoll: Bool) -> Bool {
        rerolls.contains { $0.matches(face) } || (isFirstRoll && rerollsOnce.contains { $0.matches(face) })
    }
}
