import assert from "node:assert/strict";
import { test } from "node:test";
import { measure } from "../../Sources/SZServer/Client/js/table/ruler.js";

test("the ruler counts grid cells to one decimal", () => {
  const scene = { grid: { cellSize: 50 } };
  assert.deepEqual(measure(scene, { x: 0, y: 0 }, { x: 150, y: 0 }), { cells: 3, units: 150, byGrid: true });
  assert.deepEqual(measure(scene, { x: 0, y: 0 }, { x: 30, y: 40 }), { cells: 1, units: 50, byGrid: true });
  assert.equal(measure(scene, { x: 0, y: 0 }, { x: 60, y: 0 }).cells, 1.2);
});

test("without a grid the ruler counts scene units", () => {
  assert.deepEqual(measure({}, { x: 0, y: 0 }, { x: 3, y: 4 }), { cells: 5, units: 5, byGrid: false });
});
