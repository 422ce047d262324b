// `@field` references in dice formulas, resolved in the browser: the server's `dice.roll` takes a formula only
// (docs/protocol.md), so the numbers of the character chosen for the table are put in before the formula is sent.
import { fieldValue } from "./sheet.js";

/** The Number fields of a character by field id and by field name (both case-insensitive). */
export function numberFields(template, values) {
  const fields = new Map();
  for (const section of template?.sections ?? []) {
    for (const group of section.groups ?? []) {
      for (const f of group.fields ?? []) {
        if (f.type !== "Number") continue;
        const value = Number(fieldValue(f, values ?? {}));
        if (!Number.isFinite(value)) continue;
        const entry = { id: f.id, name: f.name, value };
        fields.set(f.id.toLowerCase(), entry);
        if (!fields.has(f.name.toLowerCase())) fields.set(f.name.toLowerCase(), entry);
      }
    }
  }
  return fields;
}

// `@{any name}`, or `@name` with dotted parts, as SZDice reads them (docs/dice.md).
const reference = /@\{([^}]*)\}|@([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;

/**
 * The formula with each known `@field` replaced by its number (negative ones in parentheses), and the names that
 * matched no field. Labels after `#` are left alone: they are words, not references.
 */
export function substituteFields(formula, fields) {
  const hash = formula.indexOf("#");
  const [body, label] = hash === -1 ? [formula, ""] : [formula.slice(0, hash), formula.slice(hash)];
  const missing = [];
  const replaced = body.replace(reference, (whole, braced, bare) => {
    const name = (braced ?? bare).trim();
    const field = fields.get(name.toLowerCase());
    if (!field) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return field.value < 0 ? `(${field.value})` : String(field.value);
  });
  return { formula: replaced + label, missing };
}

/** Whether a formula names any field at all (so a roll without a character can say what is missing). */
export function hasFieldReference(formula) {
  const hash = formula.indexOf("#");
  return new RegExp(reference.source).test(hash === -1 ? formula : formula.slice(0, hash));
}
