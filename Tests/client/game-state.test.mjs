import assert from "node:assert/strict";
import { test } from "node:test";
import { activeScene, applyEvent, applyWelcome, isGM, mayMove, visibleTokens, withLocalDrag } from "../../Sources/SZServer/Client/js/game-state.js";

const wolf = { id: "t-wolf", sceneID: "s-camp", image: "5e".repeat(32), x: 320, y: 200, size: 64, rotation: 0, flipped: false,
  label: "Wolf", locked: false, z: 3, owner: "p-ann", hidden: false, background: false };
const snapshot = {
  sequence: 43, gameID: "g-1", name: "Tuesday table", flags: { playersControlMusic: false },
  players: [
    { id: "p-gina", name: "Gina", colour: "#112233", role: "gm", standing: "active", online: true },
    { id: "p-ann", name: "Ann", colour: "#aa0000", role: "player", standing: "active", online: true },
  ],
  scenes: [{ id: "s-camp", name: "Camp", width: 1008, height: 567, grid: { cellSize: 48, offsetX: 0, offsetY: 0, shown: true } }],
  activeSceneID: "s-camp", tokens: [wolf], music: [{ slot: 0, playback: "stopped", loop: true, volume: 1 }], rolls: [],
};
const welcome = (playerID) => ({ type: "welcome", protocol: 1, playerID, sequence: 43, snapshot });

test("a snapshot welcome builds the board the viewer may see", () => {
  const state = applyWelcome(null, welcome("p-ann"));
  assert.equal(state.sequence, 43);
  assert.equal(activeScene(state).name, "Camp");
  assert.deepEqual(visibleTokens(state).map((t) => t.id), ["t-wolf"]);
  assert.equal(isGM(state), false);
  assert.equal(isGM(applyWelcome(null, welcome("p-gina"))), true);
});

test("a resuming welcome applies only the events the client missed", () => {
  const state = applyWelcome(null, welcome("p-ann"));
  const resumed = applyWelcome(state, { type: "welcome", protocol: 1, playerID: "p-ann", sequence: 45, events: [
    { type: "token.updated", sequence: 43, tokens: [{ ...wolf, x: 999 }] },
    { type: "token.updated", sequence: 44, tokens: [{ ...wolf, x: 400 }] },
    { type: "player.updated", sequence: 45, player: { ...snapshot.players[1], online: false } },
  ] });
  assert.equal(resumed.tokens["t-wolf"].x, 400, "the event at 43 was seen already and is skipped");
  assert.equal(resumed.players[1].online, false);
  assert.equal(resumed.sequence, 45);
  assert.throws(() => applyWelcome(null, { type: "welcome", sequence: 1, events: [] }), /needs the state/);
});

test("token events create, move and delete tokens; a committed move ends a drag", () => {
  let state = applyWelcome(null, welcome("p-gina"));
  state = applyEvent(state, { type: "token.dragged", playerID: "p-ann", moves: [{ tokenID: "t-wolf", x: 380, y: 215 }] });
  assert.equal(visibleTokens(state)[0].x, 380);
  assert.equal(state.tokens["t-wolf"].x, 320, "a drag is shown, never stored");
  state = applyEvent(state, { type: "token.updated", sequence: 44, tokens: [{ ...wolf, x: 440, y: 220 }] });
  assert.deepEqual([visibleTokens(state)[0].x, state.drags["t-wolf"]], [440, undefined]);
  state = applyEvent(state, { type: "token.created", sequence: 45, tokens: [{ ...wolf, id: "t-cub", z: 1 }] });
  assert.deepEqual(visibleTokens(state).map((t) => t.id), ["t-cub", "t-wolf"], "lower z first");
  state = applyEvent(state, { type: "token.selected", playerID: "p-ann", colour: "#aa0000", tokenIDs: ["t-cub"] });
  state = applyEvent(state, { type: "token.deleted", sequence: 46, tokenIDs: ["t-cub"] });
  assert.deepEqual(Object.keys(state.tokens), ["t-wolf"]);
  assert.deepEqual(state.selections["p-ann"].tokenIDs, []);
  assert.equal(state.sequence, 46);
});

test("the viewer's own drag echoes are ignored, and a local drag shows at once", () => {
  let state = applyWelcome(null, welcome("p-ann"));
  state = withLocalDrag(state, "t-wolf", { x: 10, y: 20 });
  state = applyEvent(state, { type: "token.dragged", playerID: "p-ann", moves: [{ tokenID: "t-wolf", x: 500, y: 500 }] });
  assert.deepEqual([visibleTokens(state)[0].x, visibleTokens(state)[0].y], [10, 20]);
});

test("scenes: created, reordered, activated (the table's board is replaced), deleted", () => {
  let state = applyWelcome(null, welcome("p-ann"));
  const lair = { id: "s-lair", name: "Lair", width: 800, height: 600, grid: { cellSize: 50, offsetX: 0, offsetY: 0, shown: false } };
  state = applyEvent(state, { type: "scene.activated", sequence: 44, scene: lair, tokens: [{ ...wolf, id: "t-drake", sceneID: "s-lair" }] });
  assert.equal(activeScene(state).id, "s-lair");
  assert.deepEqual(Object.keys(state.tokens), ["t-drake"], "players keep only the shown scene's tokens");
  let gm = applyWelcome(null, welcome("p-gina"));
  gm = applyEvent(gm, { type: "scene.created", sequence: 44, scene: lair });
  gm = applyEvent(gm, { type: "scene.reordered", sequence: 45, sceneIDs: ["s-lair", "s-camp"] });
  assert.deepEqual(gm.scenes.map((s) => s.id), ["s-lair", "s-camp"]);
  gm = applyEvent(gm, { type: "scene.activated", sequence: 46, scene: lair, tokens: [] });
  assert.deepEqual(Object.keys(gm.tokens), ["t-wolf"], "GMs keep every scene's tokens");
  gm = applyEvent(gm, { type: "scene.deleted", sequence: 47, sceneID: "s-camp" });
  assert.deepEqual([gm.scenes.length, Object.keys(gm.tokens).length], [1, 0]);
});

test("rolls, music, players and beacons", () => {
  let state = applyWelcome(null, welcome("p-ann"));
  const roll = { id: "r-1", playerID: "p-ann", colour: "#aa0000", private: false,
    roll: { formula: "2d6+1", total: 9, breakdown: "2d6 [4, 4] + 1 = 9", terms: [] } };
  for (let i = 0; i < 60; i += 1) state = applyEvent(state, { type: "dice.rolled", sequence: 44 + i, roll: { ...roll, id: `r-${i}` } });
  assert.equal(state.rolls.length, 50);
  assert.equal(state.rolls.at(-1).id, "r-59");
  state = applyEvent(state, { type: "music.updated", sequence: 200, music: { slot: 0, track: "c0".repeat(32), playback: "playing", loop: true, volume: 0.5 } });
  assert.equal(state.music[0].playback, "playing");
  state = applyEvent(state, { type: "player.joined", sequence: 201, player: { id: "p-zed", name: "Zed", colour: "#abcdef", role: "spectator", standing: "active", online: false } });
  assert.equal(state.players.length, 3);
  state = applyEvent(state, { type: "beacon.placed", playerID: "p-gina", colour: "#112233", x: 5, y: 6 });
  assert.equal(state.beacons.length, 1);
  assert.equal(applyEvent(state, { type: "something.new", sequence: 202 }).sequence, 202, "unknown events still advance");
});

test("who may move a token: GMs any unlocked one, players their own, spectators none", () => {
  const gm = applyWelcome(null, welcome("p-gina"));
  const ann = applyWelcome(null, welcome("p-ann"));
  assert.equal(mayMove(gm, wolf), true);
  assert.equal(mayMove(gm, { ...wolf, locked: true }), false);
  assert.equal(mayMove(ann, wolf), true);
  assert.equal(mayMove(ann, { ...wolf, owner: "p-gina" }), false);
  const kicked = applyEvent(ann, { type: "player.updated", sequence: 44, player: { ...snapshot.players[1], standing: "kicked" } });
  assert.equal(mayMove(kicked, wolf), false);
});
