import assert from "node:assert/strict";
import { test } from "node:test";
import { boxesMeet, labelPlacement, measure } from "../../Sources/SZServer/Client/js/table/ruler.js";

test("the ruler counts grid cells to one decimal", () => {
  const scene = { grid: { cellSize: 50 } };
  assert.deepEqual(measure(scene, { x: 0, y: 0 }, { x: 150, y: 0 }), { cells: 3, units: 150, byGrid: true });
  assert.deepEqual(measure(scene, { x: 0, y: 0 }, { x: 30, y: 40 }), { cells: 1, units: 50, byGrid: true });
  assert.equal(measure(scene, { x: 0, y: 0 }, { x: 60, y: 0 }).cells, 1.2);
});

test("without a grid the ruler counts scene units", () => {
  assert.deepEqual(measure({}, { x: 0, y: 0 }, { x: 3, y: 4 }), { cells: 5, units: 5, byGrid: false });
});

const label = { width: 40, height: 20 };
const viewport = { width: 400, height: 300 };
const inside = (box) => box.x >= 0 && box.y >= 0 && box.x + label.width <= viewport.width && box.y + label.height <= viewport.height;
/** Whether the segment from a to b passes through the box (sampled finely: the boxes are tens of pixels). */
const crosses = (a, b, box) => Array.from({ length: 201 }, (_, i) => i / 200).some((f) => {
  const x = a.x + (b.x - a.x) * f;
  const y = a.y + (b.y - a.y) * f;
  return x >= box.x && x <= box.x + label.width && y >= box.y && y <= box.y + label.height;
});

test("the label sits past the ruler's end, clear of the line and of the end point", () => {
  const from = { x: 100, y: 150 };
  const to = { x: 200, y: 150 };
  const box = labelPlacement(from, to, label, viewport);
  assert.deepEqual(box, { x: 210, y: 140 });
  assert.ok(!crosses(from, to, box));
  const diagonal = labelPlacement({ x: 300, y: 250 }, { x: 200, y: 150 }, label, viewport);
  assert.ok(diagonal.x + label.width < 200 && diagonal.y + label.height < 150, "up and to the left of an end reached going up-left");
});

test("near an edge the label moves beside the line instead of leaving the canvas", () => {
  for (const [from, to] of [
    [{ x: 300, y: 150 }, { x: 395, y: 150 }],
    [{ x: 200, y: 100 }, { x: 200, y: 295 }],
    [{ x: 100, y: 100 }, { x: 2, y: 2 }],
    [{ x: 10, y: 290 }, { x: 390, y: 5 }],
  ]) {
    const box = labelPlacement(from, to, label, viewport);
    assert.ok(inside(box), `${JSON.stringify(to)}: ${JSON.stringify(box)} is inside`);
    assert.ok(!crosses(from, to, box), `${JSON.stringify(to)}: ${JSON.stringify(box)} is clear of the line`);
  }
});

test("a ruler of no length puts its label up and to the right; a canvas too small still holds it", () => {
  const point = { x: 100, y: 100 };
  const box = labelPlacement(point, point, label, viewport);
  assert.ok(box.x > 100 && box.y + label.height < 100);
  assert.deepEqual(labelPlacement(point, { x: 120, y: 100 }, label, { width: 30, height: 10 }), { x: 0, y: 0 }, "its start stays in view");
});

test("the label keeps clear of a token's name where a place allows, and of the line before anything else", () => {
  const from = { x: 100, y: 150 };
  const to = { x: 200, y: 150 };
  const name = { x: 200, y: 135, width: 70, height: 30 };
  const box = labelPlacement(from, to, label, viewport, { obstacles: [name] });
  assert.ok(!boxesMeet({ ...box, ...label }, name), `${JSON.stringify(box)} is clear of the name`);
  assert.ok(!crosses(from, to, box) && inside(box));
  const everywhere = { x: 0, y: 0, width: viewport.width, height: viewport.height };
  assert.deepEqual(labelPlacement(from, to, label, viewport, { obstacles: [everywhere] }), { x: 210, y: 140 }, "past the end, as without names");
});

test("boxes meet when they overlap, not when they only touch", () => {
  const box = { x: 0, y: 0, width: 10, height: 10 };
  assert.ok(boxesMeet(box, { x: 5, y: 5, width: 10, height: 10 }));
  assert.ok(!boxesMeet(box, { x: 10, y: 0, width: 10, height: 10 }));
  assert.ok(!boxesMeet(box, { x: 0, y: 11, width: 10, height: 10 }));
});
