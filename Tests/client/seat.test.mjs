import assert from "node:assert/strict";
import { test } from "node:test";
import { describeRoll, formulaForDie, trayDice } from "../../Sources/SZServer/Client/js/dice.js";
import { forgetSeat, loadSeat, saveSeat, suggestColour, suggestedColours } from "../../Sources/SZServer/Client/js/seat.js";

class MemoryStorage {
  constructor() { this.items = new Map(); }
  getItem(key) { return this.items.get(key) ?? null; }
  setItem(key, value) { this.items.set(key, String(value)); }
  removeItem(key) { this.items.delete(key); }
}

test("a seat is remembered per game and forgotten on request; junk reads as no seat", () => {
  const storage = new MemoryStorage();
  saveSeat(storage, "ann", "x", { playerID: "p-1", credential: "c", role: "player" });
  assert.equal(loadSeat(storage, "ann", "x").credential, "c");
  assert.equal(loadSeat(storage, "ann", "y"), null);
  forgetSeat(storage, "ann", "x");
  assert.equal(loadSeat(storage, "ann", "x"), null);
  storage.setItem("sz.seat.ann/z", "{broken");
  assert.equal(loadSeat(storage, "ann", "z"), null);
});

test("suggested colours avoid those taken while any are free", () => {
  assert.equal(suggestColour(() => 0, [suggestedColours[0]]), suggestedColours[1]);
  assert.equal(suggestColour(() => 0.999, suggestedColours), suggestedColours.at(-1));
});

test("the dice tray rolls one die of each kind; rolls are described with their player's name", () => {
  assert.deepEqual(trayDice.map((s) => formulaForDie(s)), ["1d4", "1d6", "1d8", "1d10", "1d12", "1d20", "1d100"]);
  const roll = { id: "r", playerID: "p-ann", colour: "#aa0000", private: true, roll: { formula: "1d20", total: 17, breakdown: "1d20 [17] = 17" } };
  assert.deepEqual(describeRoll(roll, [{ id: "p-ann", name: "Ann", colour: "#aa0000" }]),
    { id: "r", name: "Ann", colour: "#aa0000", formula: "1d20", total: 17, breakdown: "1d20 [17] = 17", private: true });
  assert.equal(describeRoll({ ...roll, playerID: "gone" }, []).name, "?");
});

test("a sheet field shows the character's value, else the template default, else an empty value of its type", async () => {
  const { fieldValue } = await import("../../Sources/SZServer/Client/js/sheet.js");
  assert.equal(fieldValue({ id: "level", type: "Number", defaultValue: 1 }, { level: 3 }), 3);
  assert.equal(fieldValue({ id: "level", type: "Number", defaultValue: 1 }, {}), 1);
  assert.equal(fieldValue({ id: "hp", type: "Number" }, {}), 0);
  assert.deepEqual(fieldValue({ id: "gear", type: "List" }, {}), []);
  assert.equal(fieldValue({ id: "brave", type: "Boolean" }, {}), false);
  assert.equal(fieldValue({ id: "notes", type: "MultiText" }, {}), "");
});
