import assert from "node:assert/strict";
import { test } from "node:test";
import { formatBytes, formatDate, formatList, formatNumber } from "../../Sources/SZServer/Client/js/format.js";

test("numbers, sizes, dates and lists follow the locale", () => {
  assert.equal(formatNumber(1234.5, "de"), "1.234,5");
  assert.equal(formatBytes(1536, "en"), "1.5 kB");
  assert.equal(formatBytes(999, "en"), "999 byte");
  assert.equal(formatBytes(2_500_000, "de"), "2,5 MB");
  const options = { dateStyle: "long", timeZone: "UTC" };
  assert.equal(formatDate("2026-03-01T12:00:00Z", "en", options), "March 1, 2026");
  assert.equal(formatDate("2026-03-01T12:00:00Z", "de", options), "1. März 2026");
  assert.equal(formatDate("not a date", "en"), "");
  assert.equal(formatList(["a", "b", "c"], "de"), "a, b und c");
});
