import assert from "node:assert/strict";
import { test } from "node:test";
import { gmOnlyFieldIDs } from "../../Sources/SZServer/Client/js/session-sheet.js";
import { errorsByField, fieldOfPointer } from "../../Sources/SZServer/Client/js/sheet-errors.js";

const template = {
  sections: [
    { id: "open", groups: [
      { id: "details", fields: [{ id: "setting" }, { id: "gmNotes", visibility: "gm" }, { id: "mood", visibility: "all" }] },
      { id: "plans", visibility: "gm", fields: [{ id: "twist", visibility: "all" }] },
    ] },
    { id: "screen", visibility: "gm", groups: [{ id: "clocks", fields: [{ id: "doom" }] }] },
  ],
};

test("a field is GM-only when it, its group or its section says so", () => {
  assert.deepEqual([...gmOnlyFieldIDs(template)].sort(), ["doom", "gmNotes", "twist"]);
});

test("a template without marks, or none at all, has no GM-only fields", () => {
  assert.equal(gmOnlyFieldIDs({ sections: [{ groups: [{ fields: [{ id: "notes" }] }] }] }).size, 0);
  assert.equal(gmOnlyFieldIDs(null).size, 0);
});

test("a problem's pointer names the field it is about", () => {
  assert.equal(fieldOfPointer("/fields/notes"), "notes");
  assert.equal(fieldOfPointer("/fields/loot/2"), "loot");
  assert.equal(fieldOfPointer("/fields/a~1b~0c"), "a/b~c");
  assert.equal(fieldOfPointer("/name"), null);
  assert.equal(fieldOfPointer("/fields"), null);
  assert.equal(fieldOfPointer("fields/notes"), null);
  assert.equal(fieldOfPointer(undefined), null);
});

test("complaints are grouped by field, the first one of a field kept, the rest shown with the sheet", () => {
  const { byField, general } = errorsByField({
    "/fields/loot/1": "\"sword\" is not an entry",
    "/fields/loot/3": "\"axe\" is not an entry",
    "/fields/doom": "needs a number",
    "/fields": "must be an object",
  });
  assert.deepEqual([...byField], [["loot", "\"sword\" is not an entry"], ["doom", "needs a number"]]);
  assert.deepEqual(general, ["must be an object"]);
});
