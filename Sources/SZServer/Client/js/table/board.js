// The board canvas: draws the active scene (background, grid, tokens, selections, beacons) and turns mouse,
// touch and pen input into pans, zooms, selections and drags. Game rules stay outside: callbacks decide.
import { activeScene, mayMove, visibleTokens } from "../game-state.js";
import { labelPlacement, measure } from "./ruler.js";
import { chooseGesture, fitView, groupMoves, panBy, toScene, toScreen, tokenAt, tokensInBox, zoomAt } from "./view.js";

const beaconLifetime = 2500;

export class Board {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {object} callbacks `onPick(tokenID | null, toggle)`, `onBoxSelect(tokenIDs)`, `onDrag(moves)`,
   *   `onDrop(moves, cancelled)`, `onBeacon(point)`, `onMeasure(line | null)`; `imageURL(blobID)` names images.
   */
  constructor(canvas, { imageURL, onPick, onBoxSelect, onDrag, onDrop, onBeacon, onMeasure }) {
    Object.assign(this, { canvas, imageURL, onPick, onBoxSelect, onDrag, onDrop, onBeacon, onMeasure });
    this.measuring = false;
    this.selectingArea = false;
    this.measureLine = null;
    this.tokenLabelBoxes = [];
    this.context = canvas.getContext("2d");
    this.state = null;
    this.view = null;
    this.selected = [];
    this.images = new Map();
    this.pointers = new Map();
    this.gesture = null;
    this.beaconTimes = new WeakMap();
    this.frame = 0;
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(canvas);
    canvas.addEventListener("pointerdown", (e) => this.pointerDown(e));
    canvas.addEventListener("pointermove", (e) => this.pointerMove(e));
    canvas.addEventListener("pointerup", (e) => this.pointerUp(e));
    canvas.addEventListener("pointercancel", (e) => this.pointerUp(e, true));
    canvas.addEventListener("dblclick", (e) => this.onBeacon?.(this.scenePoint(e)));
    canvas.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
  }

  destroy() {
    this.resizeObserver.disconnect();
    cancelAnimationFrame(this.frame);
  }

  setState(state, selected) {
    const sceneChanged = activeScene(state)?.id !== activeScene(this.state ?? state)?.id || !this.view;
    this.state = state;
    this.selected = selected;
    if (sceneChanged) this.fit();
    this.requestDraw();
  }

  fit() {
    const scene = this.state && activeScene(this.state);
    if (!scene) return;
    this.view = fitView(scene, this.canvas.clientWidth || 1, this.canvas.clientHeight || 1);
    this.requestDraw();
  }

  zoom(factor) {
    if (!this.view) return;
    this.view = zoomAt(this.view, factor, this.canvas.clientWidth / 2, this.canvas.clientHeight / 2);
    this.requestDraw();
  }

  pan(dx, dy) {
    if (!this.view) return;
    this.view = panBy(this.view, dx, dy);
    this.requestDraw();
  }

  /** Ruler mode: a drag measures instead of moving or panning. */
  setMeasuring(on) {
    this.measuring = on;
    if (!on) this.setMeasure(null);
  }

  /** Area mode: a one-finger (or mouse) drag draws a selection box instead of panning; two fingers still zoom. */
  setSelectingArea(on) {
    this.selectingArea = on;
  }

  /** The ruler's line in scene units (`{from, to}`), or null to hide it. */
  setMeasure(line) {
    this.measureLine = line;
    this.onMeasure?.(line);
    this.requestDraw();
  }

  resize() {
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    this.canvas.height = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
    if (this.state) this.fit();
  }

  scenePoint(event) {
    const rect = this.canvas.getBoundingClientRect();
    return toScene(this.view, event.clientX - rect.left, event.clientY - rect.top);
  }

  pointerDown(event) {
    if (!this.view || !this.state) return;
    this.canvas.setPointerCapture?.(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const at = this.scenePoint(event);
    const token = tokenAt(visibleTokens(this.state), at);
    // A token of the selection drags the whole selection along, as far as the viewer may move each token.
    const group = token && this.selected.includes(token.id) ? this.selected : [token?.id];
    const starts = visibleTokens(this.state).filter((x) => group.includes(x.id) && mayMove(this.state, x))
      .map((x) => ({ tokenID: x.id, x: x.x, y: x.y }));
    const kind = chooseGesture({
      pointers: this.pointers.size,
      measuring: this.measuring,
      selectingArea: this.selectingArea,
      onToken: Boolean(token),
      toggle: event.shiftKey || event.ctrlKey || event.metaKey,
      draggable: starts.some((start) => start.tokenID === token?.id),
    });
    if (kind === "pinch") {
      this.gesture = { kind, distance: this.pointerDistance() };
    } else if (kind === "measure") {
      this.gesture = { kind, from: at };
      this.setMeasure({ from: at, to: at });
    } else if (kind === "box") {
      this.gesture = { kind, from: at, to: at };
    } else if (kind === "toggle") {
      this.onPick?.(token.id, true);
      this.gesture = { kind: "none" };
    } else {
      if (token && !this.selected.includes(token.id)) this.onPick?.(token.id, false);
      if (!token) this.onPick?.(null, false);
      this.gesture = kind === "drag" ? { kind, from: at, starts, moved: false } : { kind: "pan", x: event.clientX, y: event.clientY };
    }
  }

  pointerMove(event) {
    if (!this.pointers.has(event.pointerId) || !this.gesture) return;
    const previous = this.pointers.get(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.gesture.kind === "pinch") {
      const distance = this.pointerDistance();
      const rect = this.canvas.getBoundingClientRect();
      const points = [...this.pointers.values()];
      const centreX = (points[0].x + points[1].x) / 2 - rect.left;
      const centreY = (points[0].y + points[1].y) / 2 - rect.top;
      if (this.gesture.distance > 0) this.view = zoomAt(this.view, distance / this.gesture.distance, centreX, centreY);
      this.gesture.distance = distance;
    } else if (this.gesture.kind === "pan") {
      this.view = panBy(this.view, event.clientX - previous.x, event.clientY - previous.y);
    } else if (this.gesture.kind === "measure") {
      this.setMeasure({ from: this.gesture.from, to: this.scenePoint(event) });
    } else if (this.gesture.kind === "box") {
      this.gesture.to = this.scenePoint(event);
    } else if (this.gesture.kind === "drag") {
      this.gesture.moved = true;
      this.onDrag?.(this.dragMoves(this.gesture, event));
    }
    this.requestDraw();
  }

  pointerUp(event, cancelled = false) {
    this.pointers.delete(event.pointerId);
    const gesture = this.gesture;
    if (this.pointers.size === 0) this.gesture = null;
    else if (gesture?.kind === "pinch") this.gesture = { kind: "none" };
    if (gesture?.kind === "drag" && gesture.moved) this.onDrop?.(this.dragMoves(gesture, event), cancelled);
    if (gesture?.kind === "box" && !cancelled) {
      this.onBoxSelect?.(tokensInBox(visibleTokens(this.state), gesture.from, gesture.to));
      this.requestDraw();
    }
  }

  dragMoves(gesture, event) {
    const at = this.scenePoint(event);
    return groupMoves(gesture.starts, at.x - gesture.from.x, at.y - gesture.from.y);
  }

  pointerDistance() {
    const [a, b] = [...this.pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }

  wheel(event) {
    if (!this.view) return;
    event.preventDefault();
    const rect = this.canvas.getBoundingClientRect();
    this.view = zoomAt(this.view, Math.exp(-event.deltaY / 500), event.clientX - rect.left, event.clientY - rect.top);
    this.requestDraw();
  }

  image(blobID) {
    if (!blobID) return null;
    let image = this.images.get(blobID);
    if (!image) {
      image = new Image();
      image.addEventListener("load", () => this.requestDraw());
      image.src = this.imageURL(blobID);
      this.images.set(blobID, image);
    }
    return image.complete && image.naturalWidth > 0 ? image : null;
  }

  requestDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    const { context: c, canvas } = this;
    const ratio = window.devicePixelRatio || 1;
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.fillStyle = "#1f2430";
    c.fillRect(0, 0, canvas.width, canvas.height);
    const scene = this.state && activeScene(this.state);
    if (!scene || !this.view) return;
    const { scale, offsetX, offsetY } = this.view;
    c.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * offsetX, ratio * offsetY);
    c.fillStyle = "#3b4252";
    c.fillRect(0, 0, scene.width, scene.height);
    const background = this.image(scene.background);
    if (background) c.drawImage(background, 0, 0, scene.width, scene.height);
    if (scene.grid?.shown) this.drawGrid(scene);
    const selections = this.otherSelections();
    // Where each token's name was drawn, in screen pixels, so that the ruler's distance does not cover one.
    this.tokenLabelBoxes = [];
    for (const token of visibleTokens(this.state)) this.drawToken(token, scene, selections.get(token.id));
    this.drawBeacons();
    if (this.measureLine) this.drawRuler(this.measureLine, scene);
    if (this.gesture?.kind === "box") this.drawBox(this.gesture);
  }

  drawBox({ from, to }) {
    const c = this.context;
    c.save();
    c.lineWidth = 2 / this.view.scale;
    c.strokeStyle = "#facc15";
    c.fillStyle = "rgba(250, 204, 21, 0.12)";
    c.setLineDash([6 / this.view.scale, 4 / this.view.scale]);
    c.fillRect(from.x, from.y, to.x - from.x, to.y - from.y);
    c.strokeRect(from.x, from.y, to.x - from.x, to.y - from.y);
    c.restore();
  }

  drawRuler({ from, to }, scene) {
    const c = this.context;
    const unit = 1 / this.view.scale;
    c.save();
    c.lineWidth = 3 * unit;
    c.strokeStyle = "#facc15";
    c.setLineDash([8 * unit, 4 * unit]);
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    c.setLineDash([]);
    for (const end of [from, to]) {
      c.beginPath();
      c.arc(end.x, end.y, 5 * unit, 0, Math.PI * 2);
      c.fillStyle = "#facc15";
      c.fill();
    }
    c.restore();
    this.drawRulerLabel(String(measure(scene, from, to).cells), toScreen(this.view, from.x, from.y), toScreen(this.view, to.x, to.y));
  }

  /** The distance in screen pixels (the same size at any zoom), on a dark box beside the end, inside the board. */
  drawRulerLabel(text, from, to) {
    const c = this.context;
    const ratio = window.devicePixelRatio || 1;
    c.save();
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.font = "700 15px system-ui, sans-serif";
    const padding = 6;
    const size = { width: Math.ceil(c.measureText(text).width) + 2 * padding, height: 15 + 2 * padding };
    const viewport = { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
    const box = labelPlacement(from, to, size, viewport, { obstacles: this.tokenLabelBoxes });
    c.fillStyle = "rgba(17, 24, 39, 0.92)";
    c.strokeStyle = "#facc15";
    c.lineWidth = 1.5;
    c.beginPath();
    c.roundRect(box.x, box.y, size.width, size.height, 4);
    c.fill();
    c.stroke();
    c.fillStyle = "#ffffff";
    c.textAlign = "left";
    c.textBaseline = "middle";
    c.fillText(text, box.x + padding, box.y + size.height / 2);
    c.restore();
  }

  drawGrid(scene) {
    const c = this.context;
    const { cellSize, offsetX, offsetY } = scene.grid;
    c.beginPath();
    for (let x = offsetX; x <= scene.width; x += cellSize) c.moveTo(x, 0), c.lineTo(x, scene.height);
    for (let y = offsetY; y <= scene.height; y += cellSize) c.moveTo(0, y), c.lineTo(scene.width, y);
    c.strokeStyle = "rgba(255,255,255,0.25)";
    c.lineWidth = 1 / this.view.scale;
    c.stroke();
  }

  otherSelections() {
    const byToken = new Map();
    for (const [playerID, selection] of Object.entries(this.state.selections)) {
      if (playerID === this.state.playerID) continue;
      for (const id of selection.tokenIDs) byToken.set(id, selection.colour);
    }
    return byToken;
  }

  drawToken(token, scene, otherColour) {
    const c = this.context;
    if (token.background) {
      const image = this.image(token.image);
      if (image) c.drawImage(image, 0, 0, scene.width, scene.height);
      return;
    }
    const half = token.size / 2;
    c.save();
    c.translate(token.x, token.y);
    c.rotate((token.rotation * Math.PI) / 180);
    if (token.flipped) c.scale(-1, 1);
    // GM-only tokens show see-through to the GM, so what the table cannot see stands out.
    if (token.hidden) c.globalAlpha = 0.5;
    const image = this.image(token.image);
    if (image) {
      c.drawImage(image, -half, -half, token.size, token.size);
    } else {
      const owner = this.state.players.find((p) => p.id === token.owner);
      c.beginPath();
      c.arc(0, 0, half, 0, Math.PI * 2);
      c.fillStyle = owner?.colour ?? "#94a3b8";
      c.fill();
      c.lineWidth = Math.max(1, token.size / 24);
      c.strokeStyle = "#0f172a";
      c.stroke();
    }
    c.restore();
    const mine = this.selected.includes(token.id);
    const outline = mine ? "#facc15" : otherColour;
    if (outline) {
      c.save();
      c.lineWidth = 3 / this.view.scale;
      c.strokeStyle = outline;
      if (!mine) c.setLineDash([6 / this.view.scale, 4 / this.view.scale]);
      c.strokeRect(token.x - half - 3, token.y - half - 3, token.size + 6, token.size + 6);
      c.restore();
    }
    if (token.label) {
      const fontSize = Math.max(10, 13 / this.view.scale);
      c.font = `600 ${fontSize}px system-ui, sans-serif`;
      c.textAlign = "center";
      c.textBaseline = "top";
      c.lineWidth = fontSize / 4;
      c.strokeStyle = "rgba(0,0,0,0.85)";
      c.strokeText(token.label, token.x, token.y + half + 4);
      c.fillStyle = "#ffffff";
      c.fillText(token.label, token.x, token.y + half + 4);
      const width = c.measureText(token.label).width;
      const corner = toScreen(this.view, token.x - width / 2, token.y + half + 4);
      this.tokenLabelBoxes.push({ ...corner, width: width * this.view.scale, height: fontSize * 1.2 * this.view.scale });
    }
  }

  drawBeacons() {
    const c = this.context;
    const now = performance.now();
    let alive = false;
    for (const beacon of this.state.beacons) {
      if (!this.beaconTimes.has(beacon)) this.beaconTimes.set(beacon, now);
      const age = now - this.beaconTimes.get(beacon);
      if (age > beaconLifetime) continue;
      alive = true;
      const progress = age / beaconLifetime;
      c.beginPath();
      c.arc(beacon.x, beacon.y, (10 + 50 * progress) / this.view.scale, 0, Math.PI * 2);
      c.strokeStyle = beacon.colour;
      c.globalAlpha = 1 - progress;
      c.lineWidth = 4 / this.view.scale;
      c.stroke();
      c.globalAlpha = 1;
    }
    if (alive) this.requestDraw();
  }

  /** Where a token is on screen, for placing things near it. */
  screenPointOf(token) {
    return toScreen(this.view, token.x, token.y);
  }
}
