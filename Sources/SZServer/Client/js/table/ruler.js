// The ruler's arithmetic, pure: distances on the scene in grid cells.

/** The straight distance between two scene points in grid cells, to one decimal (scene units without a grid). */
export function measure(scene, from, to) {
  const units = Math.hypot(to.x - from.x, to.y - from.y);
  const cell = scene?.grid?.cellSize;
  const cells = cell ? units / cell : units;
  return { cells: Math.round(cells * 10) / 10, units: Math.round(units), byGrid: Boolean(cell) };
}

/**
 * Where the distance label goes, in canvas pixels: beside the ruler's end and clear of its line and end point (past
 * the end, or else to either side of the line), inside the canvas, and clear of `obstacles` (boxes such as the
 * tokens' names) where a place allows. `label` is the size of the label's box, `viewport` the canvas's; returns the
 * box's top-left corner. When no place is clear of the line (a tiny canvas), the first one is kept inside the canvas
 * anyway.
 */
export function labelPlacement(from, to, label, viewport, { gap = 10, obstacles = [] } = {}) {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  // A ruler of no length yet has no direction: its label goes up and to the right, where a pointer rarely hides it.
  const [ux, uy] = length > 0 ? [(to.x - from.x) / length, (to.y - from.y) / length] : [Math.SQRT1_2, -Math.SQRT1_2];
  const inside = (box) => ({
    x: Math.max(0, Math.min(box.x, viewport.width - label.width)),
    y: Math.max(0, Math.min(box.y, viewport.height - label.height)),
  });
  const place = ([dx, dy], back) => {
    // The box's centre is as far out as its half-extent along the direction plus the gap, so its nearest edge
    // keeps `gap` from the end point; `back` slides it along the line towards the start.
    const reach = gap + (Math.abs(dx) * label.width + Math.abs(dy) * label.height) / 2;
    const x = to.x + dx * reach - ux * back - label.width / 2;
    const y = to.y + dy * reach - uy * back - label.height / 2;
    return inside({ x, y });
  };
  const clearOfLine = (box) => !segmentMeetsBox(from, to, { ...box, ...label }, gap / 2);
  const clearOfObstacles = (box) => !obstacles.some((obstacle) => boxesMeet({ ...box, ...label }, obstacle));
  // Past the end first; then beside the end on either side, sliding back along the line when a corner is in the way.
  const sides = [[uy, -ux], [-uy, ux]];
  const slides = Array.from({ length: 13 }, (_, step) => step * gap).filter((back) => back <= length);
  const candidates = [place([ux, uy], 0), ...slides.flatMap((back) => sides.map((side) => place(side, back)))];
  return (
    candidates.find((box) => clearOfLine(box) && clearOfObstacles(box)) ?? candidates.find(clearOfLine) ?? candidates[0]
  );
}

/** Whether two boxes (`{x, y, width, height}`) overlap. */
export function boxesMeet(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether the segment a–b passes through the box grown by `pad` on every side (Liang–Barsky clipping). */
export function segmentMeetsBox(a, b, box, pad = 0) {
  const [left, top] = [box.x - pad, box.y - pad];
  const [right, bottom] = [box.x + box.width + pad, box.y + box.height + pad];
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  let [enter, leave] = [0, 1];
  for (const [p, q] of [[-dx, a.x - left], [dx, right - a.x], [-dy, a.y - top], [dy, bottom - a.y]]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) enter = Math.max(enter, r);
    else leave = Math.min(leave, r);
    if (enter > leave) return false;
  }
  return true;
}
