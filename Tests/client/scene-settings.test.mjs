import assert from "node:assert/strict";
import { test } from "node:test";
import { sceneUpdate } from "../../Sources/SZServer/Client/js/table/scene-settings.js";

const scene = { id: "s-1", name: "Camp" };

test("scene settings become one scene.update within the server's limits", () => {
  assert.deepEqual(sceneUpdate(scene, { name: " Lair ", width: "1200", height: "20", cellSize: "64", offsetX: "70", offsetY: "-3", shown: true }), {
    type: "scene.update", sceneID: "s-1", name: "Lair", width: 1200, height: 64,
    grid: { cellSize: 64, offsetX: 63, offsetY: 0, shown: true },
  });
});

test("an empty name keeps the scene's own; sizes and cells are rounded and capped", () => {
  const update = sceneUpdate(scene, { name: "  ", width: "9000.4", height: "500.6", cellSize: "4", offsetX: "0", offsetY: "0", shown: false });
  assert.equal(update.name, "Camp");
  assert.equal(update.width, 8192);
  assert.equal(update.height, 501);
  assert.equal(update.grid.cellSize, 8);
});
