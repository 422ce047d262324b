// A game's files from the dashboard: import one (a background image, a game ZIP, a pyvtt export or a session
// pack, told apart by the server), and for each game export, clean-up and delete.
import { describeError, uploadWithProgress } from "./api.js";
import { field, h, statusBox } from "./dom.js";
import { pathFor } from "./routes.js";
import { sendImportThumbnail } from "./thumbnail.js";

/** The API path of a game. */
export const gamePath = (game) => `/games/${encodeURIComponent(game.gm)}/${encodeURIComponent(game.slug)}`;

export function importGameForm(app, onImported) {
  const { t } = app;
  const file = field({ label: t("gameFiles.file"), name: "game-file", type: "file", hint: t("gameFiles.fileHint"),
    attrs: { accept: "image/png,image/jpeg,image/webp,image/gif,.zip,.szp,application/zip" } });
  const name = field({ label: t("dashboard.gameName"), name: "import-name", attrs: { maxlength: 30 } });
  const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": t("packs.progress") });
  const status = statusBox();
  const outcome = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "button-primary" }, t("gameFiles.import"));
  const form = h("form", { class: "card" }, h("h2", {}, t("gameFiles.importTitle")), file.wrapper, name.wrapper, progress, status.element, outcome, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.hide();
    outcome.replaceChildren();
    file.showError(null);
    const chosen = file.input.files[0];
    if (!chosen) {
      file.showError(t("gameFiles.fileRequired"));
      file.input.focus();
      return;
    }
    const query = name.input.value.trim() ? `?name=${encodeURIComponent(name.input.value.trim())}` : "";
    progress.hidden = false;
    submit.disabled = true;
    try {
      const answer = await uploadWithProgress(`/games/import${query}`, chosen, {
        contentType: chosen.type || "application/octet-stream",
        onProgress: (fraction) => { progress.value = fraction; },
      });
      const game = answer.game;
      await sendImportThumbnail(app.api, gamePath(game), chosen);
      outcome.append(
        h("p", {}, t("gameFiles.imported", { name: game.name || game.slug }), " ",
          h("a", { href: game.url ?? pathFor("table", game), "data-link": true }, t("gameFiles.open", { name: game.name || game.slug }))),
        answer.notes?.length ? h("ul", { class: "notes" }, answer.notes.map((note) => h("li", {}, note))) : null);
      form.reset();
      onImported();
    } catch (error) {
      status.show(describeError(error, t));
    } finally {
      progress.hidden = true;
      submit.disabled = false;
    }
  });
  return form;
}

/** Export links and clean-up and delete buttons for one of my games. */
export function gameActions(app, game, { onDeleted, report }) {
  const { t } = app;
  const name = game.name || game.slug;
  const exportLink = (format) => h("a", { class: "button-small link-button", href: `/api/v1${gamePath(game)}/export?format=${format}`,
    download: `${game.gm}_${game.slug}.${format}`, "aria-label": t(`gameFiles.export.${format}Label`, { name }) }, t(`gameFiles.export.${format}`));
  const cleanUp = h("button", { type: "button", class: "button-small", "aria-label": t("gameFiles.cleanupLabel", { name }), onclick: async () => {
    try {
      const answer = await app.api.post(`${gamePath(game)}/cleanup`);
      report(t("gameFiles.cleaned", { name, count: answer?.removed?.length ?? 0 }), "success");
    } catch (error) {
      report(describeError(error, t));
    }
  } }, t("gameFiles.cleanup"));
  const remove = h("button", { type: "button", class: "button-small button-danger", "aria-label": t("gameFiles.deleteLabel", { name }), onclick: async () => {
    if (!window.confirm(t("gameFiles.deleteConfirm", { name }))) return;
    try {
      await app.api.delete(gamePath(game));
      report(t("gameFiles.deleted", { name }), "success");
      onDeleted();
    } catch (error) {
      report(describeError(error, t));
    }
  } }, t("gameFiles.delete"));
  return h("span", { class: "game-actions" }, exportLink("zip"), exportLink("szp"), cleanUp, remove);
}

/** A button that starts a game from a session template and opens it. */
export function startFromTemplate(app, pack, template, report) {
  const { t } = app;
  return h("button", { type: "button", class: "button-small", "aria-label": t("gameFiles.startLabel", { name: template.name }), onclick: async () => {
    try {
      const game = await app.api.post("/games/from-template", { packId: pack.packId, version: pack.version, templateId: template.id });
      app.announce(t("dashboard.gameCreated", { name: game.name || game.slug }));
      app.navigate(game.url ?? pathFor("table", game));
    } catch (error) {
      report(describeError(error, t));
    }
  } }, t("gameFiles.start"));
}
