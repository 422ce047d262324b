import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { createTranslator, directionOf, pickLocale } from "../../Sources/SZServer/Client/js/i18n.js";

const locale = (name) => JSON.parse(readFileSync(new URL(`../../Sources/SZServer/Client/locales/${name}.json`, import.meta.url)));

const placeholders = (text) => new Set(text.match(/\{\w+\}/g) ?? []);
const forms = (value) => (typeof value === "object" ? Object.values(value) : [value]);
const sorted = (values) => [...values].sort();

/** The plural categories a message for `locale` needs: the language's own, plus "zero" where English has one. */
function expectedCategories(locale, english) {
  const categories = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  if ("zero" in english) categories.add("zero");
  return sorted(categories);
}

for (const name of ["de", "ar"]) {
  test(`${name} has exactly the keys of English, each with its placeholders and plural categories`, () => {
    const en = locale("en");
    const translation = locale(name);
    assert.deepEqual(sorted(Object.keys(translation)), sorted(Object.keys(en)));
    for (const [key, english] of Object.entries(en)) {
      const translated = translation[key];
      assert.equal(typeof translated, typeof english, `${name} ${key}: string or plural object like English`);
      const wanted = new Set(forms(english).flatMap((text) => [...placeholders(text)]));
      const found = new Set(forms(translated).flatMap((text) => [...placeholders(text)]));
      assert.deepEqual(sorted(found), sorted(wanted), `${name} ${key}: placeholders`);
      if (typeof english !== "object") continue;
      assert.deepEqual(sorted(Object.keys(translated)), expectedCategories(name, english), `${name} ${key}: plural categories`);
      // A form may spell the number out ("two entries"), but it must not drop the other values.
      for (const [category, text] of Object.entries(translated)) {
        for (const placeholder of wanted) {
          if (placeholder !== "{count}") assert.ok(text.includes(placeholder), `${name} ${key}.${category} lacks ${placeholder}`);
        }
      }
    }
  });
}

test("English plural objects have English's categories", () => {
  for (const [key, english] of Object.entries(locale("en"))) {
    if (typeof english === "object") assert.deepEqual(sorted(Object.keys(english)), expectedCategories("en", english), key);
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

test("Arabic is right to left, and a key a translation lacks falls back to English", () => {
  const t = createTranslator("ar", locale("ar"), locale("en"));
  assert.equal(t.dir, "rtl");
  assert.equal(t.t("nav.library"), "المكتبة");
  const partial = createTranslator("ar", { "nav.library": "المكتبة" }, locale("en"));
  assert.equal(partial.t("table.fit"), "Fit");
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
  const arabicNumber = new Intl.NumberFormat("ar").format;
  assert.equal(ar.t("token.count", { count: 3 }), `${arabicNumber(3)} قطع`);
  assert.equal(ar.t("token.count", { count: 11 }), `${arabicNumber(11)} قطعة`);
  assert.equal(ar.t("ruler.cells", { count: 2.5 }), `المسافة: ${arabicNumber(2.5)} خانة`);
  assert.equal(en.t("no.such.key"), "no.such.key");
  assert.equal(en.t("dashboard.title"), "Welcome, {name}");
});

test("the locale comes from the stored choice, then the browser's languages, then English", () => {
  assert.equal(pickLocale("de", ["en-US"]), "de");
  assert.equal(pickLocale(null, ["fr-FR", "de-CH"]), "de");
  assert.equal(pickLocale("xx", ["fr"]), "en");
  assert.equal(pickLocale(null, undefined), "en");
});

test("in a right-to-left language inserted text is isolated so a path or formula keeps its order", () => {
  const ar = createTranslator("ar", { "problem.at": "خطأ في {pointer}: {count}" });
  assert.equal(ar.t("problem.at", { pointer: "/datasets/0/name", count: 2 }), `خطأ في \u2068/datasets/0/name\u2069: ${new Intl.NumberFormat("ar").format(2)}`);
  const en = createTranslator("en", { "problem.at": "Error at {pointer}" });
  assert.equal(en.t("problem.at", { pointer: "/datasets/0/name" }), "Error at /datasets/0/name");
});
