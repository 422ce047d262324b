// The drawing tool (as pyvtt's): an index card with free-hand lines and typed text, a see-through overlay, or a
// round token framed in the player's colour from a picture. The result is a PNG placed on the scene as a token.
import { h, uniqueID } from "../dom.js";
import { drawingSize, extendStroke, paperOf, wrapText } from "./drawing.js";

const kinds = ["card", "overlay", "token"];

/**
 * @param {object} app
 * @param {object} options
 * @param {() => string} options.colour the player's colour, for the token's border
 * @param {(blob: Blob, kind: string) => Promise<void>} options.onDone places the picture
 */
export function drawingDialog(app, { colour, onDone }) {
  const { t } = app;
  let kind = "card";
  let strokes = [];
  let picture = null;
  let drawing = false;

  const canvas = h("canvas", { class: "drawing-canvas", width: drawingSize, height: drawingSize, "aria-label": t("draw.surface") });
  const context = canvas.getContext("2d");
  const kindName = uniqueID("draw-kind");
  const kindRadios = kinds.map((value) => {
    const id = uniqueID(`draw-${value}`);
    const input = h("input", { id, type: "radio", name: kindName, value, checked: value === kind, onchange: () => setKind(value) });
    return h("span", { class: "check" }, input, h("label", { for: id }, t(`draw.kind.${value}`)));
  });
  const field = (label, input) => h("div", { class: "field" }, h("label", { for: input.id }, label), input);
  const penColour = h("input", { id: uniqueID("draw-colour"), type: "color", value: "#1b1f27" });
  const penWidth = h("input", { id: uniqueID("draw-width"), type: "range", min: 2, max: 40, value: 8 });
  const title = h("input", { id: uniqueID("draw-title"), maxlength: 60, oninput: () => render() });
  const text = h("textarea", { id: uniqueID("draw-text"), rows: 3, maxlength: 600, oninput: () => render() });
  const pictureInput = h("input", { id: uniqueID("draw-picture"), type: "file", accept: "image/*" });
  const zoom = h("input", { id: uniqueID("draw-zoom"), type: "range", min: 1, max: 3, step: 0.05, value: 1, oninput: () => render() });
  const cardFields = h("div", {}, field(t("draw.title"), title), field(t("draw.text"), text));
  const tokenFields = h("div", { hidden: true }, field(t("draw.picture"), pictureInput), field(t("draw.zoom"), zoom));
  const status = h("p", { class: "field-error", role: "alert", hidden: true });
  const headingID = uniqueID("draw-heading");
  const done = h("button", { type: "button", class: "button-primary" }, t("draw.add"));
  const dialog = h("dialog", { class: "drawing-dialog", "aria-labelledby": headingID },
    h("h2", { id: headingID }, t("draw.heading")),
    h("fieldset", { class: "radio-group" }, h("legend", {}, t("draw.kindLabel")), kindRadios),
    h("div", { class: "drawing-body" },
      h("div", { class: "drawing-surface" }, canvas, h("p", { class: "hint" }, t("draw.hint"))),
      h("div", { class: "drawing-tools" },
        cardFields, tokenFields,
        field(t("draw.penColour"), penColour), field(t("draw.penWidth"), penWidth),
        h("div", { class: "token-actions" },
          h("button", { type: "button", onclick: () => { strokes = strokes.slice(0, -1); render(); } }, t("draw.undo")),
          h("button", { type: "button", onclick: () => { strokes = []; render(); } }, t("draw.clear"))))),
    status,
    h("div", { class: "dialog-actions" }, h("button", { type: "button", onclick: () => dialog.close() }, t("draw.cancel")), done));

  function setKind(value) {
    kind = value;
    cardFields.hidden = kind !== "card";
    tokenFields.hidden = kind !== "token";
    canvas.dataset.kind = kind;
    render();
  }

  pictureInput.addEventListener("change", async () => {
    const file = pictureInput.files[0];
    if (!file) return;
    try {
      picture = await createImageBitmap(file);
      status.hidden = true;
    } catch {
      picture = null;
      status.textContent = t("draw.badPicture");
      status.hidden = false;
    }
    render();
  });

  function point(event) {
    const rect = canvas.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * drawingSize) / rect.width, y: ((event.clientY - rect.top) * drawingSize) / rect.height };
  }
  canvas.addEventListener("pointerdown", (event) => {
    canvas.setPointerCapture?.(event.pointerId);
    drawing = true;
    strokes = [...strokes, { colour: penColour.value, width: Number(penWidth.value), points: [point(event)] }];
    render();
  });
  canvas.addEventListener("pointermove", (event) => {
    if (!drawing) return;
    strokes = extendStroke(strokes, point(event), event.shiftKey);
    render();
  });
  for (const type of ["pointerup", "pointercancel"]) canvas.addEventListener(type, () => { drawing = false; });

  function render() {
    const c = context;
    c.clearRect(0, 0, drawingSize, drawingSize);
    c.save();
    if (kind === "card") drawCard(c);
    if (kind === "token") drawTokenFrame(c);
    for (const stroke of strokes) {
      c.beginPath();
      c.lineCap = "round";
      c.lineJoin = "round";
      c.strokeStyle = stroke.colour;
      c.lineWidth = stroke.width;
      stroke.points.forEach((p, i) => (i ? c.lineTo(p.x, p.y) : c.moveTo(p.x, p.y)));
      if (stroke.points.length === 1) c.lineTo(stroke.points[0].x + 0.1, stroke.points[0].y);
      c.stroke();
    }
    c.restore();
    if (kind === "token") drawTokenBorder(c);
  }

  function drawCard(c) {
    const paper = paperOf("card");
    c.fillStyle = "#fffdf5";
    c.fillRect(paper.x, paper.y, paper.width, paper.height);
    c.strokeStyle = "#bfdbfe";
    c.lineWidth = 2;
    for (let y = paper.y + 140; y < paper.y + paper.height; y += 56) {
      c.beginPath();
      c.moveTo(paper.x + 24, y);
      c.lineTo(paper.x + paper.width - 24, y);
      c.stroke();
    }
    c.fillStyle = "#1b1f27";
    c.textBaseline = "alphabetic";
    c.font = "700 64px system-ui, sans-serif";
    c.fillText(title.value, paper.x + 40, paper.y + 100, paper.width - 80);
    c.font = "40px system-ui, sans-serif";
    wrapText(text.value, 44).slice(0, 9).forEach((line, i) => c.fillText(line, paper.x + 40, paper.y + 186 + i * 56, paper.width - 80));
    c.beginPath();
    c.rect(paper.x, paper.y, paper.width, paper.height);
    c.clip();
  }

  const radius = drawingSize * 0.46;
  function drawTokenFrame(c) {
    c.beginPath();
    c.arc(drawingSize / 2, drawingSize / 2, radius, 0, Math.PI * 2);
    c.clip();
    c.fillStyle = "#e5e7eb";
    c.fillRect(0, 0, drawingSize, drawingSize);
    if (picture) {
      // Cover the circle, then zoom into the middle of the picture.
      const scale = ((radius * 2) / Math.min(picture.width, picture.height)) * Number(zoom.value);
      const width = picture.width * scale;
      const height = picture.height * scale;
      c.drawImage(picture, (drawingSize - width) / 2, (drawingSize - height) / 2, width, height);
    }
  }

  function drawTokenBorder(c) {
    c.beginPath();
    c.arc(drawingSize / 2, drawingSize / 2, radius, 0, Math.PI * 2);
    c.lineWidth = drawingSize * 0.04;
    c.strokeStyle = colour();
    c.stroke();
  }

  done.addEventListener("click", async () => {
    done.disabled = true;
    try {
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
      await onDone(blob, kind);
      dialog.close();
      strokes = [];
      title.value = "";
      text.value = "";
    } catch {
      status.textContent = t("draw.failed");
      status.hidden = false;
    } finally {
      done.disabled = false;
    }
  });

  const open = h("button", { type: "button", class: "open-drawing", onclick: () => {
    status.hidden = true;
    setKind(kind);
    dialog.showModal();
  } }, t("draw.open"));
  return { dialog, open };
}
