// The app: loads the locale, finds who is logged in, routes by URL and draws the page.
import { createApi } from "./api.js";
import { h, clear } from "./dom.js";
import { createTranslator, pickLocale, supportedLocales } from "./i18n.js";
import { matchRoute } from "./routes.js";

const base = document.body.dataset.base;
const api = createApi();
const localeKey = "sz.locale";
const pages = {
  dashboard: () => import("./pages/dashboard.js"),
  login: () => import("./pages/auth.js"),
  signup: () => import("./pages/auth.js"),
  library: () => import("./pages/library.js"),
  pack: () => import("./pages/library.js"),
  dataset: () => import("./pages/library.js"),
  template: () => import("./pages/library.js"),
  character: () => import("./pages/character.js"),
  join: () => import("./pages/join.js"),
  table: () => import("./pages/table.js"),
  notFound: () => import("./pages/not-found.js"),
};
/** Pages a visitor without an account may see. */
const publicPages = new Set(["login", "signup", "join", "table", "notFound"]);

const app = {
  api,
  base,
  user: null,
  i18n: null,
  t: (key) => key,
  navigate,
  announce,
  setUser(user) {
    app.user = user;
    drawHeader();
  },
  async setLocale(locale) {
    localStorage.setItem(localeKey, locale);
    await loadLocale(locale);
    await render();
  },
};

let english = null;
let leavePage = null;

async function fetchMessages(locale) {
  const response = await fetch(`${base}/locales/${locale}.json`);
  return response.json();
}

async function loadLocale(locale) {
  english ??= await fetchMessages("en");
  const messages = locale === "en" ? english : await fetchMessages(locale);
  app.i18n = createTranslator(locale, messages, english);
  app.t = app.i18n.t;
  document.documentElement.lang = locale;
  document.documentElement.dir = app.i18n.dir;
  document.querySelector(".skip-link").textContent = app.t("nav.skip");
}

function announce(message) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A fresh text node after a tick makes screen readers repeat even an identical message.
  setTimeout(() => {
    region.textContent = message;
  }, 30);
}

function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  render({ focus: true });
}

function drawHeader() {
  const { t } = app;
  const link = (href, label) =>
    h("a", { href, "data-link": true, "aria-current": location.pathname === href ? "page" : null }, label);
  clear(
    document.getElementById("app-nav"),
    app.user ? [link("/", t("nav.dashboard")), link("/library", t("nav.library"))] : null,
  );
  const languageID = "language-select";
  const select = h(
    "select",
    { id: languageID, onchange: (event) => app.setLocale(event.target.value) },
    supportedLocales.map((locale) =>
      h("option", { value: locale, selected: locale === app.i18n.locale }, t(`language.${locale}`)),
    ),
  );
  clear(
    document.getElementById("app-tools"),
    h("label", { for: languageID, class: "visually-hidden" }, t("nav.language")),
    select,
    app.user
      ? [
          h("span", { class: "user-name" }, app.user.name),
          h("button", { type: "button", class: "button-quiet", onclick: logOut }, t("nav.logout")),
        ]
      : [link("/login", t("nav.login")), link("/signup", t("nav.signup"))],
  );
}

async function logOut() {
  try {
    await api.post("/auth/logout");
  } catch {
    // The session may have ended already; either way the page forgets it.
  }
  app.setUser(null);
  announce(app.t("auth.loggedOut"));
  navigate("/login");
}

async function loadUser() {
  try {
    app.user = (await api.get("/me"))?.user ?? null;
  } catch {
    app.user = null;
  }
}

async function render({ focus = false } = {}) {
  leavePage?.();
  leavePage = null;
  const { page, params } = matchRoute(location.pathname);
  if (!app.user && !publicPages.has(page)) {
    history.replaceState(null, "", `/login?next=${encodeURIComponent(location.pathname)}`);
    return render({ focus });
  }
  drawHeader();
  const main = document.getElementById("main");
  document.body.dataset.page = page;
  const module = await pages[page]();
  clear(main);
  const outcome = await module.render(app, main, { page, params, query: new URLSearchParams(location.search) });
  if (outcome?.redirect) {
    history.replaceState(null, "", outcome.redirect);
    return render({ focus });
  }
  leavePage = typeof outcome === "function" ? outcome : null;
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent} – SessionZero` : "SessionZero";
  if (focus) {
    (heading ?? main).setAttribute("tabindex", "-1");
    (heading ?? main).focus();
  }
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[data-link]");
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  navigate(anchor.getAttribute("href"));
});
window.addEventListener("popstate", () => render({ focus: true }));

await loadLocale(pickLocale(localStorage.getItem(localeKey), navigator.languages));
await loadUser();
await render();
