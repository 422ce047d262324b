// The signed-in home: my games (and a new one), my characters, my packs (and uploading one).
import { describeError, uploadWithProgress } from "../api.js";
import { field, h, statusBox } from "../dom.js";
import { formatBytes, formatDate } from "../format.js";
import { pathFor } from "../routes.js";
import { gameActions, importGameForm } from "../game-files.js";
import { gameInTime } from "../game-schedule.js";
import { gameThumbnail } from "../game-thumbnail.js";
import { pagedList, validationReport } from "../widgets.js";

export function render(app, main) {
  const { t } = app;
  const locale = app.i18n.locale;
  main.append(h("h1", {}, t("dashboard.title", { name: app.user.name })));

  const gameStatus = statusBox();
  const games = pagedList(app, {
    title: t("dashboard.games"),
    emptyText: t("dashboard.noGames"),
    load: (cursor) => app.api.get("/games", { query: { cursor } }),
    renderItem: (game) =>
      h(
        "div",
        { class: "item" },
        gameThumbnail(app, game),
        h("a", { href: game.url ?? pathFor("table", game), "data-link": true }, game.name || game.slug),
        h("span", { class: "meta" }, t("dashboard.updated", { date: formatDate(game.updatedAt, locale) })),
        gameActions(app, game, { onDeleted: () => games.reload(), report: (message, kind) => gameStatus.show(message, kind) }),
        gameInTime(app, game),
      ),
  });
  const characters = pagedList(app, {
    title: t("dashboard.characters"),
    emptyText: t("dashboard.noCharacters"),
    load: (cursor) => app.api.get("/characters", { query: { cursor } }),
    renderItem: (character) =>
      h(
        "div",
        { class: "item" },
        h("a", { href: pathFor("character", character), "data-link": true }, character.name),
        h("span", { class: "meta" }, `${character.packId} ${character.version}`),
      ),
  });
  const packs = pagedList(app, {
    title: t("dashboard.packs"),
    emptyText: t("dashboard.noPacks"),
    load: async (cursor) => {
      const page = await app.api.get("/packs", { query: { cursor } });
      const mine = (page?.items ?? []).filter((pack) => [app.user.name, app.user.id].includes(pack.owner));
      return { items: mine, nextCursor: page?.nextCursor ?? null };
    },
    renderItem: (pack) =>
      h(
        "div",
        { class: "item" },
        h("a", { href: pathFor("pack", pack), "data-link": true }, `${pack.name} ${pack.version}`),
        h("span", { class: "meta" }, `${t(`packs.visibility.${pack.visibility}`)} · ${formatBytes(pack.size ?? 0, locale)}`),
      ),
  });

  main.append(
    h("div", { class: "dashboard-grid" },
      h("div", { class: "column" }, newGameForm(app), gameStatus.element, games.element, importGameForm(app, () => games.reload())),
      h("div", { class: "column" }, characters.element, uploadPackForm(app, () => packs.reload()), packs.element),
    ),
  );
}

function newGameForm(app) {
  const { t } = app;
  const name = field({ label: t("dashboard.gameName"), name: "game-name", hint: t("dashboard.gameNameHint"), attrs: { maxlength: 30 } });
  const status = statusBox();
  const form = h(
    "form",
    { class: "card" },
    h("h2", {}, t("dashboard.newGame")),
    name.wrapper,
    status.element,
    h("button", { type: "submit", class: "button-primary" }, t("dashboard.createGame")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.hide();
    try {
      const body = name.input.value.trim() ? { name: name.input.value.trim() } : {};
      const game = await app.api.post("/games", body);
      app.announce(t("dashboard.gameCreated", { name: game.name || game.slug }));
      app.navigate(game.url ?? pathFor("table", game));
    } catch (error) {
      status.show(describeError(error, t));
    }
  });
  return form;
}

function uploadPackForm(app, onUploaded) {
  const { t } = app;
  const file = field({ label: t("packs.file"), name: "pack-file", type: "file", required: true, attrs: { accept: ".szp,application/zip" } });
  const visibilityName = "pack-visibility";
  const visibility = h(
    "fieldset",
    { class: "radio-group" },
    h("legend", {}, t("packs.visibilityLabel")),
    ["private", "public"].map((value) =>
      h("label", {}, h("input", { type: "radio", name: visibilityName, value, checked: value === "private" }), ` ${t(`packs.visibility.${value}`)}`),
    ),
  );
  const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": t("packs.progress") });
  const status = statusBox();
  const report = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "button-primary" }, t("packs.upload"));
  const form = h("form", { class: "card" }, h("h2", {}, t("packs.uploadTitle")), file.wrapper, visibility, progress, status.element, report, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.hide();
    report.replaceChildren();
    file.showError(null);
    const chosen = file.input.files[0];
    if (!chosen) {
      file.showError(t("packs.fileRequired"));
      file.input.focus();
      return;
    }
    const chosenVisibility = form.querySelector(`input[name=${visibilityName}]:checked`).value;
    progress.hidden = false;
    progress.value = 0;
    submit.disabled = true;
    try {
      const pack = await uploadWithProgress(`/packs?visibility=${chosenVisibility}`, chosen, {
        contentType: "application/zip",
        onProgress: (fraction) => {
          progress.value = fraction;
        },
      });
      status.show(t("packs.uploaded", { name: pack.name, version: pack.version }), "success");
      form.reset();
      onUploaded();
    } catch (error) {
      // A validation report says what is wrong in our words; the server's one-line summary would only repeat it.
      if (error.problem?.report) report.append(validationReport(app, error.problem.report));
      else status.show(describeError(error, t));
    } finally {
      progress.hidden = true;
      submit.disabled = false;
    }
  });
  return form;
}
