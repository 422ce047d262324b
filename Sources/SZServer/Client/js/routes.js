// The client's pages by URL. Pure: `matchRoute` maps a path to a page name and its parameters.

export const routes = [
  { pattern: "/", page: "dashboard" },
  { pattern: "/login", page: "login" },
  { pattern: "/signup", page: "signup" },
  { pattern: "/library", page: "library" },
  { pattern: "/library/:packId/:version", page: "pack" },
  { pattern: "/library/:packId/:version/datasets/:datasetId", page: "dataset" },
  { pattern: "/library/:packId/:version/templates/:templateId", page: "template" },
  { pattern: "/characters/:id", page: "character" },
  { pattern: "/join/:gm/:slug", page: "join" },
  { pattern: "/game/:gm/:slug", page: "table" },
];

/** `{page, params}` for a path, or `{page: "notFound"}`. Parameters are percent-decoded. */
export function matchRoute(path) {
  const parts = splitPath(path);
  for (const route of routes) {
    const pattern = splitPath(route.pattern);
    if (pattern.length !== parts.length) continue;
    const params = {};
    const matched = pattern.every((segment, index) => {
      if (segment.startsWith(":")) {
        try {
          params[segment.slice(1)] = decodeURIComponent(parts[index]);
        } catch {
          return false;
        }
        return true;
      }
      return segment === parts[index];
    });
    if (matched) return { page: route.page, params };
  }
  return { page: "notFound", params: {} };
}

/** The path of a page: `pathFor("table", {gm: "ann", slug: "x y"})` → "/game/ann/x%20y". */
export function pathFor(page, params = {}) {
  const route = routes.find((r) => r.page === page);
  if (!route) throw new Error(`no route for page ${page}`);
  return route.pattern.replace(/:(\w+)/g, (_, name) => {
    if (params[name] === undefined) throw new Error(`route ${page} needs ${name}`);
    return encodeURIComponent(params[name]);
  });
}

function splitPath(path) {
  return path.split("?")[0].split("/").filter((segment) => segment.length > 0);
}
