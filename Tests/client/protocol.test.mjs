import assert from "node:assert/strict";
import { test } from "node:test";
import { CommandError, TableConnection, createDragThrottle, reconnectDelay, socketURL } from "../../Sources/SZServer/Client/js/protocol.js";

/** A WebSocket stand-in: records what the client sends; the test plays the server. */
class FakeSocket {
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closed = false;
  }
  send(text) { this.sent.push(JSON.parse(text)); }
  close() { this.closed = true; }
  open() { this.onopen?.(); }
  receive(frame) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  receiveLines(...frames) { this.onmessage?.({ data: frames.map((frame) => JSON.stringify(frame)).join("\n") }); }
  drop() { this.onclose?.({}); }
}

/** Timers run by hand. */
function manualTimers() {
  const queue = [];
  return {
    queue,
    setTimeout(fn, delay) { queue.push({ fn, delay }); return queue.length; },
    clearTimeout(id) { if (queue[id - 1]) queue[id - 1].fn = () => {}; },
    runAll() { while (queue.length) queue.shift().fn(); },
  };
}

function connect() {
  const sockets = [];
  const statuses = [];
  const welcomes = [];
  const events = [];
  const timers = manualTimers();
  const connection = new TableConnection({
    url: "ws://host/api/v1/games/ann/x/socket", credential: "secret",
    createSocket: (url) => { const s = new FakeSocket(url); sockets.push(s); return s; },
    onWelcome: (w) => welcomes.push(w), onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s),
    timers, random: () => 0,
  });
  connection.start();
  return { connection, sockets, statuses, welcomes, events, timers };
}

test("the first hello carries the credential and no last sequence", () => {
  const { sockets, statuses } = connect();
  sockets[0].open();
  assert.deepEqual(sockets[0].sent, [{ type: "hello", protocol: 1, credential: "secret" }]);
  assert.deepEqual(statuses, ["connecting"]);
});

test("commands get client ids and settle on their ack or error; commands before the welcome are refused", async () => {
  const { connection, sockets, statuses } = connect();
  await assert.rejects(connection.send({ type: "dice.roll", formula: "1d20" }), (e) => e instanceof CommandError && e.code === "offline");
  sockets[0].open();
  sockets[0].receive({ type: "welcome", protocol: 1, playerID: "p-ann", sequence: 7, events: [] });
  assert.equal(statuses.at(-1), "online");
  const rolled = connection.send({ type: "dice.roll", formula: "1d20" });
  const moved = connection.send({ type: "token.move", moves: [] });
  const [first, second] = sockets[0].sent.slice(1);
  assert.notEqual(first.clientID, second.clientID);
  sockets[0].receive({ type: "error", clientID: second.clientID, code: "forbidden", message: "token t-wolf is locked" });
  sockets[0].receive({ type: "ack", clientID: first.clientID, sequence: 8 });
  assert.equal(await rolled, 8);
  await assert.rejects(moved, { code: "forbidden", message: "token t-wolf is locked" });
});

test("a server message with several lines is read line by line, in order", async () => {
  const { connection, sockets, events, timers } = connect();
  sockets[0].open();
  sockets[0].receive({ type: "welcome", protocol: 1, playerID: "p-ann", sequence: 7, events: [] });
  const rolled = connection.send({ type: "dice.roll", formula: "1d20" });
  const { clientID } = sockets[0].sent.at(-1);
  sockets[0].receiveLines(
    { type: "dice.rolled", sequence: 8, roll: { total: 12 } },
    { type: "ack", clientID, sequence: 8 },
    { type: "token.deleted", sequence: 9, tokenIDs: ["t-wolf"] },
  );
  assert.equal(await rolled, 8);
  assert.deepEqual(events.map((event) => event.sequence), [8, 9]);
  sockets[0].drop();
  timers.runAll();
  sockets[1].open();
  assert.equal(sockets[1].sent[0].lastSequence, 9);
});

test("after a drop it reconnects with backoff and resumes from the last event's sequence", async () => {
  const { connection, sockets, statuses, events, timers } = connect();
  sockets[0].open();
  sockets[0].receive({ type: "welcome", protocol: 1, playerID: "p-ann", sequence: 7, snapshot: {} });
  sockets[0].receive({ type: "token.dragged", playerID: "p-gina", moves: [] });
  sockets[0].receive({ type: "dice.rolled", sequence: 9, roll: {} });
  const pending = connection.send({ type: "dice.roll", formula: "1d6" });
  sockets[0].drop();
  await assert.rejects(pending, { code: "offline" });
  assert.equal(statuses.at(-1), "reconnecting");
  assert.equal(timers.queue[0].delay, 500);
  timers.runAll();
  sockets[1].open();
  assert.deepEqual(sockets[1].sent[0], { type: "hello", protocol: 1, credential: "secret", lastSequence: 9 });
  assert.equal(events.length, 2);
  sockets[1].drop();
  assert.equal(timers.queue[0].delay, 1000, "an attempt that fails before its welcome doubles the wait");
  timers.runAll();
  sockets[2].open();
  sockets[2].receive({ type: "welcome", protocol: 1, playerID: "p-ann", sequence: 9, events: [] });
  sockets[2].drop();
  assert.equal(timers.queue[0].delay, 500, "a welcome starts the backoff over");
});

test("a refused handshake or a removal stops reconnecting", () => {
  const { sockets, statuses, timers } = connect();
  sockets[0].open();
  sockets[0].receive({ type: "error", clientID: null, code: "unauthorized", message: "unknown credential" });
  sockets[0].drop();
  assert.equal(statuses.at(-1), "closed");
  assert.equal(timers.queue.length, 0);
  const other = connect();
  other.sockets[0].open();
  other.sockets[0].receive({ type: "welcome", protocol: 1, playerID: "p", sequence: 1, events: [] });
  other.sockets[0].receive({ type: "closed", reason: "removed" });
  other.sockets[0].drop();
  assert.equal(other.timers.queue.length, 0);
  const slow = connect();
  slow.sockets[0].open();
  slow.sockets[0].receive({ type: "closed", reason: "tooSlow" });
  slow.sockets[0].drop();
  assert.equal(slow.timers.queue.length, 1, "a slow client comes back");
});

test("reconnect delays grow to a cap with some jitter", () => {
  assert.deepEqual([1, 2, 3, 6, 10].map((a) => reconnectDelay(a, () => 0)), [500, 1000, 2000, 15000, 15000]);
  assert.equal(reconnectDelay(1, () => 1), 625);
});

test("drags are throttled to one frame per interval with only the latest position of each token", () => {
  let clock = 0;
  const timers = manualTimers();
  const sent = [];
  const throttle = createDragThrottle((moves) => sent.push(moves), { interval: 100, now: () => clock, timers });
  throttle.move([{ tokenID: "a", x: 1, y: 1 }]);
  assert.equal(sent.length, 1, "the first move goes at once");
  clock = 20;
  throttle.move([{ tokenID: "a", x: 2, y: 2 }]);
  clock = 40;
  throttle.move([{ tokenID: "a", x: 3, y: 3 }, { tokenID: "b", x: 9, y: 9 }]);
  assert.equal(sent.length, 1);
  assert.equal(timers.queue.length, 1);
  assert.equal(timers.queue[0].delay, 80);
  clock = 100;
  timers.runAll();
  assert.deepEqual(sent[1], [{ tokenID: "a", x: 3, y: 3 }, { tokenID: "b", x: 9, y: 9 }]);
  clock = 150;
  throttle.move([{ tokenID: "a", x: 4, y: 4 }]);
  throttle.finish();
  timers.runAll();
  assert.equal(sent.length, 2, "finishing drops the pending drag: the drop is a committed move");
});

test("the socket URL follows the page's scheme and host", () => {
  assert.equal(socketURL({ protocol: "https:", host: "vtt.example:8443" }, "ann", "a b"), "wss://vtt.example:8443/api/v1/games/ann/a%20b/socket");
  assert.equal(socketURL({ protocol: "http:", host: "127.0.0.1:8080" }, "ann", "x"), "ws://127.0.0.1:8080/api/v1/games/ann/x/socket");
});
