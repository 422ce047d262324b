// The active scene's settings for GMs: name, size, grid (shown, cell size, offsets) and removing the background.
// Built once and refreshed in place, so a half-typed number is not overwritten by the next event.
import { h, uniqueID } from "../dom.js";

/** The `scene.update` for what the form holds, within the server's limits (docs/protocol.md, "Scenes"). */
export function sceneUpdate(scene, values) {
  const clamp = (value, low, high) => Math.min(high, Math.max(low, Math.round(Number(value))));
  const cellSize = clamp(values.cellSize, 8, 512);
  return {
    type: "scene.update",
    sceneID: scene.id,
    name: values.name.trim().slice(0, 30) || scene.name,
    width: clamp(values.width, 64, 8192),
    height: clamp(values.height, 64, 8192),
    grid: { cellSize, offsetX: clamp(values.offsetX, 0, cellSize - 1), offsetY: clamp(values.offsetY, 0, cellSize - 1), shown: Boolean(values.shown) },
  };
}

export function sceneSettings(app, { send }) {
  const { t } = app;
  let scene = null;
  const input = (name, attrs) => h("input", { id: uniqueID(`scene-${name}`), name, ...attrs });
  const inputs = {
    name: input("name", { maxlength: 30, required: true }),
    width: input("width", { type: "number", min: 64, max: 8192 }),
    height: input("height", { type: "number", min: 64, max: 8192 }),
    cellSize: input("cellSize", { type: "number", min: 8, max: 512 }),
    offsetX: input("offsetX", { type: "number", min: 0 }),
    offsetY: input("offsetY", { type: "number", min: 0 }),
    shown: input("shown", { type: "checkbox" }),
  };
  const row = (key) => h("div", { class: "field" }, h("label", { for: inputs[key].id }, t(`sceneSettings.${key}`)), inputs[key]);
  const removeBackground = h("button", { type: "button", onclick: () => {
    if (scene) send({ type: "scene.update", sceneID: scene.id, background: null }).then(() => app.announce(t("sceneSettings.backgroundRemoved"))).catch(() => {});
  } }, t("sceneSettings.removeBackground"));
  const form = h("form", { class: "scene-settings" },
    row("name"),
    h("div", { class: "field-pair" }, row("width"), row("height")),
    h("div", { class: "check" }, inputs.shown, h("label", { for: inputs.shown.id }, t("sceneSettings.shown"))),
    row("cellSize"),
    h("div", { class: "field-pair" }, row("offsetX"), row("offsetY")),
    h("div", { class: "token-actions" }, h("button", { type: "submit", class: "button-primary" }, t("sceneSettings.apply")), removeBackground));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!scene) return;
    const values = Object.fromEntries(Object.entries(inputs).map(([key, element]) => [key, element.type === "checkbox" ? element.checked : element.value]));
    send(sceneUpdate(scene, values)).then(() => app.announce(t("sceneSettings.saved", { name: values.name }))).catch(() => {});
  });
  const element = h("details", { class: "scene-settings-box" }, h("summary", {}, t("sceneSettings.heading")), form);

  function refresh(active) {
    const changedScene = scene?.id !== active?.id;
    scene = active;
    if (!scene) return;
    const values = { name: scene.name, width: scene.width, height: scene.height, cellSize: scene.grid?.cellSize ?? 48,
      offsetX: scene.grid?.offsetX ?? 0, offsetY: scene.grid?.offsetY ?? 0 };
    for (const [key, value] of Object.entries(values)) {
      if (changedScene || document.activeElement !== inputs[key]) inputs[key].value = String(value);
    }
    inputs.shown.checked = Boolean(scene.grid?.shown);
    removeBackground.disabled = !scene.background;
  }
  return { element, refresh };
}
