import assert from "node:assert/strict";
import { test } from "node:test";
import { extendStroke, paperOf, placedSize, wrapText } from "../../Sources/SZServer/Client/js/table/drawing.js";

test("an index card is a 4:3 sheet in the middle of the square picture; overlays and tokens fill it", () => {
  assert.deepEqual(paperOf("card", 1000), { x: 0, y: 125, width: 1000, height: 750 });
  assert.deepEqual(paperOf("overlay", 1000), { x: 0, y: 0, width: 1000, height: 1000 });
});

test("drawings land on the scene at a size that suits them", () => {
  const scene = { width: 1008, height: 567, grid: { cellSize: 48 } };
  assert.equal(placedSize("card", scene), 192);
  assert.equal(placedSize("overlay", scene), 567);
  assert.equal(placedSize("token", scene), 48);
});

test("strokes grow point by point, or as one straight line with Shift", () => {
  const strokes = [{ colour: "#000", width: 4, points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }];
  assert.equal(extendStroke(strokes, { x: 2, y: 2 }, false)[0].points.length, 3);
  assert.deepEqual(extendStroke(strokes, { x: 9, y: 9 }, true)[0].points, [{ x: 0, y: 0 }, { x: 9, y: 9 }]);
  assert.equal(strokes[0].points.length, 2, "the strokes given are left alone");
});

test("card text wraps at spaces and keeps its own line breaks", () => {
  assert.deepEqual(wrapText("a bb ccc dddd\nnext", 6), ["a bb", "ccc", "dddd", "next"]);
  assert.deepEqual(wrapText("abcdefghij", 4), ["abcd", "efgh", "ij"]);
});
