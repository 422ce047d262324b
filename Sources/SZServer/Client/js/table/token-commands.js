// The commands that change the selected tokens (docs/protocol.md, "Tokens"), built from what the viewer asked
// for. Pure. A command names every selected token; where they differ (rotation, size, toggles) the first one
// decides, so a mixed selection ends up alike.

export const minTokenSize = 1;
export const maxTokenSize = 1000;
export const rotationStep = 45;

const ids = (tokens) => tokens.map((token) => token.id);

/** Rotations are kept in 0–360 as the server stores them. */
export function rotateBy(tokens, degrees) {
  return { type: "token.rotate", tokenIDs: ids(tokens), rotation: (((tokens[0].rotation + degrees) % 360) + 360) % 360 };
}

export function resizeTo(tokens, size) {
  const clamped = Math.min(maxTokenSize, Math.max(minTokenSize, Math.round(size)));
  return { type: "token.resize", tokenIDs: ids(tokens), size: clamped };
}

/** A quarter of a grid cell bigger or smaller. */
export function resizeStep(tokens, scene, direction) {
  const step = Math.max(1, Math.round((scene?.grid?.cellSize ?? 64) / 4));
  return resizeTo(tokens, tokens[0].size + direction * step);
}

export const flip = (tokens) => ({ type: "token.flip", tokenIDs: ids(tokens), flipped: !tokens[0].flipped });
export const relabel = (tokens, label) => ({ type: "token.label", tokenIDs: ids(tokens), label: label.trim().slice(0, 100) });
export const toggleLock = (tokens) => ({ type: "token.lock", tokenIDs: ids(tokens), locked: !tokens[0].locked });
export const toggleHidden = (tokens) => ({ type: "token.hide", tokenIDs: ids(tokens), hidden: !tokens[0].hidden });
export const arrange = (tokens, to) => ({ type: "token.arrange", tokenIDs: ids(tokens), to });
export const remove = (tokens) => ({ type: "token.delete", tokenIDs: ids(tokens) });

/** Copies one grid cell to the right (the server keeps them inside the scene). */
export function cloneNextTo(tokens, scene) {
  return { type: "token.clone", tokenIDs: ids(tokens), dx: scene?.grid?.cellSize ?? 32, dy: 0 };
}
