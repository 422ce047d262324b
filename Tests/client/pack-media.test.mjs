import assert from "node:assert/strict";
import { test } from "node:test";
import { mediaURL } from "../../Sources/SZServer/Client/js/pack-media.js";

test("pack images are addressed under the pack's media/images, each segment escaped", () => {
  assert.equal(mediaURL({ packId: "p 1", version: "1.0.0" }, "items/long sword.svg"), "/api/v1/packs/p%201/1.0.0/media/images/items/long%20sword.svg");
});
