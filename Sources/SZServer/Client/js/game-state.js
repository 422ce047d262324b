// The table's state as one viewer sees it, built from a snapshot and the events of docs/protocol.md (version 1).
// Pure: every function returns a new state and leaves its input alone.

const keptRolls = 50;

export function stateFromSnapshot(snapshot, playerID) {
  return {
    playerID,
    sequence: snapshot.sequence,
    gameID: snapshot.gameID,
    name: snapshot.name,
    flags: snapshot.flags ?? {},
    players: snapshot.players ?? [],
    scenes: snapshot.scenes ?? [],
    activeSceneID: snapshot.activeSceneID ?? null,
    tokens: Object.fromEntries((snapshot.tokens ?? []).map((token) => [token.id, token])),
    music: snapshot.music ?? [],
    rolls: (snapshot.rolls ?? []).slice(-keptRolls),
    drags: {},
    selections: {},
    beacons: [],
  };
}

/** The state after a `welcome`: a fresh snapshot, or the missed events applied to what the client had. */
export function applyWelcome(state, welcome) {
  if (welcome.snapshot) return stateFromSnapshot(welcome.snapshot, welcome.playerID);
  if (!state) throw new Error("a welcome without a snapshot needs the state it resumes");
  const resumed = (welcome.events ?? []).reduce(applyEvent, { ...state, playerID: welcome.playerID });
  return { ...resumed, sequence: Math.max(resumed.sequence, welcome.sequence), drags: {} };
}

export function me(state) {
  return state.players.find((player) => player.id === state.playerID);
}

export function isGM(state) {
  return me(state)?.role === "gm";
}

export function activeScene(state) {
  return state.scenes.find((scene) => scene.id === state.activeSceneID) ?? null;
}

/** Tokens of the active scene, bottom first, at the position a drag in progress shows. */
export function visibleTokens(state) {
  return Object.values(state.tokens)
    .filter((token) => token.sceneID === state.activeSceneID)
    .map((token) => (state.drags[token.id] ? { ...token, ...state.drags[token.id].at } : token))
    .sort((a, b) => (b.background - a.background) || a.z - b.z || a.id.localeCompare(b.id));
}

export function mayMove(state, token) {
  if (!token || token.locked) return false;
  const player = me(state);
  if (!player || player.standing !== "active") return false;
  return player.role === "gm" || (player.role === "player" && token.owner === state.playerID && !token.background);
}

export function applyEvent(state, event) {
  if (event.sequence !== undefined && event.sequence <= state.sequence) return state;
  const next = applyChange(state, event);
  return event.sequence === undefined ? next : { ...next, sequence: event.sequence };
}

function applyChange(state, event) {
  switch (event.type) {
    case "scene.created":
    case "scene.updated":
      return { ...state, scenes: upsertByID(state.scenes, event.scene) };
    case "scene.deleted":
      return {
        ...state,
        scenes: state.scenes.filter((scene) => scene.id !== event.sceneID),
        tokens: filterValues(state.tokens, (token) => token.sceneID !== event.sceneID),
      };
    case "scene.reordered": {
      const byID = new Map(state.scenes.map((scene) => [scene.id, scene]));
      return { ...state, scenes: event.sceneIDs.map((id) => byID.get(id)).filter(Boolean) };
    }
    case "scene.activated": {
      const sceneID = event.scene.id;
      const keepOthers = isGM(state);
      const kept = filterValues(state.tokens, (token) => token.sceneID !== sceneID && keepOthers);
      for (const token of event.tokens ?? []) kept[token.id] = token;
      return {
        ...state,
        scenes: upsertByID(state.scenes, event.scene),
        activeSceneID: sceneID,
        tokens: kept,
        drags: {},
        selections: {},
      };
    }
    case "token.created":
    case "token.updated": {
      const tokens = { ...state.tokens };
      const drags = { ...state.drags };
      for (const token of event.tokens) {
        tokens[token.id] = token;
        delete drags[token.id];
      }
      return { ...state, tokens, drags };
    }
    case "token.deleted": {
      const gone = new Set(event.tokenIDs);
      return {
        ...state,
        tokens: filterValues(state.tokens, (token) => !gone.has(token.id)),
        drags: filterValues(state.drags, (_, id) => !gone.has(id)),
        selections: Object.fromEntries(
          Object.entries(state.selections).map(([player, selection]) => [
            player,
            { ...selection, tokenIDs: selection.tokenIDs.filter((id) => !gone.has(id)) },
          ]),
        ),
      };
    }
    case "token.dragged": {
      if (event.playerID === state.playerID) return state;
      const drags = { ...state.drags };
      for (const move of event.moves) {
        if (state.tokens[move.tokenID]) drags[move.tokenID] = { playerID: event.playerID, at: { x: move.x, y: move.y } };
      }
      return { ...state, drags };
    }
    case "token.selected":
      return {
        ...state,
        selections: { ...state.selections, [event.playerID]: { colour: event.colour, tokenIDs: event.tokenIDs } },
      };
    case "beacon.placed":
      return {
        ...state,
        beacons: [...state.beacons, { playerID: event.playerID, colour: event.colour, x: event.x, y: event.y }].slice(-10),
      };
    case "music.updated": {
      const others = state.music.filter((slot) => slot.slot !== event.music.slot);
      return { ...state, music: [...others, event.music].sort((a, b) => a.slot - b.slot) };
    }
    case "player.joined":
    case "player.updated":
      return { ...state, players: upsertByID(state.players, event.player) };
    case "dice.rolled":
      return { ...state, rolls: [...state.rolls, event.roll].slice(-keptRolls) };
    default:
      return state;
  }
}

/** Moves a local drag (the viewer's own) without waiting for the server. */
export function withLocalDrag(state, tokenID, at) {
  return { ...state, drags: { ...state.drags, [tokenID]: { playerID: state.playerID, at } } };
}

export function withoutDrag(state, tokenID) {
  return { ...state, drags: filterValues(state.drags, (_, id) => id !== tokenID) };
}

function upsertByID(items, item) {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...items, item];
  return items.map((existing, i) => (i === index ? item : existing));
}

function filterValues(object, keep) {
  return Object.fromEntries(Object.entries(object).filter(([key, value]) => keep(value, key)));
}
