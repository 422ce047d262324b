// The commands that change a token (docs/protocol.md, "Tokens"), built from what the viewer asked for. Pure.

export const minTokenSize = 1;
export const maxTokenSize = 1000;
export const rotationStep = 45;

const ids = (token) => [token.id];

/** Rotations are kept in 0–360 as the server stores them. */
export function rotateBy(token, degrees) {
  return { type: "token.rotate", tokenIDs: ids(token), rotation: (((token.rotation + degrees) % 360) + 360) % 360 };
}

export function resizeTo(token, size) {
  const clamped = Math.min(maxTokenSize, Math.max(minTokenSize, Math.round(size)));
  return { type: "token.resize", tokenIDs: ids(token), size: clamped };
}

/** One grid cell bigger or smaller (a quarter cell without a grid cell size). */
export function resizeStep(token, scene, direction) {
  const step = Math.max(1, Math.round((scene?.grid?.cellSize ?? 64) / 4));
  return resizeTo(token, token.size + direction * step);
}

export const flip = (token) => ({ type: "token.flip", tokenIDs: ids(token), flipped: !token.flipped });
export const relabel = (token, label) => ({ type: "token.label", tokenIDs: ids(token), label: label.trim().slice(0, 100) });
export const toggleLock = (token) => ({ type: "token.lock", tokenIDs: ids(token), locked: !token.locked });
export const toggleHidden = (token) => ({ type: "token.hide", tokenIDs: ids(token), hidden: !token.hidden });
export const arrange = (token, to) => ({ type: "token.arrange", tokenIDs: ids(token), to });
export const remove = (token) => ({ type: "token.delete", tokenIDs: ids(token) });

/** A copy one grid cell to the right (the server keeps it inside the scene). */
export function cloneNextTo(token, scene) {
  return { type: "token.clone", tokenIDs: ids(token), dx: scene?.grid?.cellSize ?? 32, dy: 0 };
}
