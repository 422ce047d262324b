import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createTranslator, directionOf, pickLocale } from "../../Sources/SZServer/Client/js/i18n.js";

const locale = (name) => JSON.parse(readFileSync(new URL(`../../Sources/SZServer/Client/locales/${name}.json`, import.meta.url)));

test("English and German have exactly the same keys and the same placeholders", () => {
  const en = locale("en");
  const de = locale("de");
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  const placeholders = (value) => JSON.stringify(value).match(/\{\w+\}/g)?.sort() ?? [];
  for (const key of Object.keys(en)) {
    assert.deepEqual([...new Set(placeholders(de[key]))], [...new Set(placeholders(en[key]))], key);
  }
});

test("every key the client asks for exists in English", () => {
  const en = locale("en");
  const sources = ["main.js", "api.js", "widgets.js", "sheet.js", "pages/auth.js", "pages/dashboard.js", "pages/library.js",
    "pages/character.js", "pages/join.js", "pages/table.js", "pages/not-found.js"];
  for (const file of sources) {
    const text = readFileSync(new URL(`../../Sources/SZServer/Client/js/${file}`, import.meta.url), "utf8");
    for (const [, key] of text.matchAll(/\bt\("([a-z]+\.[A-Za-z.]+)"/g)) assert.ok(key in en, `${file} uses ${key}`);
  }
});

test("the Arabic test locale is right to left and falls back to English for what it lacks", () => {
  const t = createTranslator("ar", locale("ar"), locale("en"));
  assert.equal(t.dir, "rtl");
  assert.equal(t.t("nav.library"), "المكتبة");
  assert.equal(t.t("table.fit"), "Fit");
  assert.equal(directionOf("de-AT"), "ltr");
  assert.equal(directionOf("he"), "rtl");
});

test("plurals follow the language's rules, numbers are formatted, unknown keys show themselves", () => {
  const en = createTranslator("en", locale("en"));
  assert.equal(en.t("library.entries", { count: 0 }), "no entries");
  assert.equal(en.t("library.entries", { count: 1 }), "1 entry");
  assert.equal(en.t("library.entries", { count: 12345 }), "12,345 entries");
  const de = createTranslator("de", locale("de"));
  assert.equal(de.t("library.entries", { count: 12345 }), "12.345 Einträge");
  const ar = createTranslator("ar", locale("ar"));
  assert.equal(ar.t("library.entries", { count: 2 }), "مدخلان");
  assert.equal(en.t("no.such.key"), "no.such.key");
  assert.equal(en.t("dashboard.title"), "Welcome, {name}");
});

test("the locale comes from the stored choice, then the browser's languages, then English", () => {
  assert.equal(pickLocale("de", ["en-US"]), "de");
  assert.equal(pickLocale(null, ["fr-FR", "de-CH"]), "de");
  assert.equal(pickLocale("xx", ["fr"]), "en");
  assert.equal(pickLocale(null, undefined), "en");
});
