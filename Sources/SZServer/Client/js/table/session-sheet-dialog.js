// The game's session sheet at the table, drawn by the character sheet's renderer: GMs edit and save it, and see
// which fields are theirs alone; players and spectators read what the server shows them (never a GM-only field).
// The sheet is fetched when the dialog opens, and again when the table says it changed (`session.changed`).
import { describeError } from "../api.js";
import { clear, h, statusBox, uniqueID } from "../dom.js";
import { gmOnlyFieldIDs } from "../session-sheet.js";
import { errorsByField } from "../sheet-errors.js";
import { renderSheet } from "../sheet.js";

/**
 * @param {object} app
 * @param {object} options
 * @param {string} options.gamePath `/games/{gm}/{slug}`
 * @param {string} options.credential the seat's credential
 * @param {() => boolean} options.isGM whether this viewer is one of the game's GMs
 */
export function sessionSheetDialog(app, { gamePath, credential, isGM }) {
  const { t } = app;
  const headers = { "X-Game-Credential": credential };
  const headingID = uniqueID("session-sheet-heading");
  const status = statusBox();
  const body = h("div", { class: "session-sheet-body" });
  const save = h("button", { type: "button", class: "button-primary", disabled: true, onclick: () => submit() }, t("sessionSheet.save"));
  const close = h("button", { type: "button", onclick: () => dialog.close() }, t("sessionSheet.close"));
  const dialog = h("dialog", { class: "session-sheet-dialog", "aria-labelledby": headingID },
    h("h2", { id: headingID }, t("sessionSheet.heading")),
    body,
    status.element,
    h("div", { class: "dialog-actions" }, close, save));
  const button = h("button", { type: "button", class: "session-sheet-button", "aria-haspopup": "dialog", onclick: () => open() }, t("sessionSheet.open"));
  let changes = {};
  let sheet = null;

  function open() {
    status.hide();
    clear(body, h("p", { class: "hint" }, t("sessionSheet.loading")));
    save.hidden = !isGM();
    dialog.showModal();
    load();
  }

  /** The sheet changed: an open dialog shows the new one, unless this GM has changes not yet saved. */
  function changed() {
    if (dialog.open && !Object.keys(changes).length) load();
  }

  async function load() {
    try {
      show(await app.api.get(`${gamePath}/session`, { headers }));
    } catch (error) {
      clear(body);
      status.show(describeError(error, t));
    }
  }

  function show(view) {
    const editable = isGM();
    changes = {};
    save.disabled = true;
    const template = view.template ?? { sections: [] };
    sheet = renderSheet(app, {
      template,
      values: view.state?.fields ?? {},
      editable,
      gmOnly: editable ? gmOnlyFieldIDs(template) : new Set(),
      onChange(fieldID, value) {
        changes[fieldID] = value;
        sheet.showFieldError(fieldID, null);
        save.disabled = false;
      },
      searchOptions: (fieldID, q) => entriesFor(template, fieldID, q),
    });
    const empty = !(template.sections ?? []).some((section) => (section.groups ?? []).some((group) => group.fields?.length));
    clear(body,
      h("p", { class: "hint" }, t(editable ? "sessionSheet.gmHint" : "sessionSheet.readOnly")),
      empty ? h("p", { class: "empty-state" }, t("sessionSheet.empty")) : sheet);
  }

  /** Entries of the dataset a List field links to, found by the words typed. */
  async function entriesFor(template, fieldID, q) {
    const field = (template.sections ?? []).flatMap((s) => s.groups ?? []).flatMap((g) => g.fields ?? []).find((f) => f.id === fieldID);
    const link = field?.datasetLink;
    if (!link) return [];
    const path = `/packs/${encodeURIComponent(link.datapackId)}/${encodeURIComponent(link.version)}/datasets/${encodeURIComponent(link.datasetId)}/entries`;
    return (await app.api.get(path, { query: { q, limit: 200 } }))?.items ?? [];
  }

  async function submit() {
    save.disabled = true;
    try {
      show(await app.api.patch(`${gamePath}/session`, { fields: changes }, { headers }));
      status.show(t("sessionSheet.saved"), "success");
    } catch (error) {
      const { byField, general } = errorsByField(error?.fieldErrors);
      for (const [fieldID, message] of byField) sheet?.showFieldError(fieldID, message);
      status.show(general.length ? general.join("; ") : describeError(error, t));
      save.disabled = false;
      dialog.querySelector(".field-error:not([hidden])")?.closest(".sheet-field")?.querySelector("input, textarea")?.focus();
    }
  }

  return { button, dialog, changed };
}
