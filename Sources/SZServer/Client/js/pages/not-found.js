import { h } from "../dom.js";

export function render(app, main) {
  main.append(
    h("h1", {}, app.t("notFound.title")),
    h("p", {}, app.t("notFound.text")),
    h("p", {}, h("a", { href: "/", "data-link": true }, app.t("notFound.home"))),
  );
}
