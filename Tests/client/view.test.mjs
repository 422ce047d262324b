import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseGesture, clampToScene, fitView, groupMoves, keyboardStep, panBy, pickSelection, toScene, toScreen, tokenAt, tokensInBox, zoomAt } from "../../Sources/SZServer/Client/js/table/view.js";

const scene = { width: 1000, height: 500, grid: { cellSize: 50 } };

test("fitting centres the scene in the canvas", () => {
  const view = fitView(scene, 500, 500);
  assert.deepEqual(view, { scale: 0.5, offsetX: 0, offsetY: 125 });
  assert.deepEqual(toScene(view, 250, 250), { x: 500, y: 250 });
  assert.deepEqual(toScreen(view, 500, 250), { x: 250, y: 250 });
});

test("zooming keeps the point under the pointer still and stays within limits", () => {
  const view = zoomAt({ scale: 1, offsetX: 0, offsetY: 0 }, 2, 100, 50);
  assert.deepEqual(toScene(view, 100, 50), { x: 100, y: 50 });
  assert.equal(zoomAt(view, 1000, 0, 0).scale, 8);
  assert.equal(zoomAt(view, 0.0001, 0, 0).scale, 0.1);
  assert.deepEqual(panBy(view, 5, -5), { ...view, offsetX: view.offsetX + 5, offsetY: view.offsetY - 5 });
});

test("hit tests find the topmost token and skip backgrounds", () => {
  const tokens = [
    { id: "bg", x: 500, y: 250, size: 1000, background: true },
    { id: "low", x: 100, y: 100, size: 64 },
    { id: "high", x: 120, y: 100, size: 64 },
  ];
  assert.equal(tokenAt(tokens, { x: 110, y: 100 }).id, "high");
  assert.equal(tokenAt(tokens, { x: 70, y: 100 }).id, "low");
  assert.equal(tokenAt(tokens, { x: 400, y: 400 }), null);
});

test("positions stay inside the scene; keyboard steps are a grid cell or one unit", () => {
  assert.deepEqual(clampToScene(scene, { x: -5.4, y: 600.6 }), { x: 0, y: 500 });
  assert.equal(keyboardStep(scene, false), 50);
  assert.equal(keyboardStep(scene, true), 1);
  assert.equal(keyboardStep({ width: 1, height: 1 }, false), 32);
});

test("a box selects the tokens whose centres are inside it, whichever way it was drawn", () => {
  const tokens = [{ id: "a", x: 10, y: 10 }, { id: "b", x: 50, y: 50 }, { id: "map", x: 20, y: 20, background: true }];
  assert.deepEqual(tokensInBox(tokens, { x: 60, y: 60 }, { x: 0, y: 0 }), ["a", "b"]);
  assert.deepEqual(tokensInBox(tokens, { x: 30, y: 30 }, { x: 60, y: 60 }), ["b"]);
});

test("tokens dragged together keep their distance", () => {
  assert.deepEqual(groupMoves([{ tokenID: "a", x: 10, y: 10 }, { tokenID: "b", x: 50, y: 20 }], 5, -5),
    [{ tokenID: "a", x: 15, y: 5 }, { tokenID: "b", x: 55, y: 15 }]);
});

test("Shift or Ctrl toggles a token in the selection; a plain pick replaces it", () => {
  assert.deepEqual(pickSelection(["a"], "b", false), ["b"]);
  assert.deepEqual(pickSelection(["a"], "b", true), ["a", "b"]);
  assert.deepEqual(pickSelection(["a", "b"], "a", true), ["b"]);
  assert.deepEqual(pickSelection(["a"], null, false), []);
  assert.deepEqual(pickSelection(["a"], null, true), ["a"]);
});

test("a pressed pointer pans, drags, toggles or boxes; area mode boxes with one finger and two fingers still pinch", () => {
  const press = (overrides) => chooseGesture({ pointers: 1, measuring: false, selectingArea: false, onToken: false, toggle: false, draggable: false, ...overrides });
  assert.equal(press({}), "pan");
  assert.equal(press({ toggle: true }), "box");
  assert.equal(press({ onToken: true, draggable: true }), "drag");
  assert.equal(press({ onToken: true }), "pan", "a token the viewer may not move leaves the board to pan");
  assert.equal(press({ onToken: true, draggable: true, toggle: true }), "toggle");
  assert.equal(press({ selectingArea: true }), "box", "touch has no Shift: area mode draws the box");
  assert.equal(press({ selectingArea: true, onToken: true, draggable: true }), "box", "even when the drag starts on a token");
  assert.equal(press({ selectingArea: true, pointers: 2 }), "pinch");
  assert.equal(press({ pointers: 2, onToken: true, draggable: true }), "pinch");
  assert.equal(press({ measuring: true, selectingArea: true }), "measure");
});
