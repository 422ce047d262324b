// Which field of a sheet (a character's or the game's session sheet) a problem of the server is about.

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
