// A snapshot as the scene's background (as pyvtt's "webcam"): a still from a camera filming a real table or map, or
// from a shared screen. Nothing is streamed to anyone; the picture is uploaded like a file.
import { h, uniqueID } from "../dom.js";

/** The locale key that explains why a camera or screen could not be used, in plain words. */
export function snapshotProblemKey(error) {
  switch (error?.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "snapshot.error.denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "snapshot.error.noDevice";
    case "NotReadableError":
    case "AbortError":
      return "snapshot.error.busy";
    default:
      return "snapshot.error.other";
  }
}

/**
 * The "Snapshot from camera" and "Snapshot of a screen" buttons (only those the browser supports; none at all
 * outside a secure page) and their preview dialog.
 * @param {object} app
 * @param {object} options
 * @param {(blob: Blob) => Promise<void>} options.use uploads the picture as the background
 */
export function snapshotControls(app, { use }, devices = navigator.mediaDevices) {
  const { t } = app;
  const sources = {
    camera: devices?.getUserMedia ? () => devices.getUserMedia({ video: true, audio: false }) : null,
    screen: devices?.getDisplayMedia ? () => devices.getDisplayMedia({ video: true, audio: false }) : null,
  };
  let stream = null;

  const headingID = uniqueID("snapshot-heading");
  const heading = h("h2", { id: headingID });
  const video = h("video", { class: "snapshot-preview", muted: true, playsinline: true, autoplay: true, "aria-label": t("snapshot.preview") });
  video.muted = true;
  const status = h("p", { class: "snapshot-status", role: "status" });
  const useButton = h("button", { type: "button", class: "button-primary", disabled: true, onclick: take }, t("snapshot.use"));
  const dialog = h("dialog", { class: "snapshot-dialog", "aria-labelledby": headingID },
    heading, video, status,
    h("div", { class: "dialog-actions" }, h("button", { type: "button", onclick: () => dialog.close() }, t("snapshot.cancel")), useButton));
  // Escape, Cancel and a finished upload all end here: the camera light goes off whatever closed the dialog.
  dialog.addEventListener("close", stop);

  function stop() {
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
    useButton.disabled = true;
  }

  async function open(source) {
    heading.textContent = t(`snapshot.${source}`);
    status.textContent = t("snapshot.asking");
    useButton.disabled = true;
    dialog.showModal();
    try {
      const opened = await sources[source]();
      if (!dialog.open) {
        for (const track of opened.getTracks()) track.stop();
        return;
      }
      stream = opened;
      // Ending a screen share from the browser's own bar ends the track; say so instead of showing a frozen frame.
      for (const track of stream.getVideoTracks()) {
        track.addEventListener("ended", () => {
          status.textContent = t("snapshot.ended");
          useButton.disabled = true;
        });
      }
      video.srcObject = stream;
      await video.play().catch(() => {});
      status.textContent = t("snapshot.ready");
      useButton.disabled = false;
      useButton.focus();
    } catch (error) {
      status.textContent = t(snapshotProblemKey(error));
    }
  }

  async function take() {
    if (!video.videoWidth) {
      status.textContent = t("snapshot.notYet");
      return;
    }
    const canvas = h("canvas", { width: video.videoWidth, height: video.videoHeight });
    canvas.getContext("2d").drawImage(video, 0, 0);
    // WebP keeps a photo small; a browser that cannot write it gives PNG, which the server takes too.
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/webp", 0.9));
    dialog.close();
    if (blob) await use(blob);
  }

  const buttons = Object.entries(sources).filter(([, open]) => open).map(([source]) =>
    h("button", { type: "button", class: "snapshot-button", onclick: () => open(source) }, t(`snapshot.${source}`)));
  const element = buttons.length ? h("div", { class: "snapshot-buttons" }, buttons, dialog) : null;
  return { element };
}
