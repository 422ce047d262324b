// A character: its sheet from its template; the owner edits, everyone else reads.
import { ApiError, describeError } from "../api.js";
import { h, statusBox } from "../dom.js";
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
    main.append(h("h1", {}, t("characters.title")), status.element);
    return;
  }
  const editable = [app.user?.id, app.user?.name].includes(character.owner);
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
      (await app.api.get(`/characters/${encodeURIComponent(character.id)}/fields/${encodeURIComponent(fieldID)}/options`, { query: { q } }))?.items ?? [],
  });
  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      character = await app.api.patch(`/characters/${encodeURIComponent(character.id)}`, { fields: changes });
      for (const key of Object.keys(changes)) delete changes[key];
      status.show(t("characters.saved"), "success");
    } catch (error) {
      const problems = error instanceof ApiError ? error.problem.problems ?? [] : [];
      for (const problem of problems) sheet.showFieldError(problem.pointer.split("/").pop(), problem.message);
      status.show(describeError(error, t));
      save.disabled = false;
    }
  });
  main.append(
    h("h1", {}, character.name),
    h("p", { class: "meta" }, `${template.name} · ${character.packId} ${character.version}`, editable ? "" : ` · ${t("characters.readOnly")}`),
    sheet,
    editable ? h("div", { class: "sticky-actions" }, status.element, save) : null,
  );
}
