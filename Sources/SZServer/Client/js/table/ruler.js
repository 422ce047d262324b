// The ruler's arithmetic, pure: distances on the scene in grid cells.

/** The straight distance between two scene points in grid cells, to one decimal (scene units without a grid). */
export function measure(scene, from, to) {
  const units = Math.hypot(to.x - from.x, to.y - from.y);
  const cell = scene?.grid?.cellSize;
  const cells = cell ? units / cell : units;
  return { cells: Math.round(cells * 10) / 10, units: Math.round(units), byGrid: Boolean(cell) };
}
