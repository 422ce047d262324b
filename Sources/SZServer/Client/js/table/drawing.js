// The drawing pure parts: strokes as point lists, and how each kind of drawing is framed on its square picture
// (the board draws every token as a square, so cards and overlays sit inside one).

export const drawingSize = 1024;

/** Where the paper lies on the square picture: a 4:3 index card in the middle, the whole square otherwise. */
export function paperOf(kind, size = drawingSize) {
  if (kind === "card") {
    const height = Math.round((size * 3) / 4);
    return { x: 0, y: Math.round((size - height) / 2), width: size, height };
  }
  return { x: 0, y: 0, width: size, height: size };
}

/** The token size a drawing gets on the scene: a card four cells wide, an overlay the scene's short side, a token one cell. */
export function placedSize(kind, scene) {
  const cell = scene?.grid?.cellSize ?? 64;
  if (kind === "card") return Math.min(1000, cell * 4);
  if (kind === "overlay") return Math.min(1000, Math.min(scene?.width ?? 512, scene?.height ?? 512));
  return cell;
}

/** Adds a point to the last stroke; with `straight` the stroke becomes a line from its first point. */
export function extendStroke(strokes, point, straight) {
  const last = strokes[strokes.length - 1];
  const points = straight ? [last.points[0], point] : [...last.points, point];
  return [...strokes.slice(0, -1), { ...last, points }];
}

/** The lines of an index card's text that fit `maxChars` a line, broken at spaces where it can. */
export function wrapText(text, maxChars) {
  const lines = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && (line + " " + word).length > maxChars) {
        lines.push(line);
        line = "";
      }
      line = line ? `${line} ${word}` : word;
      while (line.length > maxChars) {
        lines.push(line.slice(0, maxChars));
        line = line.slice(maxChars);
      }
    }
    lines.push(line);
  }
  return lines;
}
