import assert from "node:assert/strict";
import { test } from "node:test";
import { createTranslator } from "../../Sources/SZServer/Client/js/i18n.js";
import { plainProblem } from "../../Sources/SZServer/Client/js/problem-words.js";
import { readFileSync } from "node:fs";

const locale = (name) => JSON.parse(readFileSync(new URL(`../../Sources/SZServer/Client/locales/${name}.json`, import.meta.url)));
const en = createTranslator("en", locale("en")).t;
const de = createTranslator("de", locale("de"), locale("en")).t;

test("common validator complaints are said in the user's words, with where they are", () => {
  assert.deepEqual(plainProblem({ message: 'missing required property "name"', file: "szpack.json", pointer: "" }, en),
    { text: 'The field "name" is missing.', where: "in szpack.json" });
  assert.deepEqual(plainProblem({ message: 'property "colour" is not allowed', file: "objects/datasets/items.json", pointer: "/entries/rope" }, de),
    { text: 'Das Feld "colour" ist hier nicht erlaubt.', where: "in objects/datasets/items.json bei /entries/rope" });
  assert.equal(plainProblem({ message: "expected string, found number" }, en).text, "Expected string here, found number.");
  assert.equal(plainProblem({ message: 'missing required properties "a", "b"' }, en).text, 'The fields "a", "b" are missing.');
});

test("other messages keep the server's words", () => {
  assert.deepEqual(plainProblem({ message: "duplicate entry id rope" }, en), { text: "duplicate entry id rope", where: "" });
});
