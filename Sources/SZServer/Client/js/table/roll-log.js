// The roll log: every roll once, in the roller's colour, with its total and breakdown. It stays quiet while a
// snapshot's old rolls fill in and is polite from then on, so each new roll is read out once.
import { h } from "../dom.js";
import { describeRoll } from "../dice.js";

export function rollLog(app) {
  const { t } = app;
  const list = h("ol", { class: "roll-log" });
  const region = h("div", { role: "log", "aria-live": "off" }, list);
  const shown = new Set();
  const element = h("section", { class: "panel", "aria-labelledby": "log-heading" }, h("h2", { id: "log-heading" }, t("table.rolls")), region);

  function refresh(state) {
    for (const roll of state.rolls) {
      if (shown.has(roll.id)) continue;
      shown.add(roll.id);
      const parts = describeRoll(roll, state.players);
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = parts.colour;
      list.append(h("li", { "data-roll": roll.id }, swatch,
        h("span", { class: "roll-line" }, t(parts.private ? "table.rolledPrivately" : "table.rolled", { name: parts.name, formula: parts.formula }), " ",
          h("strong", { class: "roll-total" }, new Intl.NumberFormat(app.i18n.locale).format(parts.total))),
        h("span", { class: "roll-breakdown" }, parts.breakdown)));
    }
    list.scrollTop = list.scrollHeight;
    region.setAttribute("aria-live", "polite");
  }
  return { element, refresh };
}
