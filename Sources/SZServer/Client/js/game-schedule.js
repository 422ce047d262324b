// A game in time, on the page: the dashboard's expiry warning and next-session planner, and the countdown the join
// page and the table show. The arithmetic is in the pure schedule.js.
import { describeError } from "./api.js";
import { clear, h, statusBox, uniqueID } from "./dom.js";
import { formatDate } from "./format.js";
import { gamePath } from "./game-files.js";
import { pathFor } from "./routes.js";
import { discordTimestamp, expiryWarning, formatRelative, formatRemaining, fromLocalInput, isCurrent, parseStart, sessionLink, toLocalInput } from "./schedule.js";

/** What the dashboard shows of a game in time: the expiry warning, the next session and the planner. */
export function gameInTime(app, game) {
  const summary = h("span", { class: "next-session-slot" }, nextSessionSummary(app, game));
  return [expiryNotice(app, game), summary, sessionPlanner(app, game, { onSaved: () => clear(summary, nextSessionSummary(app, game)) })];
}

/** A warning in words (not only colour) when the clean-up may remove the game within the week; else null. */
export function expiryNotice(app, game, now = new Date()) {
  const expires = expiryWarning(game, now);
  if (!expires) return null;
  const date = formatDate(expires, app.i18n.locale, { weekday: "long", day: "numeric", month: "long" });
  return h("p", { class: "expiry-warning" }, h("span", { class: "warning-icon", "aria-hidden": "true" }, "⚠"),
    " ", app.t("schedule.mayExpire", { date }));
}

/** "Next session: in 2 days" for a game with a planned start that has not long passed; else null. */
export function nextSessionSummary(app, game, now = new Date()) {
  const start = parseStart(game.nextSessionAt);
  if (!isCurrent(start, now)) return null;
  const locale = app.i18n.locale;
  return h("span", { class: "meta next-session" }, app.t("schedule.nextSession", { when: formatRelative(start, now, locale) }),
    " (", h("time", { datetime: start.toISOString() }, formatDate(start, locale)), ")");
}

/**
 * The GM's planner, folded away per game: a date and time to save on the server, then the countdown link and the
 * Discord timestamp to copy and paste where the group talks.
 */
export function sessionPlanner(app, game, { onSaved }) {
  const { t } = app;
  const name = game.name || game.slug;
  const inputID = uniqueID("next-session");
  const input = h("input", { id: inputID, type: "datetime-local", name: "next-session", step: 60 });
  const planned = parseStart(game.nextSessionAt);
  if (planned) input.value = toLocalInput(planned);
  const status = statusBox();
  const copied = h("p", { class: "copy-result", role: "status" });
  const shares = h("div", { class: "session-shares" });

  function showShares(start) {
    shares.replaceChildren();
    if (!start) return;
    const link = sessionLink(location.origin, game.url ?? pathFor("table", game), start);
    shares.append(copyRow(app, t("schedule.link"), link, copied), copyRow(app, t("schedule.discord"), discordTimestamp(start), copied));
  }

  async function save(start) {
    status.hide();
    try {
      const changed = await app.api.patch(gamePath(game), { nextSessionAt: start ? start.toISOString() : null });
      game.nextSessionAt = changed?.nextSessionAt ?? null;
      showShares(start);
      app.announce(start ? t("schedule.saved", { name, date: formatDate(start, app.i18n.locale) }) : t("schedule.cleared", { name }));
      onSaved?.();
    } catch (error) {
      status.show(describeError(error, t));
    }
  }

  const form = h("form", { class: "session-planner" },
    h("label", { for: inputID }, t("schedule.when")), input,
    h("div", { class: "button-row" },
      h("button", { type: "submit", class: "button-small button-primary" }, t("schedule.save")),
      h("button", { type: "button", class: "button-small", onclick: () => { input.value = ""; save(null); } }, t("schedule.clear"))),
    status.element);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const start = fromLocalInput(input.value);
    if (!start) {
      status.show(t("schedule.whenRequired"));
      input.focus();
      return;
    }
    save(start);
  });
  showShares(planned);
  return h("details", { class: "planner" },
    h("summary", { "aria-label": t("schedule.planLabel", { name }) }, t("schedule.plan")),
    form, shares, copied);
}

/** A read-only text with a copy button; the outcome is spoken through `result` (a status region). */
function copyRow(app, label, text, result) {
  const { t } = app;
  const id = uniqueID("share");
  const output = h("input", { id, type: "text", readonly: true, value: text, class: "share-text", onfocus: (event) => event.target.select() });
  const copy = async () => {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      // Without clipboard permission the old way still works on a selected field.
      output.select();
      done = document.execCommand?.("copy") ?? false;
    }
    result.textContent = done ? t("schedule.copied", { what: label }) : t("schedule.copyFailed");
  };
  return h("div", { class: "share-row" }, h("label", { for: id }, label), output,
    h("button", { type: "button", class: "button-small", onclick: copy, "aria-label": t("schedule.copyLabel", { what: label }) }, t("schedule.copy")));
}

/**
 * The countdown to the next session, from the link's `session` parameter or else the game's planned start. The
 * text updates every few seconds as a timer (not read out on every change); screen readers hear it once when the
 * page opens and once more when the session starts. Returns the element and a function that stops its clock.
 */
export function sessionCountdown(app, apiGamePath, query, now = () => new Date()) {
  const { t } = app;
  const text = h("span", { role: "timer" });
  const live = h("span", { class: "visually-hidden", "aria-live": "polite" });
  const when = h("time", {});
  const element = h("p", { class: "session-countdown", hidden: true }, text, " ", when, live);
  let timer = null;
  let started = null;

  function show(start) {
    const left = formatRemaining(start, now(), app.i18n.locale);
    text.textContent = left ? t("schedule.countdown", { time: left }) : t("schedule.startingNow");
    if (started !== !left) {
      live.textContent = text.textContent;
      started = !left;
    }
  }

  function begin(start) {
    if (!isCurrent(start, now())) return;
    element.hidden = false;
    when.dateTime = start.toISOString();
    when.textContent = `(${formatDate(start, app.i18n.locale, { dateStyle: "full", timeStyle: "short" })})`;
    show(start);
    timer = setInterval(() => show(start), 5000);
  }

  const fromLink = parseStart(query?.get("session"));
  if (fromLink) begin(fromLink);
  else {
    app.api.get(apiGamePath).then((game) => {
      if (timer === false) return;
      begin(parseStart(game?.nextSessionAt));
    }).catch(() => {
      // Without the game's facts there is simply no countdown.
    });
  }
  return { element, stop: () => { clearInterval(timer); timer = false; } };
}
