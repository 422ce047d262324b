// The library: packs, a pack's datasets and templates, a dataset's entries with search and details.
import { describeError } from "../api.js";
import { appendTo, clear, field, h, statusBox } from "../dom.js";
import { formatDate } from "../format.js";
import { startFromTemplate } from "../game-files.js";
import { mediaURL } from "../pack-media.js";
import { pathFor } from "../routes.js";
import { renderSheet } from "../sheet.js";
import { pagedList } from "../widgets.js";

const packPath = (p) => `/packs/${encodeURIComponent(p.packId)}/${encodeURIComponent(p.version)}`;

export async function render(app, main, { page, params, query }) {
  if (page === "library") return renderLibrary(app, main);
  if (page === "pack") return renderPack(app, main, params);
  if (page === "dataset") return renderDataset(app, main, params, query.get("q") ?? "");
  return renderTemplate(app, main, params);
}

function searchForm(app, label, onSearch, value = "") {
  const search = field({ label, name: "q", type: "search", value });
  const form = h("form", { class: "search-form", role: "search" }, search.wrapper,
    h("button", { type: "submit", class: "button-primary" }, app.t("library.search")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSearch(search.input.value.trim());
  });
  return form;
}

function renderLibrary(app, main) {
  const { t } = app;
  let query = "";
  const packNames = new Map();
  const packs = pagedList(app, {
    title: t("library.packs"),
    emptyText: t("library.noPacks"),
    load: async (cursor) => {
      const page = await app.api.get("/packs", { query: { q: query, cursor } });
      for (const pack of page?.items ?? []) packNames.set(pack.packId, pack.name);
      return page;
    },
    renderItem: (pack) => h("div", { class: "item" },
      h("a", { href: pathFor("pack", pack), "data-link": true }, `${pack.name} ${pack.version}`),
      h("span", { class: "meta" }, [pack.author, pack.packType].filter(Boolean).join(" · ")),
      pack.description ? h("p", { class: "description" }, pack.description) : null),
  });
  // Entries of every dataset the viewer may see, searched only once asked (an empty search would list them all).
  let entryQuery = "";
  let entries = null;
  const entrySlot = h("div");
  const entrySearch = searchForm(app, t("library.searchAllEntries"), (q) => {
    entryQuery = q;
    if (!q) {
      clear(entrySlot);
      entries = null;
      return;
    }
    if (entries) return entries.reload();
    entries = pagedList(app, {
      title: t("library.entryResults"),
      emptyText: t("library.noEntries"),
      load: (cursor) => app.api.get("/entries", { query: { q: entryQuery, cursor } }),
      renderItem: (hit) => h("div", { class: "item" },
        hit.entry.icon ? h("img", { src: mediaURL(hit, hit.entry.icon), alt: "", width: 24, height: 24, class: "icon" }) : null,
        h("a", { href: `${pathFor("dataset", hit)}?q=${encodeURIComponent(hit.entry.name)}`, "data-link": true }, hit.entry.name),
        h("span", { class: "meta" }, `${hit.datasetId} · ${packNames.get(hit.packId) ?? hit.packId} ${hit.version}`)),
    });
    entrySlot.append(entries.element);
  });
  appendTo(main, h("h1", {}, t("library.title")), searchForm(app, t("library.searchPacks"), (q) => {
    query = q;
    packs.reload();
  }), packs.element, entrySearch, entrySlot);
}

async function loadOrExplain(app, main, load) {
  try {
    return await load();
  } catch (error) {
    const status = statusBox();
    status.show(describeError(error, app.t));
    appendTo(main, h("h1", {}, app.t("library.title")), status.element);
    return null;
  }
}

async function renderPack(app, main, params) {
  const { t } = app;
  const pack = await loadOrExplain(app, main, () => app.api.get(packPath(params)));
  if (!pack) return;
  const startStatus = statusBox();
  const linkList = (title, items, page, key) => h("section", { class: "card" }, h("h2", {}, title),
    items.length ? h("ul", { class: "item-list" }, items.map((item) => h("li", {}, h("div", { class: "item" },
      item.icon ? h("img", { src: mediaURL(pack, item.icon), alt: "", width: 24, height: 24, class: "icon" }) : null,
      h("a", { href: pathFor(page, { ...params, [key]: item.id }), "data-link": true }, item.name),
      item.entryCount !== undefined ? h("span", { class: "meta" }, t("library.entries", { count: item.entryCount })) : null))))
      : h("p", { class: "empty-state" }, t("library.none")));
  appendTo(main,
    h("h1", {}, `${pack.name} ${pack.version}`),
    h("dl", { class: "facts card" },
      [["library.author", pack.author], ["library.license", pack.license], ["library.owner", pack.owner],
        ["library.uploaded", pack.uploadedAt && formatDate(pack.uploadedAt, app.i18n.locale)]]
        .filter(([, value]) => value).map(([key, value]) => [h("dt", {}, t(key)), h("dd", {}, value)])),
    pack.description ? h("p", {}, pack.description) : null,
    linkList(t("library.datasets"), pack.datasets ?? [], "dataset", "datasetId"),
    linkList(t("library.characterTemplates"), pack.characterTemplates ?? [], "template", "templateId"),
    h("section", { class: "card" }, h("h2", {}, t("library.sessionTemplates")), startStatus.element,
      (pack.sessionTemplates ?? []).length
        ? h("ul", { class: "item-list" }, pack.sessionTemplates.map((item) => h("li", {}, h("div", { class: "item" },
          h("span", {}, item.name), app.user ? startFromTemplate(app, pack, item, (message) => startStatus.show(message)) : null))))
        : h("p", { class: "empty-state" }, t("library.none"))),
    h("section", { class: "card" }, h("h2", {}, t("library.dependencies")),
      (pack.dependencies ?? []).length
        ? h("ul", {}, pack.dependencies.map((d) => h("li", {}, `${d.name ?? d.id} ${d.range ?? d.version ?? ""}`)))
        : h("p", { class: "empty-state" }, t("library.none"))),
  );
}

async function renderDataset(app, main, params, initialQuery) {
  const { t } = app;
  const pack = await loadOrExplain(app, main, () => app.api.get(packPath(params)));
  if (!pack) return;
  const dataset = (pack.datasets ?? []).find((d) => d.id === params.datasetId) ?? { id: params.datasetId, name: params.datasetId };
  let query = initialQuery;
  const details = h("section", { class: "card entry-details", "aria-live": "polite", hidden: true });
  const entries = pagedList(app, {
    title: t("library.entriesTitle"),
    emptyText: t("library.noEntries"),
    load: (cursor) => app.api.get(`${packPath(params)}/datasets/${encodeURIComponent(params.datasetId)}/entries`, { query: { q: query, cursor } }),
    renderItem: (entry) => h("button", { type: "button", class: "entry-button", onclick: () => showEntry(entry) },
      entry.icon ? h("img", { src: mediaURL(params, entry.icon), alt: "", width: 24, height: 24, class: "icon" }) : null,
      h("span", {}, entry.name)),
  });
  function showEntry(entry) {
    const shown = (f) => (f.type === "Boolean" ? t(f.value ? "sheet.yes" : "sheet.no")
      : f.type === "Number" ? new Intl.NumberFormat(app.i18n.locale).format(f.value)
        : Array.isArray(f.value) ? f.value.join(", ") : String(f.value));
    const fieldRows = (fields) => Object.entries(fields ?? {}).map(([id, f]) => [h("dt", {}, id), h("dd", {}, shown(f))]);
    clear(details,
      h("h2", { tabindex: "-1" }, entry.name),
      entry.icon ? h("img", { src: mediaURL(params, entry.icon), alt: "", width: 64, height: 64, class: "icon-large" }) : null,
      entry.description ? h("p", {}, entry.description) : null,
      h("dl", { class: "facts" }, fieldRows(entry.topLevelFields)),
      (entry.groups ?? []).map((group) => [h("h3", {}, group.name), h("dl", { class: "facts" }, fieldRows(group.fields))]));
    details.hidden = false;
    details.querySelector("h2").focus();
  }
  appendTo(main,
    h("p", { class: "breadcrumb" }, h("a", { href: pathFor("pack", params), "data-link": true }, `${pack.name} ${pack.version}`)),
    h("h1", { class: "with-icon" }, dataset.icon ? h("img", { src: mediaURL(pack, dataset.icon), alt: "", width: 32, height: 32, class: "icon" }) : null, dataset.name),
    searchForm(app, t("library.searchEntries"), (q) => { query = q; entries.reload(); }, initialQuery),
    h("div", { class: "split" }, entries.element, details));
}

async function renderTemplate(app, main, params) {
  const { t } = app;
  const template = await loadOrExplain(app, main, () =>
    app.api.get(`${packPath(params)}/character-templates/${encodeURIComponent(params.templateId)}`));
  if (!template) return;
  const packName = await app.api.get(packPath(params)).then((pack) => `${pack.name} ${pack.version}`, () => `${params.packId} ${params.version}`);
  const name = field({ label: t("characters.name"), name: "character-name", required: true });
  const status = statusBox();
  const form = h("form", { class: "card" }, h("h2", {}, t("characters.create")), name.wrapper, status.element,
    h("button", { type: "submit", class: "button-primary" }, t("characters.createButton")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!name.input.value.trim()) {
      name.showError(t("characters.nameRequired"));
      name.input.focus();
      return;
    }
    try {
      const character = await app.api.post("/characters", { packId: params.packId, version: params.version, templateId: params.templateId, name: name.input.value.trim() });
      app.navigate(pathFor("character", character));
    } catch (error) {
      status.show(describeError(error, t));
    }
  });
  appendTo(main, h("p", { class: "breadcrumb" }, h("a", { href: pathFor("pack", params), "data-link": true }, packName)),
    h("h1", {}, template.name), template.description ? h("p", {}, template.description) : null, form,
    renderSheet(app, { template, values: {}, editable: false }));
}
