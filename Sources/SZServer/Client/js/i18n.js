// Translations: flat keys, `{name}` placeholders, plural forms chosen by Intl.PluralRules.
// Pure: the messages are handed in, so node tests can use it without a browser.

/** Languages written right to left; their pages mirror (dir="rtl"). */
const rightToLeft = new Set(["ar", "he", "fa", "ur", "yi", "ps", "dv"]);

export const supportedLocales = ["en", "de", "ar"];

/** The direction of a locale, from the browser's own data where it has it. */
export function directionOf(locale) {
  try {
    const info = new Intl.Locale(locale);
    const text = info.getTextInfo?.() ?? info.textInfo;
    if (text?.direction) return text.direction;
  } catch {
    // An invalid tag falls through to our list.
  }
  return rightToLeft.has(locale.split("-")[0].toLowerCase()) ? "rtl" : "ltr";
}

/** Picks the first supported locale from the user's stored choice and the browser's languages. */
export function pickLocale(stored, browserLanguages, supported = supportedLocales) {
  for (const candidate of [stored, ...(browserLanguages ?? [])]) {
    if (!candidate) continue;
    const exact = supported.find((l) => l.toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
    const base = supported.find((l) => l === candidate.split("-")[0].toLowerCase());
    if (base) return base;
  }
  return supported[0];
}

/**
 * A translator for `locale` with `messages`, falling back to `fallback` (English) for missing keys, and to the
 * key itself so a gap shows up instead of vanishing.
 */
export function createTranslator(locale, messages, fallback = {}) {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const dir = directionOf(locale);
  // In a right-to-left sentence an inserted name, path or formula is isolated (U+2068 … U+2069), so its own
  // characters keep their order instead of being reordered with the words around it.
  const inserted = dir === "rtl" ? (text) => `\u2068${text}\u2069` : (text) => text;
  function lookup(key) {
    return messages[key] ?? fallback[key];
  }
  function t(key, params = {}) {
    let message = lookup(key);
    if (message === undefined) return key;
    if (typeof message === "object") {
      const count = Number(params.count ?? 0);
      message = message[count === 0 && message.zero !== undefined ? "zero" : plural.select(count)] ?? message.other;
    }
    return message.replace(/\{(\w+)\}/g, (whole, name) => {
      if (!(name in params)) return whole;
      const value = params[name];
      return typeof value === "number" ? number.format(value) : inserted(String(value));
    });
  }
  return { locale, dir, t, has: (key) => lookup(key) !== undefined };
}
