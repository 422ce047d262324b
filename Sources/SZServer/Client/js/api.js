// The HTTP API: JSON in and out, RFC 9457 problem documents turned into errors with a plain message,
// and the CSRF token of the session (the `sz_csrf` cookie) echoed on writes.

export const apiBase = "/api/v1";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.slug = (problem?.type ?? "").replace("urn:sessionzero:problem:", "");
  }

  /** Field complaints by JSON pointer: `{"/name": "is required"}`. */
  get fieldErrors() {
    const result = {};
    for (const item of this.problem.errors ?? this.problem.problems ?? []) {
      if (item.pointer) result[item.pointer] = item.detail ?? item.message;
    }
    return result;
  }
}

export function readCookie(cookieString, name) {
  for (const part of cookieString.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return "";
}

/** A client bound to a fetch function and a cookie source (injected so node tests can drive it). */
export function createApi({ fetchImpl = globalThis.fetch.bind(globalThis), cookies = () => document.cookie } = {}) {
  async function request(method, path, { json, body, headers = {}, query, signal } = {}) {
    const url = new URL(apiBase + path, "http://placeholder");
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
    }
    const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin", signal };
    if (json !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(json);
    } else if (body !== undefined) {
      init.body = body;
    }
    if (!["GET", "HEAD"].includes(method)) {
      const csrf = readCookie(cookies(), "sz_csrf");
      if (csrf) init.headers["X-CSRF-Token"] = csrf;
    }
    let response;
    try {
      response = await fetchImpl(url.pathname + url.search, init);
    } catch (error) {
      if (error?.name === "AbortError") throw error;
      throw new ApiError(0, { slug: "offline", title: "offline", detail: "" });
    }
    if (response.status === 204) return null;
    const type = response.headers.get("Content-Type") ?? "";
    const parsed = type.includes("json") ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, parsed);
    return parsed;
  }
  return {
    get: (path, options) => request("GET", path, options),
    post: (path, json, options) => request("POST", path, { ...options, json }),
    patch: (path, json, options) => request("PATCH", path, { ...options, json }),
    delete: (path, options) => request("DELETE", path, options),
    request,
  };
}

/** The message for an error in the user's words: offline and unknown failures get our text, the rest the server's. */
export function describeError(error, t) {
  if (!(error instanceof ApiError)) return t("error.unexpected");
  if (error.status === 0) return t("error.offline");
  if (error.status === 401 && error.slug === "not-authenticated") return t("error.notLoggedIn");
  if (error.status === 404 && !error.problem.detail) return t("error.notFound");
  if (error.status >= 500) return t("error.server");
  // Common problems have words in the user's language; the rest keep the server's (English) detail.
  const key = `problem.${error.slug}`;
  const translated = t(key, { detail: error.message });
  return translated === key ? error.message : translated;
}

/** Uploads bytes with progress (fetch has no upload progress yet), resolving to the parsed JSON answer. */
export function uploadWithProgress(path, file, { contentType, onProgress, headers = {}, cookies = () => document.cookie }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiBase + path);
    xhr.setRequestHeader("Content-Type", contentType || file.type || "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    const csrf = readCookie(cookies(), "sz_csrf");
    if (csrf) xhr.setRequestHeader("X-CSRF-Token", csrf);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      let parsed = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      else reject(new ApiError(xhr.status, parsed));
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, null)));
    xhr.send(file);
  });
}
