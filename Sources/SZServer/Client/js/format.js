// Dates, numbers and sizes through Intl, in the page's locale.

export function formatDate(value, locale, options = { dateStyle: "medium", timeStyle: "short" }) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatNumber(value, locale, options = {}) {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** 1536 → "1.5 kB" (decimal units, as file managers show them). */
export function formatBytes(bytes, locale) {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A list joined the way the language joins lists: "a, b and c". */
export function formatList(items, locale) {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}
