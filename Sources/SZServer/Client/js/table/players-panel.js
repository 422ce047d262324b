// The player list: who is at the table and online, and for GMs kick, ban and readmit.
import { clear, h, redrawKeepingFocus } from "../dom.js";
import { isGM } from "../game-state.js";

export function playersPanel(app, { send }) {
  const { t } = app;
  const list = h("ul", { class: "players" });
  const element = h("section", { class: "panel", "aria-labelledby": "players-heading" },
    h("h2", { id: "players-heading" }, t("table.players")), list);

  function act(type, player, news) {
    send({ type, playerID: player.id }).then(() => app.announce(t(news, { name: player.name }))).catch(() => {});
  }

  function refresh(state) {
    const gm = isGM(state);
    const shown = state.players.filter((p) => gm || p.standing === "active");
    redrawKeepingFocus(list, () => clear(list, shown.map((player) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = player.colour;
      const removable = gm && player.role !== "gm";
      const standing = player.standing === "active" ? t(player.online ? "table.online" : "table.offline") : t(`players.standing.${player.standing}`);
      return h("li", { class: player.online ? "online" : "offline" }, swatch,
        h("span", { class: "player-name" }, player.name, player.id === state.playerID ? ` ${t("table.you")}` : ""),
        h("span", { class: "player-meta" }, `${t(`table.role.${player.role}`)} · ${standing}`),
        removable && player.standing === "active"
          ? h("span", { class: "player-actions" },
            h("button", { type: "button", class: "button-small", "aria-label": t("players.kickLabel", { name: player.name }),
              "data-focus-key": `${player.id}/kick`, onclick: () => act("player.kick", player, "players.kicked") }, t("players.kick")),
            h("button", { type: "button", class: "button-small button-danger", "aria-label": t("players.banLabel", { name: player.name }),
              "data-focus-key": `${player.id}/ban`, onclick: () => window.confirm(t("players.banConfirm", { name: player.name })) && act("player.ban", player, "players.banned") }, t("players.ban")))
          : null,
        removable && player.standing !== "active"
          ? h("button", { type: "button", class: "button-small", "aria-label": t("players.readmitLabel", { name: player.name }),
            "data-focus-key": `${player.id}/readmit`, onclick: () => act("player.readmit", player, "players.readmitted") }, t("players.readmit"))
          : null);
    })));
  }
  return { element, refresh };
}
