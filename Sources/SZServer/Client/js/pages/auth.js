// Sign up and log in: one form, two endpoints.
import { ApiError, describeError } from "../api.js";
import { field, h, statusBox } from "../dom.js";

export function render(app, main, { page, query }) {
  const { t } = app;
  const signingUp = page === "signup";
  const name = field({ label: t("auth.name"), name: "name", required: true, autocomplete: "username", hint: signingUp ? t("auth.nameHint") : null });
  const password = field({
    label: t("auth.password"),
    name: "password",
    type: "password",
    required: true,
    autocomplete: signingUp ? "new-password" : "current-password",
    hint: signingUp ? t("auth.passwordHint") : null,
  });
  const status = statusBox();
  const submit = h("button", { type: "submit", class: "button-primary" }, signingUp ? t("auth.signupButton") : t("auth.loginButton"));
  const form = h("form", { class: "card narrow", novalidate: true }, name.wrapper, password.wrapper, status.element, submit);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    name.showError(null);
    password.showError(null);
    status.hide();
    if (!name.input.value.trim()) {
      name.showError(t("auth.nameRequired"));
      name.input.focus();
      return;
    }
    if (!password.input.value) {
      password.showError(t("auth.passwordRequired"));
      password.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const session = await app.api.post(signingUp ? "/auth/register" : "/auth/login", {
        name: name.input.value.trim(),
        password: password.input.value,
      });
      app.setUser(session.user);
      app.announce(t(signingUp ? "auth.signedUp" : "auth.loggedIn", { name: session.user.name }));
      const next = query.get("next");
      app.navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      if (fields["/name"]) name.showError(fields["/name"]);
      if (fields["/password"]) password.showError(fields["/password"]);
      status.show(describeError(error, t));
      submit.disabled = false;
    }
  });
  main.append(
    h("h1", {}, signingUp ? t("auth.signupTitle") : t("auth.loginTitle")),
    form,
    h(
      "p",
      { class: "switch-auth" },
      signingUp ? t("auth.haveAccount") : t("auth.noAccount"),
      " ",
      h("a", { href: signingUp ? "/login" : "/signup", "data-link": true }, signingUp ? t("nav.login") : t("nav.signup")),
    ),
  );
  name.input.focus();
}
