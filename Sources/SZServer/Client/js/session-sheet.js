// The game's session sheet, pure parts: which fields only the GMs see, and which field a problem of the
// server is about. The server never sends GM-only fields to anyone else; this only marks them for GMs.

/**
 * The ids of the fields a session template shows to its GMs only: marked `"visibility": "gm"` themselves, or
 * inside a section or group so marked.
 * @param {object} template session template JSON
 * @returns {Set<string>}
 */
export function gmOnlyFieldIDs(template) {
  const ids = new Set();
  for (const section of template?.sections ?? []) {
    for (const group of section.groups ?? []) {
      const enclosed = section.visibility === "gm" || group.visibility === "gm";
      for (const field of group.fields ?? []) {
        if (enclosed || field.visibility === "gm") ids.add(field.id);
      }
    }
  }
  return ids;
}

/**
 * The field a problem's JSON pointer into the sheet's state names: `/fields/notes` and `/fields/loot/2` are
 * about `notes` and `loot`; other pointers name no field. `~1` and `~0` are unescaped (RFC 6901).
 * @param {string} pointer
 * @returns {string | null}
 */
export function fieldOfPointer(pointer) {
  const [empty, fields, token] = String(pointer ?? "").split("/");
  if (empty !== "" || fields !== "fields" || !token) return null;
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Field complaints (`{pointer: message}`, as `ApiError.fieldErrors` gives them) by field id; complaints about no
 * field are returned apart, to be shown with the sheet.
 * @param {Record<string, string>} fieldErrors
 */
export function errorsByField(fieldErrors) {
  const byField = new Map();
  const general = [];
  for (const [pointer, message] of Object.entries(fieldErrors ?? {})) {
    const field = fieldOfPointer(pointer);
    if (field && !byField.has(field)) byField.set(field, message);
    else if (!field) general.push(message);
  }
  return { byField, general };
}
