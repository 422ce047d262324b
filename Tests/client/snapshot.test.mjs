import assert from "node:assert/strict";
import { test } from "node:test";
import { snapshotProblemKey } from "../../Sources/SZServer/Client/js/table/snapshot-dialog.js";

test("camera and screen failures are explained by what the person can do about them", () => {
  assert.equal(snapshotProblemKey({ name: "NotAllowedError" }), "snapshot.error.denied");
  assert.equal(snapshotProblemKey({ name: "NotFoundError" }), "snapshot.error.noDevice");
  assert.equal(snapshotProblemKey({ name: "NotReadableError" }), "snapshot.error.busy");
  assert.equal(snapshotProblemKey(new TypeError("x")), "snapshot.error.other");
  assert.equal(snapshotProblemKey(undefined), "snapshot.error.other");
});
