// Sessions in time, pure: the countdown to the next one, its shareable link and Discord timestamp, and whether a
// game is close to its clean-up. Every function takes `now` so tests fix the clock.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Games closer than this to their removal get a warning on the dashboard (pyvtt warned at half the period). */
export const expiryWarningDays = 7;

/** The date a game may be removed when it is within `expiryWarningDays` of it, else null (or never expires). */
export function expiryWarning(game, now, days = expiryWarningDays) {
  const expires = parseStart(game?.expiresAt);
  if (!expires) return null;
  return expires.getTime() - now.getTime() <= days * day ? expires : null;
}

/**
 * A start time from a link's `session` parameter or an API field: an ISO-8601 date and time, or whole seconds since
 * 1970 (what Discord's timestamps use). Null for anything else, so a mangled link shows no countdown.
 */
export function parseStart(value) {
  if (value === null || value === undefined || value === "") return null;
  const text = String(value).trim();
  const date = /^\d{1,12}$/.test(text) ? new Date(Number(text) * 1000) : /^\d{4}-\d\d-\d\dT/.test(text) ? new Date(text) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** A planned start is worth showing until a few hours after it (the session is on); older ones are stale. */
export function isCurrent(start, now, hoursAfter = 6) {
  return Boolean(start) && now.getTime() - start.getTime() < hoursAfter * hour;
}

/**
 * What is left until `start`, to the minute and rounded up (so "1 minute" lasts until it starts): the two largest
 * units that matter, `[{unit: "day", value: 2}, {unit: "hour", value: 3}]`, or `[]` once it has started.
 */
export function remaining(start, now) {
  const left = start.getTime() - now.getTime();
  if (left <= 0) return [];
  const minutes = Math.ceil(left / minute);
  const days = Math.floor(minutes / (day / minute));
  const hours = Math.floor((minutes % (day / minute)) / 60);
  const parts = days > 0 ? [["day", days], ["hour", hours]] : hours > 0 ? [["hour", hours], ["minute", minutes % 60]] : [["minute", minutes]];
  return parts.filter(([, value]) => value > 0).map(([unit, value]) => ({ unit, value }));
}

/** "2 days, 3 hours" in the locale's words, or "" once started. */
export function formatRemaining(start, now, locale) {
  const parts = remaining(start, now).map(({ unit, value }) =>
    new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value),
  );
  return new Intl.ListFormat(locale, { style: "long", type: "unit" }).format(parts);
}

/** "in 2 days" / "in 3 hours" / "2 days ago", in the largest unit, for a short summary. */
export function formatRelative(start, now, locale) {
  const left = start.getTime() - now.getTime();
  const [unit, size] = Math.abs(left) >= day ? ["day", day] : Math.abs(left) >= hour ? ["hour", hour] : ["minute", minute];
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(Math.round(left / size), unit);
}

/** The countdown link of a game: its page with the start in the query, which the join page and the table read. */
export function sessionLink(origin, gamePath, start) {
  const url = new URL(gamePath, origin);
  url.searchParams.set("session", start.toISOString().replace(/:00\.000Z$/, "Z"));
  return url.href;
}

/** Discord shows `<t:…:F>` as the date and time in each reader's own zone. */
export function discordTimestamp(start) {
  return `<t:${Math.floor(start.getTime() / 1000)}:F>`;
}

/** The value of a `datetime-local` input for `date` in the browser's zone: "2026-12-03T19:30". */
export function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value read in the browser's zone; null when empty or not a real date and time. */
export function fromLocalInput(value) {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value ?? "");
  if (!match) return null;
  const [year, month, dayOfMonth, hours, minutes] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, dayOfMonth, hours, minutes);
  // new Date rolls 31 April over to 1 May; a date that moved was not a real one.
  return date.getMonth() === month - 1 && date.getDate() === dayOfMonth ? date : null;
}
