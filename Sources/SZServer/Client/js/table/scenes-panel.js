// The GM's scene strip: show, reorder, clone and delete scenes, and add a new one.
import { clear, h, redrawKeepingFocus, uniqueID } from "../dom.js";
import { activeScene, isGM } from "../game-state.js";
import { sceneSettings } from "./scene-settings.js";

export function scenesPanel(app, { send }) {
  const { t } = app;
  const strip = h("ul", { class: "scene-strip" });
  const nameID = uniqueID("scene-name");
  const nameInput = h("input", { id: nameID, required: true, maxlength: 30 });
  const form = h("form", { class: "inline-form" }, h("label", { for: nameID }, t("table.sceneName")), nameInput,
    h("button", { type: "submit" }, t("table.addScene")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (!name) return;
    send({ type: "scene.create", name }).then(() => {
      nameInput.value = "";
      app.announce(t("scenes.created", { name }));
    }).catch(() => {});
  });
  const settings = sceneSettings(app, { send });
  const element = h("section", { class: "panel", hidden: true, "aria-labelledby": "scenes-heading" },
    h("h2", { id: "scenes-heading" }, t("table.scenes")), settings.element, strip, form);

  const small = (label, text, onclick, extra = {}) =>
    h("button", { type: "button", class: "button-small", "aria-label": label, onclick, ...extra }, text);

  function refresh(state) {
    element.hidden = !isGM(state);
    if (!isGM(state)) return;
    settings.refresh(activeScene(state));
    const count = state.scenes.length;
    redrawKeepingFocus(strip, () => clear(strip, state.scenes.map((scene, index) => {
      const active = scene.id === state.activeSceneID;
      const name = scene.name;
      const sceneAction = (action) => ({ "data-focus-key": `${scene.id}/${action}` });
      return h("li", { "aria-current": active ? "true" : null },
        h("span", { class: "scene-name" }, name, active ? h("span", { class: "meta" }, ` (${t("table.activeScene")})`) : null),
        h("span", { class: "scene-actions" },
          active ? null : small(t("scenes.showLabel", { name }), t("table.showScene"),
            () => send({ type: "scene.activate", sceneID: scene.id }).catch(() => {}), sceneAction("show")),
          small(t("scenes.upLabel", { name }), "↑", () => send({ type: "scene.reorder", sceneID: scene.id, toIndex: index - 1 }).catch(() => {}),
            { disabled: index === 0, ...sceneAction("up") }),
          small(t("scenes.downLabel", { name }), "↓", () => send({ type: "scene.reorder", sceneID: scene.id, toIndex: index + 1 }).catch(() => {}),
            { disabled: index === count - 1, ...sceneAction("down") }),
          small(t("scenes.cloneLabel", { name }), t("scenes.clone"), () => send({ type: "scene.clone", sceneID: scene.id }).catch(() => {}), sceneAction("clone")),
          small(t("scenes.deleteLabel", { name }), t("scenes.delete"), () => {
            if (window.confirm(t("scenes.deleteConfirm", { name }))) {
              send({ type: "scene.delete", sceneID: scene.id }).then(() => app.announce(t("scenes.deleted", { name }))).catch(() => {});
            }
          }, { class: "button-small button-danger", ...sceneAction("delete") })));
    })));
  }
  return { element, refresh };
}
