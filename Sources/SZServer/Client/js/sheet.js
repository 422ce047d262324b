// A character sheet drawn from its template: sections, groups and typed fields. Editable for the owner,
// read-only for everyone else. List fields pick entries of their linked dataset with a search.
import { clear, h, uniqueID } from "./dom.js";
import { mediaURL } from "./pack-media.js";

/** The value a field shows: the character's, else the template's default, else an empty value of its type. */
export function fieldValue(field, values) {
  if (values[field.id] !== undefined) return values[field.id];
  if (field.defaultValue !== undefined) return field.defaultValue;
  return { Number: 0, Boolean: false, List: [] }[field.type] ?? "";
}

/**
 * @param {object} options
 * @param {object} options.template the character template JSON
 * @param {object} options.values field values by field id
 * @param {boolean} options.editable
 * @param {(fieldID: string, value: unknown) => void} [options.onChange]
 * @param {(fieldID: string, query: string) => Promise<object[]>} [options.searchOptions] entries for a List field
 * @param {Set<string>} [options.gmOnly] ids of fields to mark with a "GM only" badge (a game's session sheet)
 */
export function renderSheet(app, { template, values, editable, onChange, searchOptions, gmOnly }) {
  const errors = new Map();
  const sheet = h("div", { class: "sheet" },
    (template.sections ?? []).map((section) => h("section", { class: "sheet-section card", "aria-labelledby": `section-${section.id}` },
      h("h2", { id: `section-${section.id}` }, section.name),
      (section.groups ?? []).map((group) => h("fieldset", { class: "sheet-group" },
        h("legend", {}, group.name),
        (group.fields ?? []).map((f) => {
          const row = editable ? editableField(app, f, fieldValue(f, values), onChange, searchOptions) : readOnlyField(app, f, fieldValue(f, values));
          if (gmOnly?.has(f.id)) markGMOnly(app, row.element);
          errors.set(f.id, row.showError ?? (() => {}));
          return row.element;
        }))))));
  return Object.assign(sheet, { showFieldError: (id, message) => errors.get(id)?.(message) });
}

/** A badge in the field's label, so that screen readers say "GM only" with the field's name. */
function markGMOnly(app, element) {
  element.classList.add("gm-only");
  element.querySelector("label, legend, .sheet-label")?.append(" ", h("span", { class: "badge badge-gm" }, app.t("sheet.gmOnly")));
}

function readOnlyField(app, f, value) {
  const shown = f.type === "Boolean" ? app.t(value ? "sheet.yes" : "sheet.no")
    : f.type === "List" ? (value.length ? value.join(", ") : app.t("sheet.emptyList"))
      : f.type === "Number" ? new Intl.NumberFormat(app.i18n.locale).format(value) : String(value || "—");
  return { element: h("div", { class: `sheet-field read-only type-${f.type}` }, h("span", { class: "sheet-label" }, f.name), h("span", { class: "sheet-value" }, shown)) };
}

function editableField(app, f, value, onChange, searchOptions) {
  const id = uniqueID(`field-${f.id}`);
  const errorID = `${id}-error`;
  const error = h("p", { class: "field-error", id: errorID, hidden: true });
  const showError = (message) => {
    error.textContent = message ?? "";
    error.hidden = !message;
  };
  if (f.type === "List") {
    return { element: listField(app, f, value, onChange, searchOptions, error), showError };
  }
  let input;
  if (f.type === "MultiText") {
    input = h("textarea", { id, rows: 4 }, value);
    input.addEventListener("change", () => onChange?.(f.id, input.value));
  } else if (f.type === "Boolean") {
    input = h("input", { id, type: "checkbox", checked: Boolean(value) });
    input.addEventListener("change", () => onChange?.(f.id, input.checked));
  } else {
    input = h("input", { id, type: f.type === "Number" ? "number" : "text", value: String(value), step: f.type === "Number" ? "any" : null });
    input.addEventListener("change", () => onChange?.(f.id, f.type === "Number" ? Number(input.value) : input.value));
  }
  input.setAttribute("aria-describedby", errorID);
  return { element: h("div", { class: `sheet-field type-${f.type}` }, h("label", { for: id }, f.name), input, error), showError };
}

function listField(app, f, initial, onChange, searchOptions, error) {
  const { t } = app;
  let items = [...initial];
  // Lists hold entry ids; the names come from the linked dataset once its entries have loaded.
  const names = new Map();
  const nameOf = (id) => names.get(id) ?? id;
  const chosen = h("ul", { class: "chips", "aria-label": f.name });
  const searchID = uniqueID(`search-${f.id}`);
  const search = h("input", { id: searchID, type: "search", autocomplete: "off" });
  const results = h("ul", { class: "picker-results", "aria-live": "polite" });
  function drawChosen() {
    clear(chosen, items.length ? items.map((item) => h("li", { class: "chip" }, nameOf(item),
      h("button", { type: "button", class: "chip-remove", "aria-label": t("sheet.remove", { name: nameOf(item) }), onclick: () => {
        items = items.filter((other) => other !== item);
        onChange?.(f.id, items);
        drawChosen();
        search.focus();
      } }, "×"))) : h("li", { class: "empty-state" }, t("sheet.emptyList")));
  }
  let searchTimer = null;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const entries = (await searchOptions?.(f.id, search.value.trim()).catch(() => [])) ?? [];
      for (const entry of entries) names.set(entry.id, entry.name);
      clear(results, entries.filter((entry) => !items.includes(entry.id)).map((entry) => h("li", {}, h("button", { type: "button", class: "entry-button", onclick: (event) => {
        if (!items.includes(entry.id)) items = [...items, entry.id];
        // The entry is chosen now: it leaves the results, and the focus goes back to the search.
        event.currentTarget.closest("li").remove();
        search.focus();
        onChange?.(f.id, items);
        drawChosen();
        app.announce(t("sheet.added", { name: entry.name }));
      } }, entry.icon && f.datasetLink ? h("img", { src: mediaURL({ packId: f.datasetLink.datapackId, version: f.datasetLink.version }, entry.icon), alt: "", width: 24, height: 24, class: "icon" }) : null,
      t("sheet.add", { name: entry.name })))));
    }, 200);
  });
  drawChosen();
  if (items.length && searchOptions) {
    searchOptions(f.id, "").then((entries) => {
      for (const entry of entries) names.set(entry.id, entry.name);
      drawChosen();
    }).catch(() => {});
  }
  return h("fieldset", { class: "sheet-field type-List" }, h("legend", {}, f.name), chosen,
    h("label", { for: searchID }, t("sheet.searchList", { name: f.name })), search, results, error);
}
