// The game's session sheet, pure parts: which fields only the GMs see. The server never sends GM-only fields to
// anyone else; this only marks them for GMs.

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
