// The dice tray: one button per die, a formula box, private rolls, and a character whose Number fields the
// formula may name as `@field` (put in here, before sending: the server rolls formulas of numbers only).
import { clear, h, uniqueID } from "../dom.js";
import { formulaForDie, trayDice } from "../dice.js";
import { hasFieldReference, numberFields, substituteFields } from "../formula-fields.js";

export function dicePanel(app, { send, showProblem, storageKey }) {
  const { t } = app;
  let fields = new Map();
  const formulaID = uniqueID("formula");
  const privateID = uniqueID("private");
  const characterID = uniqueID("roll-character");
  const formula = h("input", { id: formulaID, autocomplete: "off", maxlength: 200, placeholder: "2d6+1", spellcheck: "false" });
  const secret = h("input", { id: privateID, type: "checkbox" });
  const character = h("select", { id: characterID }, h("option", { value: "" }, t("dice.noCharacter")));
  const fieldList = h("ul", { class: "field-list" });
  const fieldHelp = h("details", { class: "field-help", hidden: true }, h("summary", {}, t("dice.fieldsSummary")), fieldList);

  function roll(text) {
    let sent = text;
    if (hasFieldReference(text)) {
      if (!character.value) return showProblem(t("dice.needCharacter"));
      const result = substituteFields(text, fields);
      if (result.missing.length) return showProblem(t("dice.unknownField", { names: result.missing.map((n) => `@${n}`).join(", ") }));
      sent = result.formula;
    }
    return send({ type: "dice.roll", formula: sent, private: secret.checked }).catch(() => {});
  }

  async function chooseCharacter(id) {
    fields = new Map();
    fieldHelp.hidden = true;
    if (id) localStorage.setItem(storageKey, id);
    else localStorage.removeItem(storageKey);
    if (!id) return;
    try {
      const chosen = await app.api.get(`/characters/${encodeURIComponent(id)}`);
      const template = await app.api.get(`/packs/${encodeURIComponent(chosen.packId)}/${encodeURIComponent(chosen.version)}/character-templates/${encodeURIComponent(chosen.templateId)}`);
      fields = numberFields(template, chosen.fields ?? {});
      const unique = [...new Set(fields.values())];
      clear(fieldList, unique.map((f) => h("li", {}, h("code", {}, `@${f.id}`), ` ${f.name} = ${f.value}`)));
      fieldHelp.hidden = unique.length === 0;
      app.announce(t("dice.characterChosen", { name: chosen.name, count: unique.length }));
    } catch {
      showProblem(t("dice.characterUnavailable"));
    }
  }

  async function loadCharacters() {
    if (!app.user) return;
    try {
      const page = await app.api.get("/characters", { query: { limit: 200 } });
      for (const item of page?.items ?? []) character.append(h("option", { value: item.id }, item.name));
      const remembered = localStorage.getItem(storageKey);
      if (remembered && [...character.options].some((o) => o.value === remembered)) {
        character.value = remembered;
        await chooseCharacter(remembered);
      }
    } catch {
      // Without the list the tray still rolls plain formulas.
    }
  }
  character.addEventListener("change", () => chooseCharacter(character.value));

  const form = h("form", { class: "formula-form" },
    h("label", { for: formulaID }, t("table.formula")), formula,
    h("p", { class: "hint" }, t("dice.formulaHint")),
    h("div", { class: "check" }, secret, h("label", { for: privateID }, t("table.private"))),
    h("button", { type: "submit", class: "button-primary" }, t("table.roll")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (formula.value.trim()) roll(formula.value.trim());
  });
  const characterBox = app.user
    ? h("div", { class: "field" }, h("label", { for: characterID }, t("dice.character")), character, fieldHelp)
    : h("p", { class: "hint" }, t("dice.loginForFields"));
  loadCharacters();
  return h("section", { class: "panel", "aria-labelledby": "dice-heading" }, h("h2", { id: "dice-heading" }, t("table.dice")),
    h("div", { class: "dice-buttons" }, trayDice.map((sides) => h("button", {
      type: "button", class: "die", "aria-label": t("table.rollDie", { sides }), onclick: () => roll(formulaForDie(sides)),
    }, `d${sides}`))),
    form, characterBox);
}
