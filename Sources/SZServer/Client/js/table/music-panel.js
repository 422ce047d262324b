// Music: five slots every browser plays itself as the server says (docs/protocol.md, "Music"). GMs control
// them, players too when the game allows it; a track is uploaded first, then put in its slot.
import { describeError, uploadWithProgress } from "../api.js";
import { h, uniqueID } from "../dom.js";
import { isGM, me } from "../game-state.js";

export function musicPanel(app, { send, gamePath, credential, showProblem }) {
  const { t } = app;
  const slots = [0, 1, 2, 3, 4].map((slot) => musicSlot(app, slot, { send, gamePath, credential, showProblem }));
  const element = h("section", { class: "panel", "aria-labelledby": "music-heading" },
    h("h2", { id: "music-heading" }, t("music.heading")), h("ul", { class: "music-slots" }, slots.map((s) => s.element)));
  function refresh(state) {
    const mayControl = isGM(state) || (me(state)?.role === "player" && Boolean(state.flags?.playersControlMusic));
    for (const slot of slots) slot.refresh(state.music.find((m) => m.slot === slot.index), mayControl);
  }
  return { element, refresh, stop: () => slots.forEach((s) => s.audio.pause()) };
}

function musicSlot(app, index, { send, gamePath, credential, showProblem }) {
  const { t } = app;
  const number = index + 1;
  const audio = new Audio();
  audio.preload = "none";
  let current = null;
  const command = (type, extra = {}) => send({ type, slot: index, ...extra }).catch(() => {});
  const fileID = uniqueID("music-file");
  const file = h("input", { id: fileID, type: "file", accept: "audio/*" });
  const status = h("span", { class: "meta" });
  const button = (key, onclick) => h("button", { type: "button", class: "button-small", "aria-label": t(`music.${key}Label`, { slot: number }), onclick }, t(`music.${key}`));
  const play = button("play", () => command("music.play"));
  const pause = button("pause", () => command("music.pause"));
  const stop = button("stop", () => command("music.stop"));
  const loopID = uniqueID("music-loop");
  const loop = h("input", { id: loopID, type: "checkbox", onchange: () => command("music.loop", { loop: loop.checked }) });
  const volumeID = uniqueID("music-volume");
  const volume = h("input", { id: volumeID, type: "range", min: 0, max: 1, step: 0.05,
    onchange: () => command("music.volume", { volume: Number(volume.value) }) });
  file.addEventListener("change", async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      const track = await uploadWithProgress(`${gamePath}/music`, chosen, { headers: { "X-Game-Credential": credential } });
      await send({ type: "music.setTrack", slot: index, track: track.sha256 });
      app.announce(t("music.trackSet", { slot: number }));
    } catch (error) {
      if (!error?.code) showProblem(describeError(error, t));
    } finally {
      file.value = "";
    }
  });
  const controls = h("div", { class: "music-controls" }, play, pause, stop,
    h("span", { class: "check" }, loop, h("label", { for: loopID }, t("music.loop"))),
    h("label", { for: volumeID }, t("music.volume")), volume,
    h("label", { for: fileID }, t("music.upload", { slot: number })), file);
  const element = h("li", {}, h("span", { class: "music-slot-name" }, t("music.slot", { slot: number })), " ", status, controls);

  function refresh(slot, mayControl) {
    const state = slot ?? { playback: "stopped", loop: true, volume: 1 };
    status.textContent = state.track ? t(`music.${state.playback}`) : t("music.empty");
    controls.hidden = !mayControl;
    for (const control of [play, pause, stop]) control.disabled = !state.track;
    if (document.activeElement !== volume) volume.value = String(state.volume);
    loop.checked = Boolean(state.loop);
    playLocally(state);
  }

  function playLocally(state) {
    audio.loop = Boolean(state.loop);
    audio.volume = Math.min(1, Math.max(0, state.volume));
    const source = state.track ? `/api/v1/music/${state.track}` : null;
    if (source !== current) {
      current = source;
      audio.pause();
      if (source) audio.src = source;
      else audio.removeAttribute("src");
    }
    if (!source || state.playback === "stopped") {
      audio.pause();
      if (source) audio.currentTime = 0;
    } else if (state.playback === "paused") {
      audio.pause();
    } else if (audio.paused) {
      // Browsers refuse to play before the user has touched the page; the next change tries again.
      audio.play().catch(() => {});
    }
  }
  return { index, element, refresh, audio };
}
