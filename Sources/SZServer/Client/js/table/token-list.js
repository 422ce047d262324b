// The tokens of the shown scene as a list of buttons: the keyboard's and screen reader's way to the board. Each
// says where the token is, whether it is hidden or locked, and who else has it selected.
import { clear, h, redrawKeepingFocus } from "../dom.js";
import { visibleTokens } from "../game-state.js";

/**
 * @param {object} app
 * @param {object} options
 * @param {(token: object) => string} options.nameOf
 * @param {(tokenID: string, toggle: boolean) => void} options.onPick
 */
export function tokenList(app, { nameOf, onPick }) {
  const { t } = app;
  const list = h("ul", { class: "token-list" });
  const element = h("section", { class: "panel", "aria-labelledby": "tokens-heading" },
    h("h2", { id: "tokens-heading" }, t("table.tokens")), list);

  function selectedBy(state, tokenID) {
    return state.players.filter((p) => p.id !== state.playerID && state.selections[p.id]?.tokenIDs.includes(tokenID)).map((p) => p.name);
  }

  function refresh(state, selected) {
    const shown = visibleTokens(state).filter((x) => !x.background);
    redrawKeepingFocus(list, () => clear(list, shown.length ? shown.map((token) => {
      const others = selectedBy(state, token.id);
      const notes = [token.hidden ? t("token.hiddenNote") : null, token.locked ? t("token.lockedNote") : null,
        others.length ? t("token.selectedBy", { names: others.join(", ") }) : null].filter(Boolean);
      return h("li", {}, h("button", {
        type: "button", class: `token-button${token.hidden ? " is-hidden" : ""}`, "aria-pressed": String(selected.includes(token.id)),
        "data-focus-key": token.id,
        onclick: (event) => onPick(token.id, event.shiftKey || event.ctrlKey || event.metaKey),
      }, nameOf(token), h("span", { class: "meta" }, ` (${Math.round(token.x)}, ${Math.round(token.y)})`),
      notes.length ? h("span", { class: "token-notes" }, ` ${notes.join(" · ")}`) : null));
    }) : h("li", { class: "empty-state" }, t("table.noTokens"))));
  }
  return { element, refresh };
}
