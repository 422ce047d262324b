// The panel for the selected tokens: label, size, rotation, flip, order, clone, delete, and for GMs lock and hide.
// Built once and refreshed in place, so focus and a half-typed label survive the events that keep arriving.
import { h, uniqueID } from "../dom.js";
import { activeScene, isGM, mayMove } from "../game-state.js";
import { shortcutKey } from "../keys.js";
import * as commands from "./token-commands.js";

/**
 * @param {object} app
 * @param {(command: object) => Promise<number>} send
 * @param {(token: object) => string} nameOf
 */
export function tokenPanel(app, { send, nameOf }) {
  const { t } = app;
  let state = null;
  let chosen = [];
  const run = (makeCommand, announce) => {
    if (!chosen.length) return;
    if (typeof announce === "function") announce = announce(chosen);
    const command = makeCommand(chosen, activeScene(state));
    const name = chosen.length === 1 ? nameOf(chosen[0]) : t("token.count", { count: chosen.length });
    send(command).then(() => announce && app.announce(t(announce, { name }))).catch(() => {});
  };

  const labelID = uniqueID("token-label");
  const label = h("input", { id: labelID, maxlength: 100, autocomplete: "off" });
  const labelForm = h("form", { class: "inline-form" }, h("label", { for: labelID }, t("token.label")), label,
    h("button", { type: "submit" }, t("token.setLabel")));
  labelForm.addEventListener("submit", (event) => {
    event.preventDefault();
    run((x) => commands.relabel(x, label.value), "token.labelled");
  });
  const sizeID = uniqueID("token-size");
  const size = h("input", { id: sizeID, type: "number", min: commands.minTokenSize, max: commands.maxTokenSize, step: 1 });
  const sizeForm = h("form", { class: "inline-form" }, h("label", { for: sizeID }, t("token.size")), size,
    h("button", { type: "submit" }, t("token.setSize")));
  sizeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (size.value) run((x) => commands.resizeTo(x, Number(size.value)), "token.resized");
  });

  const button = (key, onclick, extra = {}) => h("button", { type: "button", onclick, ...extra }, t(key));
  const rotateLeft = button("token.rotateLeft", () => run((x) => commands.rotateBy(x, -commands.rotationStep), "token.rotated"));
  const rotateRight = button("token.rotateRight", () => run((x) => commands.rotateBy(x, commands.rotationStep), "token.rotated"));
  const flipButton = button("token.flip", () => run(commands.flip, "token.flipped"), { "aria-pressed": "false" });
  const toTop = button("token.toTop", () => run((x) => commands.arrange(x, "top"), "token.arranged"));
  const toBottom = button("token.toBottom", () => run((x) => commands.arrange(x, "bottom"), "token.arranged"));
  const clone = button("token.clone", () => run(commands.cloneNextTo, "token.cloned"));
  const remove = button("token.delete", () => run(commands.remove, "token.deleted"), { class: "button-danger" });
  const lockNews = ([first]) => (first.locked ? "token.unlocked" : "token.locked");
  const hideNews = ([first]) => (first.hidden ? "token.shown" : "token.hidden");
  const lock = button("token.lock", () => run(commands.toggleLock, lockNews), { "aria-pressed": "false" });
  const hide = button("token.hide", () => run(commands.toggleHidden, hideNews), { "aria-pressed": "false" });
  const gmTools = h("div", { class: "token-actions", role: "group", "aria-label": t("token.gmTools") }, lock, hide);

  const title = h("p", { class: "token-title" });
  const empty = h("p", { class: "empty-state" }, t("token.none"));
  const controls = h("div", { class: "token-controls" }, title, labelForm, sizeForm,
    h("div", { class: "token-actions", role: "group", "aria-label": t("token.actions") },
      rotateLeft, rotateRight, flipButton, toTop, toBottom, clone, remove),
    gmTools);
  const element = h("section", { class: "panel token-panel", "aria-labelledby": "token-panel-heading" },
    h("h2", { id: "token-panel-heading" }, t("token.heading")), empty, controls);

  /** Shows the `selected` token ids (maybe none) as the state now has them. */
  function refresh(nextState, selected) {
    state = nextState;
    chosen = selected.map((id) => state.tokens[id]).filter(Boolean);
    const token = chosen[0];
    empty.hidden = Boolean(token);
    controls.hidden = !token;
    if (!token) return;
    const gm = isGM(state);
    const editable = chosen.every((x) => mayMove(state, x));
    title.textContent = chosen.length > 1
      ? `${t("token.count", { count: chosen.length })}: ${chosen.map(nameOf).join(", ")}`
      : [nameOf(token), token.locked ? t("token.lockedNote") : null, token.hidden ? t("token.hiddenNote") : null,
        t("token.facts", { size: token.size, rotation: token.rotation })].filter(Boolean).join(" · ");
    if (document.activeElement !== label) label.value = token.label ?? "";
    if (document.activeElement !== size) size.value = String(token.size);
    for (const control of [label, size, ...labelForm.querySelectorAll("button"), ...sizeForm.querySelectorAll("button"),
      rotateLeft, rotateRight, flipButton, toTop, toBottom, remove]) control.disabled = !editable;
    clone.disabled = !(gm || chosen.every((x) => x.owner === state.playerID));
    flipButton.setAttribute("aria-pressed", String(Boolean(token.flipped)));
    lock.setAttribute("aria-pressed", String(Boolean(token.locked)));
    hide.setAttribute("aria-pressed", String(Boolean(token.hidden)));
    hide.disabled = Boolean(token.locked);
    gmTools.hidden = !gm;
  }

  /** Keys on the board for the selected token; true when the key was one of ours. */
  function handleKey(event) {
    if (!chosen.length || event.ctrlKey || event.metaKey || event.altKey) return false;
    const keys = {
      r: () => run((x) => commands.rotateBy(x, commands.rotationStep), "token.rotated"),
      R: () => run((x) => commands.rotateBy(x, -commands.rotationStep), "token.rotated"),
      f: () => run(commands.flip, "token.flipped"),
      "]": () => run((x, scene) => commands.resizeStep(x, scene, 1), "token.resized"),
      "[": () => run((x, scene) => commands.resizeStep(x, scene, -1), "token.resized"),
      c: () => run(commands.cloneNextTo, "token.cloned"),
      l: () => isGM(state) && run(commands.toggleLock, lockNews),
      h: () => isGM(state) && run(commands.toggleHidden, hideNews),
    };
    const action = keys[shortcutKey(event)];
    if (!action) return false;
    event.preventDefault();
    action();
    return true;
  }

  return { element, refresh, handleKey };
}
