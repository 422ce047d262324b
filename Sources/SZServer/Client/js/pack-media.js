// Where a pack's images are served: icons name paths under the pack's media/images folder.

/** The URL of `icon` in pack `packId` at `version`, each path segment escaped. */
export function mediaURL({ packId, version }, icon) {
  const path = icon.split("/").map(encodeURIComponent).join("/");
  return `/api/v1/packs/${encodeURIComponent(packId)}/${encodeURIComponent(version)}/media/images/${path}`;
}
