// Building the page without innerHTML: `h("p", {class: "note"}, "text", child)`.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      element.className = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name in element && typeof value !== "string") {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? "" : value);
    }
  }
  append(element, children);
  return element;
}

/** Appends children, leaving out null, undefined and false (Element.append would write them as text). */
export function appendTo(element, ...children) {
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/**
 * Redraws `container` with `rebuild()` and gives the focus back to the element with the same `data-focus-key`,
 * so a list redrawn by an event does not throw a keyboard user out of it.
 */
export function redrawKeepingFocus(container, rebuild) {
  const focused = container.contains(document.activeElement) ? document.activeElement.dataset?.focusKey : undefined;
  rebuild();
  if (focused === undefined) return;
  const again = [...container.querySelectorAll("[data-focus-key]")].find((element) => element.dataset.focusKey === focused);
  if (again && !again.disabled) again.focus();
}

let uniqueCounter = 0;
export function uniqueID(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/** A labelled form field with an optional hint and an error slot tied to it for screen readers. */
export function field({ label, name, type = "text", value = "", required = false, autocomplete, hint, attrs = {} }) {
  const id = uniqueID(name);
  const hintID = hint ? `${id}-hint` : null;
  const errorID = `${id}-error`;
  const input =
    type === "textarea"
      ? h("textarea", { id, name, required, ...attrs }, value)
      : h("input", { id, name, type, value, required, autocomplete, ...attrs });
  input.setAttribute("aria-describedby", [hintID, errorID].filter(Boolean).join(" "));
  const error = h("p", { class: "field-error", id: errorID, hidden: true });
  const wrapper = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    hint ? h("p", { class: "hint", id: hintID }, hint) : null,
    input,
    error,
  );
  return { wrapper, input, showError(message) {
    error.textContent = message ?? "";
    error.hidden = !message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
  } };
}

/** A message box for a form's overall outcome; `role=alert` makes screen readers say it at once. */
export function statusBox() {
  const box = h("div", { class: "status-box", role: "alert", hidden: true });
  return {
    element: box,
    show(message, kind = "error") {
      box.className = `status-box ${kind}`;
      box.textContent = message;
      box.hidden = !message;
    },
    hide() {
      box.hidden = true;
      box.textContent = "";
    },
  };
}
