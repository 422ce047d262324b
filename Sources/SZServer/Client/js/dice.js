// The dice tray and the roll log's words.

export const trayDice = [4, 6, 8, 10, 12, 20, 100];

export function formulaForDie(sides, count = 1) {
  return `${count}d${sides}`;
}

/** The parts of a roll to show: who, what, the total and the breakdown, and whether it was private. */
export function describeRoll(roll, players) {
  const player = players.find((p) => p.id === roll.playerID);
  return {
    id: roll.id,
    name: player?.name ?? "?",
    colour: roll.colour ?? player?.colour ?? "#777777",
    formula: roll.roll.formula,
    total: roll.roll.total,
    breakdown: roll.roll.breakdown,
    private: Boolean(roll.private),
  };
}
