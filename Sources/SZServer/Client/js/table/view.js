// Pan and zoom of the board, pure: a view maps scene units to canvas pixels as `pixel = scene * scale + offset`.

export const minScale = 0.1;
export const maxScale = 8;

/** The view that fits the whole scene into the canvas, centred. */
export function fitView(scene, width, height) {
  const scale = clamp(Math.min(width / scene.width, height / scene.height), minScale, maxScale);
  return { scale, offsetX: (width - scene.width * scale) / 2, offsetY: (height - scene.height * scale) / 2 };
}

export function toScene(view, x, y) {
  return { x: (x - view.offsetX) / view.scale, y: (y - view.offsetY) / view.scale };
}

export function toScreen(view, x, y) {
  return { x: x * view.scale + view.offsetX, y: y * view.scale + view.offsetY };
}

/** Zooms by `factor` keeping the scene point under (x, y) where it is. */
export function zoomAt(view, factor, x, y) {
  const scale = clamp(view.scale * factor, minScale, maxScale);
  const anchor = toScene(view, x, y);
  return { scale, offsetX: x - anchor.x * scale, offsetY: y - anchor.y * scale };
}

export function panBy(view, dx, dy) {
  return { ...view, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy };
}

/** The topmost token under a scene point (tokens are drawn bottom first; a token is a square of `size`). */
export function tokenAt(tokens, point) {
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const token = tokens[index];
    if (token.background) continue;
    const half = token.size / 2;
    if (Math.abs(point.x - token.x) <= half && Math.abs(point.y - token.y) <= half) return token;
  }
  return null;
}

/** Keeps a position inside the scene, as the server does. */
export function clampToScene(scene, point) {
  return { x: clamp(Math.round(point.x), 0, scene.width), y: clamp(Math.round(point.y), 0, scene.height) };
}

/** One keyboard step for a token: a grid cell, or one unit with Shift (fine placement). */
export function keyboardStep(scene, fine) {
  return fine ? 1 : (scene.grid?.cellSize ?? 32);
}

export function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

/** The ids of the tokens whose centres lie in the box between two scene points (background tokens left out). */
export function tokensInBox(tokens, from, to) {
  const [left, right] = [Math.min(from.x, to.x), Math.max(from.x, to.x)];
  const [top, bottom] = [Math.min(from.y, to.y), Math.max(from.y, to.y)];
  return tokens.filter((t) => !t.background && t.x >= left && t.x <= right && t.y >= top && t.y <= bottom).map((t) => t.id);
}

/** The moves of tokens dragged together: each keeps its place relative to the others. */
export function groupMoves(starts, dx, dy) {
  return starts.map((start) => ({ tokenID: start.tokenID, x: start.x + dx, y: start.y + dy }));
}

/** A new selection after picking a token: alone, or toggled in or out of the selection (Shift or Ctrl). */
export function pickSelection(selection, tokenID, toggle) {
  if (tokenID === null) return toggle ? selection : [];
  if (!toggle) return [tokenID];
  return selection.includes(tokenID) ? selection.filter((id) => id !== tokenID) : [...selection, tokenID];
}

/**
 * What a pointer pressed on the board starts, from what is under it and the board's modes: `pinch` (a second
 * finger), `measure` (ruler on), `box` (area selection on, which is how touch screens draw a box, or Shift/Ctrl on
 * empty space), `toggle` (Shift/Ctrl on a token), `drag` (a token the viewer may move), or `pan`.
 */
export function chooseGesture({ pointers, measuring, selectingArea, onToken, toggle, draggable }) {
  if (pointers >= 2) return "pinch";
  if (measuring) return "measure";
  if (selectingArea) return "box";
  if (onToken && toggle) return "toggle";
  if (onToken) return draggable ? "drag" : "pan";
  return toggle ? "box" : "pan";
}
