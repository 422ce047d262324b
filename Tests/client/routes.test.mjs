import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRoute, pathFor } from "../../Sources/SZServer/Client/js/routes.js";

test("deep links name their page and parameters", () => {
  assert.deepEqual(matchRoute("/"), { page: "dashboard", params: {} });
  assert.deepEqual(matchRoute("/game/ann/brave-red-fox"), { page: "table", params: { gm: "ann", slug: "brave-red-fox" } });
  assert.deepEqual(matchRoute("/join/ann/x%20y/"), { page: "join", params: { gm: "ann", slug: "x y" } });
  assert.deepEqual(matchRoute("/library/core/1.0.0/datasets/items?q=sword"), {
    page: "dataset", params: { packId: "core", version: "1.0.0", datasetId: "items" },
  });
  assert.equal(matchRoute("/characters/abc").page, "character");
});

test("unknown and malformed paths are not found", () => {
  assert.equal(matchRoute("/nowhere").page, "notFound");
  assert.equal(matchRoute("/game/ann").page, "notFound");
  assert.equal(matchRoute("/game/%E0%A4%A/x").page, "notFound");
});

test("paths are built with their parameters encoded", () => {
  assert.equal(pathFor("table", { gm: "ann", slug: "a/b" }), "/game/ann/a%2Fb");
  assert.throws(() => pathFor("table", { gm: "ann" }), /needs slug/);
});

test("a countdown link is the game's page with the start in the query", () => {
  assert.deepEqual(matchRoute("/game/gina/dark-forest?session=2026-12-03T18%3A30Z"), { page: "table", params: { gm: "gina", slug: "dark-forest" } });
});
