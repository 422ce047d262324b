import assert from "node:assert/strict";
import { test } from "node:test";
import { hasFieldReference, numberFields, substituteFields } from "../../Sources/SZServer/Client/js/formula-fields.js";

const template = {
  sections: [{ groups: [{ fields: [
    { id: "strength", name: "Strength", type: "Number", defaultValue: 10 },
    { id: "armorClass", name: "Armor Class", type: "Number", defaultValue: 12 },
    { id: "penalty", name: "Penalty", type: "Number" },
    { id: "class", name: "Class", type: "Text", defaultValue: "Bard" },
  ] }] }],
};

test("a character's Number fields are found by id and by name, with its values over the defaults", () => {
  const fields = numberFields(template, { strength: 16, penalty: -2 });
  assert.equal(fields.get("strength").value, 16);
  assert.equal(fields.get("armor class").value, 12);
  assert.equal(fields.get("armorclass").value, 12);
  assert.equal(fields.get("penalty").value, -2);
  assert.equal(fields.has("class"), false, "text fields are not numbers");
});

test("references become numbers; negative ones keep their sign apart from the operator", () => {
  const fields = numberFields(template, { strength: 16, penalty: -2 });
  assert.deepEqual(substituteFields("1d20+@strength", fields), { formula: "1d20+16", missing: [] });
  assert.deepEqual(substituteFields("1d20 + @{Armor Class} - @penalty", fields), { formula: "1d20 + 12 - (-2)", missing: [] });
  assert.deepEqual(substituteFields("@STRENGTH", fields), { formula: "16", missing: [] });
});

test("unknown fields are named once and left in place; labels are not references", () => {
  const fields = numberFields(template, {});
  assert.deepEqual(substituteFields("1d20+@luck+@luck", fields), { formula: "1d20+@luck+@luck", missing: ["luck"] });
  assert.deepEqual(substituteFields("1d20+@strength # hit @strength", fields), { formula: "1d20+10 # hit @strength", missing: [] });
  assert.equal(hasFieldReference("2d6 # @nothing"), false);
  assert.equal(hasFieldReference("2d6+@{Armor Class}"), true);
});
