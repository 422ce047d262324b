import assert from "node:assert/strict";
import { test } from "node:test";
import { arrange, cloneNextTo, flip, relabel, remove, resizeStep, resizeTo, rotateBy, toggleHidden, toggleLock } from "../../Sources/SZServer/Client/js/table/token-commands.js";

const token = { id: "t-1", rotation: 315, size: 64, flipped: false, locked: false, hidden: false };
const other = { id: "t-2", rotation: 90, size: 20, flipped: true, locked: true, hidden: true };
const scene = { grid: { cellSize: 48 } };

test("rotations wrap into 0–360 both ways", () => {
  assert.deepEqual(rotateBy([token], 45), { type: "token.rotate", tokenIDs: ["t-1"], rotation: 0 });
  assert.equal(rotateBy([{ ...token, rotation: 0 }], -45).rotation, 315);
});

test("sizes stay within the server's 1–1000 and step by a quarter cell", () => {
  assert.equal(resizeTo([token], 5000).size, 1000);
  assert.equal(resizeTo([token], -3).size, 1);
  assert.equal(resizeStep([token], scene, 1).size, 76);
  assert.equal(resizeStep([token], scene, -1).size, 52);
});

test("toggles send the opposite of the first token's state, for the whole selection", () => {
  assert.deepEqual(flip([token, other]), { type: "token.flip", tokenIDs: ["t-1", "t-2"], flipped: true });
  assert.equal(toggleLock([other, token]).locked, false);
  assert.equal(toggleHidden([token, other]).hidden, true);
  assert.equal(rotateBy([token, other], 45).rotation, 0);
});

test("labels are trimmed to the server's 100 characters; clone, arrange and delete name every token", () => {
  assert.equal(relabel([token], `  ${"x".repeat(120)} `).label.length, 100);
  assert.deepEqual(cloneNextTo([token, other], scene), { type: "token.clone", tokenIDs: ["t-1", "t-2"], dx: 48, dy: 0 });
  assert.deepEqual(arrange([token], "top"), { type: "token.arrange", tokenIDs: ["t-1"], to: "top" });
  assert.deepEqual(remove([token, other]), { type: "token.delete", tokenIDs: ["t-1", "t-2"] });
});
