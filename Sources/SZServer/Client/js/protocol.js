// The WebSocket connection to a game (docs/protocol.md, version 1): the hello handshake with the credential and
// the last sequence seen, commands matched to their ack or error by clientID, reconnection with backoff that
// resumes where it stopped, and throttled drags. The socket and the timers are injected for tests.

export const protocolVersion = 1;

export class CommandError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Codes after which reconnecting cannot help: the credential is wrong or the player was removed. */
const finalCodes = new Set(["unauthorized", "unsupportedVersion", "forbidden"]);

export class TableConnection {
  /**
   * @param {object} options
   * @param {string} options.url the socket URL
   * @param {string} options.credential from the join endpoint
   * @param {(url: string) => WebSocket} options.createSocket
   * @param {(welcome: object) => void} options.onWelcome a snapshot or the events missed
   * @param {(event: object) => void} options.onEvent every event after the welcome
   * @param {(status: string, detail?: object) => void} options.onStatus connecting, online, reconnecting, closed
   */
  constructor({ url, credential, createSocket, onWelcome, onEvent, onStatus, timers = globalThis, random = Math.random }) {
    Object.assign(this, { url, credential, createSocket, onWelcome, onEvent, onStatus, timers, random });
    this.lastSequence = null;
    this.pending = new Map();
    this.nextID = 1;
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
    this.ready = false;
  }

  start() {
    this.stopped = false;
    this.open(this.attempt === 0 ? "connecting" : "reconnecting");
  }

  stop() {
    this.stopped = true;
    this.timers.clearTimeout(this.retryTimer);
    this.socket?.close(1000);
    this.failPending("closed", "the connection was closed");
    this.onStatus?.("closed", { reason: "stopped" });
  }

  /** Sends a command; resolves with the ack's sequence, rejects with a CommandError. */
  send(command) {
    if (!this.ready) return Promise.reject(new CommandError("offline", "not connected"));
    const clientID = `c-${this.nextID++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(clientID, { resolve, reject });
      this.socket.send(JSON.stringify({ ...command, clientID }));
    });
  }

  /** Sends a command whose answer nobody waits for (drags, selections); dropped while offline. */
  sendQuietly(command) {
    this.send(command).catch(() => {});
  }

  open(status) {
    this.onStatus?.(status, { attempt: this.attempt });
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      const hello = { type: "hello", protocol: protocolVersion, credential: this.credential };
      if (this.lastSequence !== null) hello.lastSequence = this.lastSequence;
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.ready = false;
      this.failPending("offline", "the connection was lost");
      if (!this.stopped) this.scheduleReconnect();
    };
    socket.onerror = () => {};
  }

  /** One server message may carry several, one JSON object per line (docs/protocol.md, Connection). */
  receive(data) {
    for (const line of String(data).split("\n")) {
      let frame;
      try {
        frame = JSON.parse(line);
      } catch {
        continue;
      }
      this.receiveFrame(frame);
    }
  }

  receiveFrame(frame) {
    switch (frame.type) {
      case "welcome":
        this.ready = true;
        this.attempt = 0;
        this.lastSequence = frame.sequence;
        this.onWelcome?.(frame);
        this.onStatus?.("online");
        break;
      case "ack":
        this.settle(frame.clientID, (entry) => entry.resolve(frame.sequence));
        break;
      case "error":
        if (frame.clientID) {
          this.settle(frame.clientID, (entry) => entry.reject(new CommandError(frame.code, frame.message)));
        } else if (finalCodes.has(frame.code)) {
          this.stopped = true;
          this.onStatus?.("closed", { reason: frame.code, message: frame.message });
        }
        break;
      case "closed":
        if (frame.reason === "removed") {
          this.stopped = true;
          this.onStatus?.("closed", { reason: "removed" });
        }
        break;
      default:
        if (typeof frame.sequence === "number") this.lastSequence = Math.max(this.lastSequence ?? 0, frame.sequence);
        this.onEvent?.(frame);
    }
  }

  settle(clientID, action) {
    const entry = this.pending.get(clientID);
    if (!entry) return;
    this.pending.delete(clientID);
    action(entry);
  }

  failPending(code, message) {
    for (const entry of this.pending.values()) entry.reject(new CommandError(code, message));
    this.pending.clear();
  }

  scheduleReconnect() {
    this.attempt += 1;
    const delay = reconnectDelay(this.attempt, this.random);
    this.onStatus?.("reconnecting", { attempt: this.attempt, delay });
    this.retryTimer = this.timers.setTimeout(() => {
      if (!this.stopped) this.open("reconnecting");
    }, delay);
  }
}

/** 0.5 s, 1 s, 2 s, … up to 15 s, each with up to a quarter more at random so clients do not return in step. */
export function reconnectDelay(attempt, random = Math.random) {
  const base = Math.min(15000, 500 * 2 ** (attempt - 1));
  return Math.round(base * (1 + random() / 4));
}

/**
 * Drags go out at most once per `interval` ms; only the latest position of each token is sent. `finish` sends
 * nothing of the drag and returns the final moves, which the caller commits as `token.move`.
 */
export function createDragThrottle(sendDrag, { interval = 100, now = () => Date.now(), timers = globalThis } = {}) {
  let latest = new Map();
  let lastSent = -Infinity;
  let timer = null;
  function flush() {
    timer = null;
    if (latest.size === 0) return;
    lastSent = now();
    sendDrag([...latest.values()]);
    latest = new Map();
  }
  return {
    move(moves) {
      for (const move of moves) latest.set(move.tokenID, move);
      const wait = lastSent + interval - now();
      if (wait <= 0) flush();
      else if (timer === null) timer = timers.setTimeout(flush, wait);
    },
    finish() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      latest = new Map();
    },
  };
}

/** The socket URL of a game, on the page's own host and scheme. */
export function socketURL(location, gm, slug) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/api/v1/games/${encodeURIComponent(gm)}/${encodeURIComponent(slug)}/socket`;
}
