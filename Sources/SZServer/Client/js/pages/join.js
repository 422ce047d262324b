// Joining a game: a name, a colour (one is suggested) and the game's password if it has one.
import { describeError } from "../api.js";
import { field, h, statusBox } from "../dom.js";
import { sessionCountdown } from "../game-schedule.js";
import { pathFor } from "../routes.js";
import { saveSeat, suggestColour } from "../seat.js";

export async function render(app, main, { params, query }) {
  const { t } = app;
  const gamePath = `/games/${encodeURIComponent(params.gm)}/${encodeURIComponent(params.slug)}`;
  let gameName = params.slug;
  try {
    gameName = (await app.api.get(gamePath))?.name || gameName;
  } catch {
    // Guests may not see the game's details; its URL name will do.
  }
  const name = field({ label: t("join.name"), name: "player-name", required: true, value: app.user?.name ?? localStorage.getItem("sz.playerName") ?? "", attrs: { maxlength: 30 }, autocomplete: "nickname" });
  const colour = field({ label: t("join.colour"), name: "player-colour", type: "color", value: localStorage.getItem("sz.playerColour") ?? suggestColour(), hint: t("join.colourHint") });
  const password = field({ label: t("join.password"), name: "game-password", type: "password", hint: t("join.passwordHint"), autocomplete: "off" });
  const watchID = "join-watch";
  const watch = h("input", { id: watchID, type: "checkbox" });
  const status = statusBox();
  const form = h("form", { class: "card narrow", novalidate: true }, name.wrapper, colour.wrapper, password.wrapper,
    h("div", { class: "check" }, watch, h("label", { for: watchID }, t("join.watch"))), status.element,
    h("button", { type: "submit", class: "button-primary" }, t("join.button")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    name.showError(null);
    status.hide();
    if (!name.input.value.trim()) {
      name.showError(t("join.nameRequired"));
      name.input.focus();
      return;
    }
    const body = { name: name.input.value.trim(), colour: colour.input.value };
    if (password.input.value) body.password = password.input.value;
    if (watch.checked) body.role = "spectator";
    try {
      const seat = await app.api.post(`${gamePath}/join`, body);
      saveSeat(localStorage, params.gm, params.slug, seat);
      localStorage.setItem("sz.playerName", body.name);
      localStorage.setItem("sz.playerColour", body.colour);
      // The countdown link's start goes on to the table.
      app.navigate(pathFor("table", params) + location.search, { replace: true });
    } catch (error) {
      if (error.fieldErrors?.["/name"]) name.showError(error.fieldErrors["/name"]);
      status.show(describeError(error, t));
    }
  });
  const countdown = sessionCountdown(app, gamePath, query);
  main.append(h("h1", {}, t("join.title", { game: gameName })), countdown.element, form);
  name.input.focus();
  return countdown.stop;
}
