// The table: the board, the dice tray and roll log, the players, the tokens, and for GMs the scenes.
import { describeError, uploadWithProgress } from "../api.js";
import { clear, h, statusBox, uniqueID } from "../dom.js";
import { describeRoll, formulaForDie, trayDice } from "../dice.js";
import { activeScene, applyEvent, applyWelcome, isGM, mayMove, visibleTokens, withLocalDrag, withoutDrag } from "../game-state.js";
import { TableConnection, createDragThrottle, socketURL } from "../protocol.js";
import { pathFor } from "../routes.js";
import { forgetSeat, loadSeat } from "../seat.js";
import { Board } from "../table/board.js";
import { clampToScene, keyboardStep } from "../table/view.js";

export function render(app, main, { params }) {
  const seat = loadSeat(localStorage, params.gm, params.slug);
  if (!seat) return { redirect: pathFor("join", params) };
  const { t } = app;
  const gamePath = `/games/${encodeURIComponent(params.gm)}/${encodeURIComponent(params.slug)}`;
  let state = null;
  let selected = null;

  const heading = h("h1", { class: "table-title" }, params.slug);
  const connectionText = h("span", {}, t("table.status.connecting"));
  const connectionBox = h("p", { class: "connection connecting", role: "status" }, h("span", { class: "dot", "aria-hidden": "true" }), connectionText);
  const problem = statusBox();
  const helpID = uniqueID("board-help");
  const canvas = h("canvas", { class: "board", tabindex: "0", role: "application", "aria-label": t("table.boardLabel"), "aria-describedby": helpID });
  const zoomButtons = h("div", { class: "zoom-buttons", role: "group", "aria-label": t("table.zoom") },
    h("button", { type: "button", onclick: () => board.zoom(1.25), "aria-label": t("table.zoomIn") }, "+"),
    h("button", { type: "button", onclick: () => board.zoom(0.8), "aria-label": t("table.zoomOut") }, "−"),
    h("button", { type: "button", onclick: () => board.fit() }, t("table.fit")));

  const playerList = h("ul", { class: "players" });
  const tokenList = h("ul", { class: "token-list" });
  const rollLog = h("ol", { class: "roll-log" });
  // Quiet while the snapshot's old rolls fill in; polite from then on, so each new roll is read out once.
  const rollRegion = h("div", { role: "log", "aria-live": "off" }, rollLog);
  const sceneSection = h("section", { class: "panel", hidden: true, "aria-labelledby": "scenes-heading" });
  const shownRolls = new Set();

  const board = new Board(canvas, {
    imageURL: (blobID) => `/api/v1/images/${blobID}`,
    onSelect: select,
    onDrag: drag,
    onDrop: drop,
    onBeacon: (point) => send({ type: "beacon.place", x: Math.round(point.x), y: Math.round(point.y) }),
  });
  const dragThrottle = createDragThrottle((moves) => connection.sendQuietly({ type: "token.drag", moves }));

  const connection = new TableConnection({
    url: socketURL(location, params.gm, params.slug),
    credential: seat.credential,
    createSocket: (url) => new WebSocket(url),
    onWelcome: (welcome) => update(applyWelcome(state, welcome)),
    onEvent: (event) => state && update(applyEvent(state, event)),
    onStatus: showStatus,
  });

  function send(command) {
    return connection.send(command).catch((error) => {
      problem.show(t(`table.error.${error.code}`) === `table.error.${error.code}` ? error.message : t(`table.error.${error.code}`, { message: error.message }));
      throw error;
    });
  }

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
    if (selected && !state.tokens[selected]) selected = null;
    heading.textContent = state.name || params.slug;
    for (const element of main.querySelectorAll(".gm-only")) element.hidden = !isGM(state);
    board.setState(state, selected);
    drawPlayers();
    drawTokens();
    drawRolls();
    drawScenes();
  }

  function select(tokenID) {
    if (selected === tokenID) return;
    selected = tokenID;
    board.setState(state, selected);
    drawTokens();
    connection.sendQuietly({ type: "token.select", tokenIDs: tokenID ? [tokenID] : [] });
    const token = tokenID && state.tokens[tokenID];
    app.announce(token ? t("table.selected", { name: tokenName(token) }) : t("table.deselected"));
  }

  function drag(tokenID, at) {
    const point = clampToScene(activeScene(state), at);
    state = withLocalDrag(state, tokenID, point);
    board.setState(state, selected);
    dragThrottle.move([{ tokenID, ...point }]);
  }

  async function drop(tokenID, at, cancelled) {
    dragThrottle.finish();
    if (cancelled) {
      update(withoutDrag(state, tokenID));
      return;
    }
    const point = clampToScene(activeScene(state), at);
    state = withLocalDrag(state, tokenID, point);
    try {
      await send({ type: "token.move", moves: [{ tokenID, ...point }] });
    } catch {
      update(withoutDrag(state, tokenID));
    }
  }

  function tokenName(token) {
    return token.label || t("table.unnamedToken", { index: visibleTokens(state).filter((x) => !x.background).indexOf(token) + 1 });
  }

  function keyOnBoard(event) {
    if (!state) return;
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const token = selected && state.tokens[selected];
    if (arrows[event.key]) {
      event.preventDefault();
      const [dx, dy] = arrows[event.key];
      if (token && mayMove(state, token)) {
        const step = keyboardStep(activeScene(state), event.shiftKey);
        const point = clampToScene(activeScene(state), { x: token.x + dx * step, y: token.y + dy * step });
        send({ type: "token.move", moves: [{ tokenID: token.id, ...point }] })
          .then(() => app.announce(t("table.moved", { name: tokenName(token), x: point.x, y: point.y })))
          .catch(() => {});
      } else {
        board.pan(-dx * 40, -dy * 40);
      }
    } else if (event.key === "+" || event.key === "=") board.zoom(1.25);
    else if (event.key === "-") board.zoom(0.8);
    else if (event.key === "0") board.fit();
    else if (event.key === "Escape") select(null);
    else if (event.key === "n" || event.key === "p") {
      const tokens = visibleTokens(state).filter((x) => !x.background);
      if (!tokens.length) return;
      const index = tokens.findIndex((x) => x.id === selected);
      const nextIndex = event.key === "n" ? (index + 1) % tokens.length : (index - 1 + tokens.length) % tokens.length;
      select(tokens[nextIndex].id);
    } else if (event.key === "b") {
      const scene = activeScene(state);
      const at = token ?? { x: scene.width / 2, y: scene.height / 2 };
      send({ type: "beacon.place", x: Math.round(at.x), y: Math.round(at.y) }).catch(() => {});
    } else if ((event.key === "Delete" || event.key === "Backspace") && token && mayMove(state, token)) {
      send({ type: "token.delete", tokenIDs: [token.id] }).catch(() => {});
    }
  }
  canvas.addEventListener("keydown", keyOnBoard);

  function drawPlayers() {
    clear(playerList, state.players.filter((p) => p.standing === "active").map((player) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = player.colour;
      return h("li", { class: player.online ? "online" : "offline" }, swatch,
        h("span", { class: "player-name" }, player.name, player.id === state.playerID ? ` ${t("table.you")}` : ""),
        h("span", { class: "player-meta" }, `${t(`table.role.${player.role}`)} · ${t(player.online ? "table.online" : "table.offline")}`));
    }));
  }

  function drawTokens() {
    const tokens = visibleTokens(state).filter((x) => !x.background);
    clear(tokenList, tokens.length ? tokens.map((token) => h("li", {}, h("button", {
      type: "button", class: "token-button", "aria-pressed": String(token.id === selected),
      onclick: () => { select(token.id); canvas.focus(); },
    }, tokenName(token), h("span", { class: "meta" }, ` (${Math.round(token.x)}, ${Math.round(token.y)})`))))
      : h("li", { class: "empty-state" }, t("table.noTokens")));
  }

  function drawRolls() {
    for (const roll of state.rolls) {
      if (shownRolls.has(roll.id)) continue;
      shownRolls.add(roll.id);
      const parts = describeRoll(roll, state.players);
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = parts.colour;
      rollLog.append(h("li", {}, swatch,
        h("span", { class: "roll-line" }, t(parts.private ? "table.rolledPrivately" : "table.rolled", { name: parts.name, formula: parts.formula }), " ",
          h("strong", { class: "roll-total" }, new Intl.NumberFormat(app.i18n.locale).format(parts.total))),
        h("span", { class: "roll-breakdown" }, parts.breakdown)));
    }
    rollLog.scrollTop = rollLog.scrollHeight;
    rollRegion.setAttribute("aria-live", "polite");
  }

  function drawScenes() {
    sceneSection.hidden = !isGM(state);
    if (!isGM(state)) return;
    const nameID = uniqueID("scene-name");
    const nameInput = h("input", { id: nameID, required: true, maxlength: 30 });
    const form = h("form", { class: "inline-form" }, h("label", { for: nameID }, t("table.sceneName")), nameInput,
      h("button", { type: "submit" }, t("table.addScene")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (nameInput.value.trim()) send({ type: "scene.create", name: nameInput.value.trim() }).catch(() => {});
    });
    clear(sceneSection, h("h2", { id: "scenes-heading" }, t("table.scenes")),
      h("ul", { class: "scene-strip" }, state.scenes.map((scene) => h("li", { "aria-current": scene.id === state.activeSceneID ? "true" : null },
        h("span", {}, scene.name),
        scene.id === state.activeSceneID ? h("span", { class: "meta" }, t("table.activeScene"))
          : h("button", { type: "button", onclick: () => send({ type: "scene.activate", sceneID: scene.id }).catch(() => {}) }, t("table.showScene"))))),
      form);
  }

  function diceTray() {
    const formulaID = uniqueID("formula");
    const privateID = uniqueID("private");
    const formula = h("input", { id: formulaID, autocomplete: "off", maxlength: 200, placeholder: "2d6+1", spellcheck: "false" });
    const secret = h("input", { id: privateID, type: "checkbox" });
    const roll = (text) => send({ type: "dice.roll", formula: text, private: secret.checked }).catch(() => {});
    const form = h("form", { class: "formula-form" },
      h("label", { for: formulaID }, t("table.formula")), formula,
      h("div", { class: "check" }, secret, h("label", { for: privateID }, t("table.private"))),
      h("button", { type: "submit", class: "button-primary" }, t("table.roll")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (formula.value.trim()) roll(formula.value.trim());
    });
    return h("section", { class: "panel", "aria-labelledby": "dice-heading" }, h("h2", { id: "dice-heading" }, t("table.dice")),
      h("div", { class: "dice-buttons" }, trayDice.map((sides) => h("button", {
        type: "button", class: "die", "aria-label": t("table.rollDie", { sides }), onclick: () => roll(formulaForDie(sides)),
      }, `d${sides}`))),
      form);
  }

  function imageUpload() {
    const inputID = uniqueID("token-image");
    const input = h("input", { id: inputID, type: "file", accept: "image/png,image/jpeg,image/webp,image/gif" });
    const asBackgroundID = uniqueID("as-background");
    const asBackground = h("input", { id: asBackgroundID, type: "checkbox" });
    const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-label": t("table.uploading") });
    const gmOnly = h("div", { class: "check gm-only", hidden: true }, asBackground, h("label", { for: asBackgroundID }, t("table.asBackground")));
    input.addEventListener("change", async () => {
      const file = input.files[0];
      if (!file || !state) return;
      progress.hidden = false;
      try {
        const image = await uploadWithProgress(`${gamePath}/images`, file, {
          headers: { "X-Game-Credential": seat.credential },
          onProgress: (f) => { progress.value = f; },
        });
        const scene = activeScene(state);
        if (asBackground.checked && isGM(state)) {
          await send({ type: "scene.update", sceneID: scene.id, background: image.sha256 });
        } else {
          const size = scene.grid?.cellSize ?? 64;
          await send({ type: "token.create", sceneID: scene.id, tokens: [{ image: image.sha256, x: Math.round(scene.width / 2), y: Math.round(scene.height / 2), size }] });
        }
        app.announce(t("table.imageAdded"));
      } catch (error) {
        if (!(error?.code)) problem.show(describeError(error, t));
      } finally {
        progress.hidden = true;
        input.value = "";
      }
    });
    return h("section", { class: "panel", "aria-labelledby": "images-heading" }, h("h2", { id: "images-heading" }, t("table.images")),
      h("label", { for: inputID }, t("table.addImage")), input, gmOnly, progress);
  }

  main.append(h("div", { class: "table-layout" },
    h("div", { class: "board-area" },
      h("div", { class: "board-toolbar" }, heading, connectionBox, zoomButtons),
      problem.element,
      canvas,
      h("p", { id: helpID, class: "board-help" }, t("table.boardHelp"))),
    h("aside", { class: "side-panel", "aria-label": t("table.sidePanel") },
      diceTray(),
      h("section", { class: "panel", "aria-labelledby": "log-heading" }, h("h2", { id: "log-heading" }, t("table.rolls")), rollRegion),
      h("section", { class: "panel", "aria-labelledby": "players-heading" }, h("h2", { id: "players-heading" }, t("table.players")), playerList),
      h("section", { class: "panel", "aria-labelledby": "tokens-heading" }, h("h2", { id: "tokens-heading" }, t("table.tokens")), tokenList),
      imageUpload(),
      sceneSection)));
  document.body.classList.add("on-table");
  connection.start();
  return () => {
    document.body.classList.remove("on-table");
    connection.stop();
    board.destroy();
  };
}
