// A character: its sheet from its template; the owner edits, everyone else reads.
import { describeError } from "../api.js";
import { appendTo, h, statusBox } from "../dom.js";
import { errorsByField } from "../sheet-errors.js";
import { renderSheet } from "../sheet.js";

export async function render(app, main, { params }) {
  const { t } = app;
  const status = statusBox();
  let character;
  let template;
  try {
    character = await app.api.get(`/characters/${encodeURIComponent(params.id)}`);
    template = await app.api.get(`/packs/${encodeURIComponent(character.packId)}/${encodeURIComponent(character.version)}/character-templates/${encodeURIComponent(character.templateId)}`);
  } catch (error) {
    status.show(describeError(error, t));
    appendTo(main, h("h1", {}, t("characters.title")), status.element);
    return;
  }
  // The server hands characters to their owner only (and may leave out `owner`); a named owner is compared
  // without regard to case, as account ids are UUIDs in either case.
  const me = [app.user?.id, app.user?.name].filter(Boolean).map((x) => String(x).toLowerCase());
  const editable = !character.owner || me.includes(String(character.owner).toLowerCase());
  const packName = await app.api.get(`/packs/${encodeURIComponent(character.packId)}/${encodeURIComponent(character.version)}`)
    .then((pack) => pack.name, () => character.packId);
  const changes = {};
  const save = h("button", { type: "button", class: "button-primary", disabled: true }, t("characters.save"));
  const sheet = renderSheet(app, {
    template,
    values: character.fields ?? {},
    editable,
    onChange(fieldID, value) {
      changes[fieldID] = value;
      save.disabled = false;
    },
    searchOptions: async (fieldID, q) =>
      (await app.api.get(`/characters/${encodeURIComponent(character.id)}/fields/${encodeURIComponent(fieldID)}/options`, { query: { q, limit: 200 } }))?.items ?? [],
  });
  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      character = await app.api.patch(`/characters/${encodeURIComponent(character.id)}`, { fields: changes });
      for (const key of Object.keys(changes)) delete changes[key];
      status.show(t("characters.saved"), "success");
    } catch (error) {
      const { byField } = errorsByField(error?.fieldErrors);
      for (const [field, message] of byField) sheet.showFieldError(field, message);
      status.show(describeError(error, t));
      save.disabled = false;
    }
  });
  appendTo(main,
    h("h1", {}, character.name),
    h("p", { class: "meta" }, `${template.name} · ${packName} ${character.version}`, editable ? "" : ` · ${t("characters.readOnly")}`),
    sheet,
    editable ? h("div", { class: "sticky-actions" }, status.element, save) : null,
  );
}
