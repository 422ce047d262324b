import SZDice

extension Mutation {
    mutating func roll(_ formula: String, isPrivate: Bool) throws(RoomError) {
        try requireParticipant(to: "roll dice")
        let roll: DiceRoll
        do {
            let parsed = try DiceFormula.parse(formula, limits: DiceLimits(maxFormulaLength: limits.maxFormulaLength))
            roll = try parsed.roll(using: &random)
        } catch {
            throw .invalid(field: "formula", reason: error.description)
        }
        let entry = RollEntry(
            id: ids.next(),
            playerID: sender.id,
            colour: sender.colour,
            isPrivate: isPrivate,
            roll: roll
        )
        state.rolls.append(entry)
        state.rolls.removeFirst(max(0, state.rolls.count - limits.recentRolls))
        commit(.diceRolled(entry), to: entry.audience)
    }
}
