// A game's picture on the dashboard: the thumbnail of its scene's background, or a neutral placeholder of the
// same size, so the list does not jump while pictures load.
import { h } from "./dom.js";

export function gameThumbnail(app, game) {
  if (!game.thumbnailUrl) return h("span", { class: "game-thumbnail game-thumbnail-none", "aria-hidden": "true" });
  return h("img", { class: "game-thumbnail", src: game.thumbnailUrl, width: 96, height: 64, loading: "lazy",
    alt: app.t("dashboard.thumbnail", { name: game.name || game.slug }) });
}
