// Images for the scene: upload (file dialog or files dropped on the board), SessionZero's default tokens, the
// images this game already uses, for GMs the images of their other games, and the drawing tool. GMs may make an
// image the background or a GM-only token.
import { clear, h, uniqueID } from "../dom.js";
import { isGM } from "../game-state.js";
import { defaultAssetURL, defaultAssets, rasterise } from "./default-assets.js";
import { snapshotControls } from "./snapshot-dialog.js";

/**
 * @param {object} options
 * @param {(blob: Blob, placement: object) => Promise<void>} options.addFile uploads and places an image
 * @param {(blobID: string, placement: object) => Promise<void>} options.place places an uploaded image
 * @param {((cursor: string | null) => Promise<{items: object[], nextCursor: string | null}>) | null} options.otherImages
 *   a page of the images of the GM's other games; null when nobody is logged in to ask for them
 * @param {(blobID: string) => Promise<void>} options.adopt lets this game hold an image of another of the GM's games
 * @param {(error: unknown) => void} options.fail shows what went wrong
 * @param {HTMLElement} options.dropTarget where files may be dropped
 * @param {HTMLElement | null} options.drawButton opens the drawing tool
 */
export function assetsPanel(app, { addFile, place, otherImages, adopt, fail, dropTarget, drawButton }) {
  const { t } = app;
  const inputID = uniqueID("token-image");
  const input = h("input", { id: inputID, type: "file", multiple: true, accept: "image/png,image/jpeg,image/webp,image/gif" });
  const asBackgroundID = uniqueID("as-background");
  const asBackground = h("input", { id: asBackgroundID, type: "checkbox" });
  const hiddenID = uniqueID("as-hidden");
  const hidden = h("input", { id: hiddenID, type: "checkbox" });
  const gmOptions = h("div", { hidden: true },
    h("div", { class: "check" }, asBackground, h("label", { for: asBackgroundID }, t("table.asBackground"))),
    h("div", { class: "check" }, hidden, h("label", { for: hiddenID }, t("table.asHidden"))));
  const progress = h("progress", { hidden: true, "aria-label": t("table.uploading") });
  const gameImages = h("ul", { class: "asset-grid" });
  let gm = false;
  const snapshot = snapshotControls(app, { use: (blob) => busy(() => addFile(blob, { asBackground: true, hidden: false })) });
  gmOptions.append(snapshot.element ?? "");

  const placement = () => ({ asBackground: gm && asBackground.checked, hidden: gm && hidden.checked });
  async function busy(work) {
    progress.hidden = false;
    try {
      await work();
      app.announce(t("table.imageAdded"));
    } catch (error) {
      fail(error);
    } finally {
      progress.hidden = true;
    }
  }
  async function addFiles(files) {
    if (!files.length) return;
    await busy(async () => {
      for (const file of files) await addFile(file, placement());
    });
    input.value = "";
  }
  input.addEventListener("change", () => addFiles([...input.files]));
  dropTarget.addEventListener("dragover", (event) => event.preventDefault());
  dropTarget.addEventListener("drop", (event) => {
    event.preventDefault();
    addFiles([...(event.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith("image/")));
  });

  const assetButton = (src, label, onclick) => h("li", {}, h("button", { type: "button", class: "asset-button", "aria-label": label, title: label, onclick },
    h("img", { src, alt: "", width: 40, height: 40, loading: "lazy" })));
  const defaults = h("ul", { class: "asset-grid" }, defaultAssets.map((name) =>
    assetButton(defaultAssetURL(app.base, name), t("assets.add", { name: t(`assets.default.${name}`) }),
      () => busy(async () => addFile(await rasterise(defaultAssetURL(app.base, name)), placement())))));

  const others = otherGamesGroup(app, {
    load: otherImages,
    button: assetButton,
    choose: (blobID) => busy(async () => {
      await adopt(blobID);
      await place(blobID, placement());
    }),
    fail,
  });

  /** The images the viewer's state names (tokens of every scene it knows, and backgrounds), oldest first. */
  function refresh(state) {
    gm = isGM(state);
    gmOptions.hidden = !gm;
    others.show(gm && Boolean(otherImages));
    const known = [...new Set([...state.scenes.map((s) => s.background), ...Object.values(state.tokens).map((x) => x.image)].filter(Boolean))];
    const shown = [...gameImages.querySelectorAll("button")].map((b) => b.dataset.image);
    if (known.length === shown.length && known.every((id, i) => id === shown[i])) return;
    clear(gameImages, known.length
      ? known.map((blobID, index) => {
        const item = assetButton(`/api/v1/images/${blobID}`, t("assets.addGameImage", { index: index + 1 }), () => busy(() => place(blobID, placement())));
        item.querySelector("button").dataset.image = blobID;
        return item;
      })
      : h("li", { class: "empty-state" }, t("assets.noGameImages")));
  }

  const element = h("section", { class: "panel", "aria-labelledby": "images-heading" }, h("h2", { id: "images-heading" }, t("table.images")),
    h("label", { for: inputID }, t("table.addImage")), h("p", { class: "hint" }, t("table.dropHint")), input, gmOptions, progress,
    h("h3", {}, t("assets.defaults")), defaults,
    h("h3", {}, t("assets.gameImages")), gameImages,
    others.element,
    drawButton);
  return { element, refresh };
}

/** "From my other games": loaded the first time a GM sees the panel, a page at a time, thumbnails where made. */
function otherGamesGroup(app, { load, button, choose, fail }) {
  const { t } = app;
  const list = h("ul", { class: "asset-grid" });
  const more = h("button", { type: "button", class: "button-small", hidden: true }, t("list.more"));
  const element = h("div", { hidden: true }, h("h3", {}, t("assets.fromOtherGames")), list, more);
  const listed = new Set();
  let cursor = null;
  let started = false;

  async function loadPage() {
    more.disabled = true;
    try {
      const page = await load(cursor);
      const fresh = page.items.filter((image) => !listed.has(image.sha256));
      for (const image of fresh) {
        listed.add(image.sha256);
        list.append(button(image.thumbnailUrl ?? image.url, t("assets.addOtherImage", { game: image.game.name || image.game.slug }),
          () => choose(image.sha256)));
      }
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (!listed.size && !cursor) list.replaceChildren(h("li", { class: "empty-state" }, t("assets.noOtherImages")));
    } catch (error) {
      fail(error);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", loadPage);

  function show(gm) {
    element.hidden = !gm;
    if (gm && !started) {
      started = true;
      loadPage();
    }
  }
  return { element, show };
}
