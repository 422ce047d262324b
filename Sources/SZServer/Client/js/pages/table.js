// The table: the board, the dice tray and roll log, the selected token, the tokens, the players, images, music,
// and for GMs the scenes. Each panel lives in its own module under table/; this page wires them to the socket.
import { describeError, uploadWithProgress } from "../api.js";
import { h, statusBox, uniqueID } from "../dom.js";
import { activeScene, applyEvent, applyWelcome, mayMove, me, visibleTokens, withLocalDrag, withoutDrag } from "../game-state.js";
import { sessionCountdown } from "../game-schedule.js";
import { shortcutKey } from "../keys.js";
import { TableConnection, createDragThrottle, socketURL } from "../protocol.js";
import { pathFor } from "../routes.js";
import { forgetSeat, loadSeat } from "../seat.js";
import { assetsPanel } from "../table/assets-panel.js";
import { Board } from "../table/board.js";
import { drawingDialog } from "../table/drawing-dialog.js";
import { placedSize } from "../table/drawing.js";
import { dicePanel } from "../table/dice-panel.js";
import { musicPanel } from "../table/music-panel.js";
import { playersPanel } from "../table/players-panel.js";
import { rollLog } from "../table/roll-log.js";
import { measure } from "../table/ruler.js";
import { scenesPanel } from "../table/scenes-panel.js";
import { sessionSheetDialog } from "../table/session-sheet-dialog.js";
import { tokenList } from "../table/token-list.js";
import { tokenPanel } from "../table/token-panel.js";
import { clampToScene, groupMoves, keyboardStep, pickSelection } from "../table/view.js";
import { sendThumbnail } from "../thumbnail.js";

export function render(app, main, { params, query }) {
  const seat = loadSeat(localStorage, params.gm, params.slug);
  if (!seat) return { redirect: pathFor("join", params) + location.search };
  const { t } = app;
  const gamePath = `/games/${encodeURIComponent(params.gm)}/${encodeURIComponent(params.slug)}`;
  let state = null;
  /** The ids of the tokens this viewer has selected, in the order they were picked. */
  let selected = [];

  const heading = h("h1", { class: "table-title" }, params.slug);
  const connectionText = h("span", {}, t("table.status.connecting"));
  const connectionBox = h("p", { class: "connection connecting", role: "status" }, h("span", { class: "dot", "aria-hidden": "true" }), connectionText);
  const problem = statusBox();
  const countdown = sessionCountdown(app, gamePath, query);
  const helpID = uniqueID("board-help");
  const canvas = h("canvas", { class: "board", tabindex: "0", role: "application", "aria-label": t("table.boardLabel"), "aria-describedby": helpID });
  const rulerOutput = h("p", { class: "ruler-output", role: "status" });
  const rulerButton = h("button", { type: "button", "aria-pressed": "false", onclick: () => setMeasuring(!board.measuring) }, t("ruler.button"));
  const areaButton = h("button", { type: "button", "aria-pressed": "false", onclick: () => setSelectingArea(!board.selectingArea) }, t("table.selectArea"));
  const zoomButtons = h("div", { class: "zoom-buttons", role: "group", "aria-label": t("table.zoom") },
    h("button", { type: "button", onclick: () => board.zoom(1.25), "aria-label": t("table.zoomIn") }, "+"),
    h("button", { type: "button", onclick: () => board.zoom(0.8), "aria-label": t("table.zoomOut") }, "−"),
    h("button", { type: "button", onclick: () => board.fit() }, t("table.fit")),
    rulerButton,
    areaButton);

  const board = new Board(canvas, {
    imageURL: (blobID) => `/api/v1/images/${blobID}`,
    onPick: (tokenID, toggle) => setSelection(pickSelection(selected, tokenID, toggle)),
    onBoxSelect: (tokenIDs) => setSelection([...new Set([...selected, ...tokenIDs])]),
    onDrag: drag,
    onDrop: drop,
    onBeacon: (point) => send({ type: "beacon.place", x: Math.round(point.x), y: Math.round(point.y) }).catch(() => {}),
    onMeasure: (line) => {
      rulerOutput.textContent = line && state ? describeDistance(line) : "";
    },
  });
  const dragThrottle = createDragThrottle((moves) => connection.sendQuietly({ type: "token.drag", moves }));

  const connection = new TableConnection({
    url: socketURL(location, params.gm, params.slug),
    credential: seat.credential,
    createSocket: (url) => new WebSocket(url),
    onWelcome: (welcome) => update(applyWelcome(state, welcome)),
    onEvent: (event) => {
      if (!state) return;
      update(applyEvent(state, event));
      if (event.type === "session.changed") sessionSheet.changed();
      // A ping is only a picture on the board; screen readers hear who pinged.
      if (event.type === "beacon.placed" && event.playerID !== state.playerID) {
        const name = state.players.find((p) => p.id === event.playerID)?.name ?? "?";
        app.announce(t("table.pinged", { name }));
      }
    },
    onStatus: showStatus,
  });

  function send(command) {
    return connection.send(command).catch((error) => {
      const key = `table.error.${error.code}`;
      problem.show(t(key) === key ? error.message : t(key, { message: error.message }));
      throw error;
    });
  }

  const tokens = tokenPanel(app, { send, nameOf: tokenName });
  const list = tokenList(app, {
    nameOf: tokenName,
    onPick: (tokenID, toggle) => {
      setSelection(pickSelection(selected, tokenID, toggle));
      canvas.focus();
    },
  });
  const rolls = rollLog(app);
  const players = playersPanel(app, { send });
  const scenes = scenesPanel(app, { send });
  const music = musicPanel(app, { send, gamePath, credential: seat.credential, showProblem: (m) => problem.show(m) });
  const dice = dicePanel(app, { send, showProblem: (m) => problem.show(m), storageKey: `sz.rollCharacter.${params.gm}/${params.slug}` });

  function showStatus(status, detail = {}) {
    connectionBox.className = `connection ${status}`;
    if (status === "closed" && detail.reason && detail.reason !== "stopped") {
      connectionText.textContent = t("table.status.closed");
      problem.show(t(`table.closed.${detail.reason}`));
      if (["unauthorized", "forbidden", "removed"].includes(detail.reason)) {
        forgetSeat(localStorage, params.gm, params.slug);
        problem.element.append(" ", h("a", { href: pathFor("join", params), "data-link": true }, t("table.joinAgain")));
      }
    } else {
      connectionText.textContent = t(`table.status.${status}`);
      if (status === "online") problem.hide();
    }
  }

  function update(next) {
    state = next;
    selected = selected.filter((id) => state.tokens[id]);
    heading.textContent = state.name || params.slug;
    // Spectators only watch: the tools that send commands are not offered to them.
    const watching = me(state)?.role === "spectator";
    for (const element of [dice, assets.element, tokens.element]) element.hidden = watching;
    board.setState(state, selected);
    tokens.refresh(state, selected);
    players.refresh(state);
    scenes.refresh(state);
    music.refresh(state);
    assets.refresh(state);
    list.refresh(state, selected);
    rolls.refresh(state);
  }

  function setSelection(tokenIDs) {
    if (tokenIDs.length === selected.length && tokenIDs.every((id, i) => id === selected[i])) return;
    selected = tokenIDs;
    board.setState(state, selected);
    tokens.refresh(state, selected);
    list.refresh(state, selected);
    connection.sendQuietly({ type: "token.select", tokenIDs: selected });
    const names = selected.map((id) => tokenName(state.tokens[id]));
    app.announce(names.length ? t("table.selected", { name: names.join(", ") }) : t("table.deselected"));
  }

  function clamped(moves) {
    const scene = activeScene(state);
    return moves.map((move) => ({ tokenID: move.tokenID, ...clampToScene(scene, move) }));
  }

  function withDrags(moves) {
    return moves.reduce((next, move) => withLocalDrag(next, move.tokenID, { x: move.x, y: move.y }), state);
  }

  function drag(moves) {
    const points = clamped(moves);
    state = withDrags(points);
    board.setState(state, selected);
    dragThrottle.move(points);
  }

  async function drop(moves, cancelled) {
    dragThrottle.finish();
    const undo = () => update(moves.reduce((next, move) => withoutDrag(next, move.tokenID), state));
    if (cancelled) return undo();
    const points = clamped(moves);
    state = withDrags(points);
    try {
      await send({ type: "token.move", moves: points });
    } catch {
      undo();
    }
  }

  function tokenName(token) {
    return token.label || t("table.unnamedToken", { index: visibleTokens(state).filter((x) => !x.background).findIndex((x) => x.id === token.id) + 1 });
  }

  function describeDistance(line) {
    const distance = measure(activeScene(state), line.from, line.to);
    return t(distance.byGrid ? "ruler.cells" : "ruler.units", { count: distance.cells });
  }

  /** Area selection and the ruler both take over a drag, so turning one on turns the other off. */
  function setSelectingArea(on) {
    board.setSelectingArea(on);
    areaButton.setAttribute("aria-pressed", String(on));
    if (on && board.measuring) setMeasuring(false);
    if (on) app.announce(t("table.selectAreaOn"));
  }

  function setMeasuring(on) {
    board.setMeasuring(on);
    rulerButton.setAttribute("aria-pressed", String(on));
    if (!on) return;
    if (board.selectingArea) setSelectingArea(false);
    // The keyboard's ruler starts at the selected token (or the middle of the scene); arrow keys move its end.
    const scene = activeScene(state);
    const token = state.tokens[selected[0]];
    const from = token ? { x: token.x, y: token.y } : { x: scene.width / 2, y: scene.height / 2 };
    board.setMeasure({ from, to: from });
    app.announce(t("ruler.on"));
  }

  function keyOnBoard(event) {
    if (!state) return;
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const chosen = selected.map((id) => state.tokens[id]);
    const token = chosen[0];
    const key = shortcutKey(event);
    if (board.measuring && board.measureLine && arrows[key]) {
      event.preventDefault();
      const [dx, dy] = arrows[key];
      const step = keyboardStep(activeScene(state), event.shiftKey);
      const { from, to } = board.measureLine;
      board.setMeasure({ from, to: { x: to.x + dx * step, y: to.y + dy * step } });
      app.announce(rulerOutput.textContent);
      return;
    }
    if (tokens.handleKey(event)) return;
    if (arrows[key]) {
      event.preventDefault();
      const [dx, dy] = arrows[key];
      const movable = chosen.filter((x) => mayMove(state, x));
      if (movable.length) {
        const step = keyboardStep(activeScene(state), event.shiftKey);
        const moves = clamped(groupMoves(movable.map((x) => ({ tokenID: x.id, x: x.x, y: x.y })), dx * step, dy * step));
        send({ type: "token.move", moves })
          .then(() => app.announce(t("table.moved", { name: movable.map(tokenName).join(", "), x: moves[0].x, y: moves[0].y })))
          .catch(() => {});
      } else {
        board.pan(-dx * 40, -dy * 40);
      }
    } else if (key === "+" || key === "=") board.zoom(1.25);
    else if (key === "-") board.zoom(0.8);
    else if (key === "0") board.fit();
    else if (key === "m") setMeasuring(!board.measuring);
    else if (key === "Escape") {
      if (board.measuring) setMeasuring(false);
      else if (board.selectingArea) setSelectingArea(false);
      else setSelection([]);
    } else if ((event.ctrlKey || event.metaKey) && key === "a") {
      event.preventDefault();
      setSelection(visibleTokens(state).filter((x) => !x.background).map((x) => x.id));
    } else if (key === "n" || key === "p" || key === "N" || key === "P") {
      // N and P step through the tokens; with Shift the next one joins the selection.
      const shown = visibleTokens(state).filter((x) => !x.background);
      if (!shown.length) return;
      const index = shown.findIndex((x) => x.id === selected[selected.length - 1]);
      const forward = key.toLowerCase() === "n";
      const nextIndex = forward ? (index + 1) % shown.length : (index - 1 + shown.length) % shown.length;
      setSelection(pickSelection(selected, shown[nextIndex].id, event.shiftKey));
    } else if (key === "b") {
      const scene = activeScene(state);
      const at = token ?? { x: scene.width / 2, y: scene.height / 2 };
      send({ type: "beacon.place", x: Math.round(at.x), y: Math.round(at.y) }).catch(() => {});
    } else if ((key === "Delete" || key === "Backspace") && chosen.length && chosen.every((x) => mayMove(state, x))) {
      send({ type: "token.delete", tokenIDs: selected }).catch(() => {});
    }
  }
  canvas.addEventListener("keydown", keyOnBoard);

  async function uploadImage(file, asBackground) {
    const image = await uploadWithProgress(`${gamePath}/images${asBackground ? "?purpose=background" : ""}`, file, {
      headers: { "X-Game-Credential": seat.credential },
    });
    await sendThumbnail(app.api, `${gamePath}/images/${image.sha256}`, file, { "X-Game-Credential": seat.credential });
    return image.sha256;
  }

  /** An uploaded image as the scene's background, or as a token in the middle of the scene. */
  async function placeImage(blobID, { asBackground, hidden, size }) {
    const scene = activeScene(state);
    if (asBackground) {
      await send({ type: "scene.update", sceneID: scene.id, background: blobID });
      return;
    }
    const token = { image: blobID, x: Math.round(scene.width / 2), y: Math.round(scene.height / 2), size: size ?? scene.grid?.cellSize ?? 64 };
    if (hidden) token.hidden = true;
    await send({ type: "token.create", sceneID: scene.id, tokens: [token] });
  }

  const drawing = drawingDialog(app, {
    colour: () => me(state)?.colour ?? "#1d4ed8",
    onDone: async (blob, kind) => placeImage(await uploadImage(blob, false), { size: placedSize(kind, activeScene(state)) }),
  });
  const sessionSheet = sessionSheetDialog(app, { gamePath, credential: seat.credential, isGM: () => me(state)?.role === "gm" });
  const assets = assetsPanel(app, {
    addFile: async (file, placement) => placeImage(await uploadImage(file, placement.asBackground), placement),
    place: placeImage,
    otherImages: app.user ? (cursor) => app.api.get("/me/images", { query: { except: params.slug, cursor, limit: 24 } }) : null,
    adopt: (blobID) => app.api.request("PUT", `${gamePath}/images/${blobID}`, { headers: { "X-Game-Credential": seat.credential } }),
    // Command errors are shown by `send` already; upload errors are explained here.
    fail: (error) => error?.code || problem.show(describeError(error, t)),
    dropTarget: canvas,
    drawButton: drawing.open,
  });

  main.append(h("div", { class: "table-layout" },
    h("div", { class: "board-area" },
      h("div", { class: "board-toolbar" }, heading, connectionBox, zoomButtons, sessionSheet.button),
      problem.element,
      countdown.element,
      canvas,
      rulerOutput,
      // Folded away to leave the board its room; the board's description still reads it to screen readers.
      h("details", { class: "board-help" }, h("summary", {}, t("table.helpSummary")), h("p", { id: helpID }, t("table.boardHelp")))),
    h("aside", { class: "side-panel", "aria-label": t("table.sidePanel") },
      dice,
      rolls.element,
      tokens.element,
      list.element,
      players.element,
      assets.element,
      scenes.element,
      music.element)),
    drawing.dialog,
    sessionSheet.dialog);
  document.body.classList.add("on-table");
  connection.start();
  return () => {
    document.body.classList.remove("on-table");
    connection.stop();
    countdown.stop();
    music.stop();
    board.destroy();
  };
}
