import assert from "node:assert/strict";
import { test } from "node:test";
import { shortcutKey } from "../../Sources/SZServer/Client/js/keys.js";

test("a Latin layout keeps the character typed, named keys stay as they are", () => {
  assert.equal(shortcutKey({ key: "r", code: "KeyR" }), "r");
  assert.equal(shortcutKey({ key: "m", code: "Semicolon" }), "m"); // AZERTY: the key labelled M
  assert.equal(shortcutKey({ key: "ArrowLeft", code: "ArrowLeft" }), "ArrowLeft");
  assert.equal(shortcutKey({ key: "Escape", code: "Escape" }), "Escape");
});

test("an Arabic or Cyrillic layout gives the Latin key at the same place", () => {
  assert.equal(shortcutKey({ key: "ق", code: "KeyR" }), "r");
  assert.equal(shortcutKey({ key: "ق", code: "KeyR", shiftKey: true }), "R");
  assert.equal(shortcutKey({ key: "ج", code: "BracketLeft" }), "[");
  assert.equal(shortcutKey({ key: "٠", code: "Digit0" }), "0");
  assert.equal(shortcutKey({ key: "н", code: "KeyY" }), "y");
  assert.equal(shortcutKey({ key: "é", code: "IntlBackslash" }), "é");
});
