import assert from "node:assert/strict";
import { test } from "node:test";
import {
  discordTimestamp, expiryWarning, formatRelative, formatRemaining, fromLocalInput, isCurrent, parseStart, remaining, sessionLink, toLocalInput,
} from "../../Sources/SZServer/Client/js/schedule.js";

const now = new Date("2026-12-01T12:00:00Z");

test("a game is flagged within a week of its removal, never when it does not expire", () => {
  assert.equal(expiryWarning({ expiresAt: "2026-12-20T03:00:00Z" }, now), null);
  assert.deepEqual(expiryWarning({ expiresAt: "2026-12-03T03:00:00Z" }, now), new Date("2026-12-03T03:00:00Z"));
  assert.deepEqual(expiryWarning({ expiresAt: "2026-12-08T12:00:00Z" }, now), new Date("2026-12-08T12:00:00Z"));
  assert.equal(expiryWarning({ expiresAt: null }, now), null);
  assert.equal(expiryWarning({}, now), null);
});

test("starts are read from ISO dates or Unix seconds; anything else is no start", () => {
  assert.deepEqual(parseStart("2026-12-03T18:30Z"), new Date("2026-12-03T18:30:00Z"));
  assert.deepEqual(parseStart("2026-12-03T19:30:00.000+01:00"), new Date("2026-12-03T18:30:00Z"));
  assert.deepEqual(parseStart("1796322600"), new Date(1796322600 * 1000));
  for (const bad of ["", null, undefined, "soon", "2026-13-45T99:00Z", "17963226001234567", "12/03/2026"]) {
    assert.equal(parseStart(bad), null, `${bad} is no start`);
  }
});

test("the countdown keeps the two largest units, rounds up to the minute and ends at the start", () => {
  const at = (iso) => remaining(new Date(iso), now);
  assert.deepEqual(at("2026-12-03T15:00:00Z"), [{ unit: "day", value: 2 }, { unit: "hour", value: 3 }]);
  assert.deepEqual(at("2026-12-03T12:00:00Z"), [{ unit: "day", value: 2 }]);
  assert.deepEqual(at("2026-12-01T13:30:00Z"), [{ unit: "hour", value: 1 }, { unit: "minute", value: 30 }]);
  assert.deepEqual(at("2026-12-01T12:00:01Z"), [{ unit: "minute", value: 1 }]);
  assert.deepEqual(at("2026-12-01T12:00:00Z"), []);
  assert.deepEqual(at("2026-11-30T12:00:00Z"), []);
  assert.equal(formatRemaining(new Date("2026-12-03T15:00:00Z"), now, "en"), "2 days, 3 hours");
  assert.equal(formatRemaining(new Date("2026-12-02T13:00:00Z"), now, "de"), "1 Tag, 1 Stunde");
  assert.equal(formatRemaining(now, now, "en"), "");
});

test("the short form speaks in the largest unit", () => {
  assert.equal(formatRelative(new Date("2026-12-03T15:00:00Z"), now, "en"), "in 2 days");
  assert.equal(formatRelative(new Date("2026-12-01T15:00:00Z"), now, "en"), "in 3 hours");
  assert.equal(formatRelative(new Date("2026-12-02T12:00:00Z"), now, "en"), "tomorrow");
  assert.equal(formatRelative(new Date("2026-12-01T12:20:00Z"), now, "de"), "in 20 Minuten");
});

test("the link carries the start for the join page and the table; Discord gets Unix seconds", () => {
  const start = new Date("2026-12-03T18:30:00Z");
  assert.equal(sessionLink("https://vtt.example", "/game/gina/dark%20forest", start),
    "https://vtt.example/game/gina/dark%20forest?session=2026-12-03T18%3A30Z");
  assert.deepEqual(parseStart(new URL(sessionLink("https://vtt.example", "/game/a/b", start)).searchParams.get("session")), start);
  assert.equal(sessionLink("http://localhost:8080", "/game/a/b", new Date("2026-12-03T18:30:15.250Z")),
    "http://localhost:8080/game/a/b?session=2026-12-03T18%3A30%3A15.250Z");
  assert.equal(discordTimestamp(start), "<t:1796322600:F>");
});

test("datetime-local values round-trip in the browser's zone and impossible dates are refused", () => {
  const date = new Date(2026, 11, 3, 19, 30);
  assert.equal(toLocalInput(date), "2026-12-03T19:30");
  assert.deepEqual(fromLocalInput("2026-12-03T19:30"), date);
  assert.equal(fromLocalInput("2026-04-31T19:30"), null);
  assert.equal(fromLocalInput(""), null);
  assert.equal(fromLocalInput("2026-12-03"), null);
});

test("a start is shown until six hours after it, then it is stale", () => {
  assert.equal(isCurrent(new Date("2026-12-01T06:00:01Z"), now), true);
  assert.equal(isCurrent(new Date("2026-12-01T06:00:00Z"), now), false);
  assert.equal(isCurrent(new Date("2026-12-09T06:00:00Z"), now), true);
  assert.equal(isCurrent(null, now), false);
});
