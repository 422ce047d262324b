// Pieces several pages share: paged lists with empty states, and the validation report of a pack.
import { describeError } from "./api.js";
import { clear, h } from "./dom.js";
import { plainProblem } from "./problem-words.js";

/**
 * A section with a heading and a list loaded page by page from a `{items, nextCursor}` endpoint.
 * Returns `{element, reload}`.
 */
export function pagedList(app, { title, headingLevel = "h2", load, renderItem, emptyText, actions }) {
  const { t } = app;
  const list = h("ul", { class: "item-list" });
  const note = h("p", { class: "empty-state", hidden: true });
  const more = h("button", { type: "button", class: "button-quiet", hidden: true }, t("list.more"));
  const headingID = `list-${Math.random().toString(36).slice(2, 8)}`;
  const section = h(
    "section",
    { class: "card list-card", "aria-labelledby": headingID },
    h("div", { class: "card-head" }, h(headingLevel, { id: headingID }, title), actions ?? null),
    list,
    note,
    more,
  );
  let cursor = null;
  async function loadPage(reset) {
    if (reset) {
      cursor = null;
      clear(list);
    }
    more.hidden = true;
    list.setAttribute("aria-busy", "true");
    try {
      const answer = await load(cursor);
      // Paged endpoints answer {items, nextCursor}; a plain array is one whole page.
      const page = Array.isArray(answer) ? { items: answer, nextCursor: null } : answer;
      const items = page?.items ?? [];
      for (const item of items) list.append(h("li", {}, renderItem(item)));
      cursor = page?.nextCursor ?? null;
      more.hidden = !cursor;
      note.hidden = list.children.length > 0;
      note.textContent = emptyText;
    } catch (error) {
      note.hidden = false;
      note.textContent = error.status === 404 ? t("list.unavailable") : describeError(error, t);
    } finally {
      list.removeAttribute("aria-busy");
    }
  }
  more.addEventListener("click", () => loadPage(false));
  loadPage(true);
  return { element: section, reload: () => loadPage(true) };
}

/** The validation report of a pack in plain words: a summary, then each problem with where it is. */
export function validationReport(app, report) {
  const { t } = app;
  const problems = report?.problems ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  return h(
    "div",
    { class: "report" },
    h("p", {}, report?.valid ? t("packs.reportValid") : t("packs.reportInvalid", { count: errors }),
      warnings ? ` ${t("packs.reportWarnings", { count: warnings })}` : ""),
    problems.length
      ? h(
          "ul",
          {},
          problems.map((problem) => {
            const { text, where } = plainProblem(problem, t);
            return h(
              "li",
              { class: `problem ${problem.severity}` },
              h("strong", {}, t(problem.severity === "error" ? "packs.severityError" : "packs.severityWarning")),
              " ",
              text,
              where ? h("span", { class: "where" }, ` (${where})`) : null,
            );
          }),
        )
      : null,
  );
}
