import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError, createApi, describeError, readCookie } from "../../Sources/SZServer/Client/js/api.js";

function fakeFetch(answer) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return answer;
  };
  return { calls, fetchImpl };
}
const json = (status, body, type = "application/json") =>
  new Response(body === null ? null : JSON.stringify(body), { status, headers: { "Content-Type": type } });

test("writes carry the CSRF token from the sz_csrf cookie; reads do not", async () => {
  const { calls, fetchImpl } = fakeFetch(json(200, { ok: true }));
  const api = createApi({ fetchImpl, cookies: () => "other=1; sz_csrf=tok%2Den; x=y" });
  await api.post("/games", { name: "Tuesday" });
  assert.equal(calls[0].url, "/api/v1/games");
  assert.equal(calls[0].init.headers["X-CSRF-Token"], "tok-en");
  assert.equal(calls[0].init.headers["Content-Type"], "application/json");
  assert.equal(calls[0].init.body, '{"name":"Tuesday"}');
  const reader = fakeFetch(json(200, { items: [] }));
  await createApi({ fetchImpl: reader.fetchImpl, cookies: () => "sz_csrf=t" }).get("/packs", { query: { q: "elf", cursor: null } });
  assert.equal(reader.calls[0].url, "/api/v1/packs?q=elf");
  assert.equal(reader.calls[0].init.headers["X-CSRF-Token"], undefined);
});

test("problem documents become errors with the server's plain words and field errors", async () => {
  const problem = { type: "urn:sessionzero:problem:invalid-field", title: "A field of the request is not valid", status: 400,
    detail: "/name: is required", errors: [{ pointer: "/name", detail: "is required" }] };
  const { fetchImpl } = fakeFetch(json(400, problem, "application/problem+json"));
  const api = createApi({ fetchImpl, cookies: () => "" });
  const error = await api.post("/auth/register", {}).catch((e) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.slug, "invalid-field");
  assert.equal(error.message, "/name: is required");
  assert.deepEqual(error.fieldErrors, { "/name": "is required" });
});

test("a network failure and a server failure are told in the user's language", async () => {
  const api = createApi({ fetchImpl: async () => { throw new TypeError("fetch failed"); }, cookies: () => "" });
  const offline = await api.get("/me").catch((e) => e);
  const t = (key) => `[${key}]`;
  assert.equal(describeError(offline, t), "[error.offline]");
  assert.equal(describeError(new ApiError(500, { detail: "stack trace" }), t), "[error.server]");
  assert.equal(describeError(new Error("x"), t), "[error.unexpected]");
  assert.equal(await createApi({ fetchImpl: async () => json(204, null), cookies: () => "" }).post("/auth/logout"), null);
});

test("cookies are read by exact name", () => {
  assert.equal(readCookie("sz_csrf_old=a; sz_csrf=b", "sz_csrf"), "b");
  assert.equal(readCookie("", "sz_csrf"), "");
});

test("common problems are told in the user's language, others in the server's words", () => {
  const words = { "problem.name-taken": "Name vergeben." };
  const t = (key) => words[key] ?? key;
  assert.equal(describeError(new ApiError(409, { type: "urn:sessionzero:problem:name-taken", detail: "the name alice is taken" }), t), "Name vergeben.");
  assert.equal(describeError(new ApiError(422, { type: "urn:sessionzero:problem:pack-invalid", detail: "3 errors" }), t), "3 errors");
});
