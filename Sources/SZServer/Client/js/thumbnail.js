// Thumbnails of uploaded images, drawn by the browser (the server has no image library): the longest side at most
// 256 pixels, as WebP where the browser writes it (PNG elsewhere), within the server's cap of 64 KiB.

export const thumbnailSide = 256;
export const thumbnailMaxBytes = 64 * 1024;

/** The image scaled to fit `longest` on its longer side: never enlarged, never below one pixel. */
export function thumbnailSize(width, height, longest = thumbnailSide) {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Lower qualities are tried in turn until the thumbnail fits the cap; null when none does. */
export async function encodeWithinCap(encode, qualities = [0.8, 0.6, 0.4]) {
  for (const quality of qualities) {
    const blob = await encode(quality);
    if (blob && blob.size <= thumbnailMaxBytes) return blob;
  }
  return null;
}

function canvasOf(width, height) {
  if (typeof OffscreenCanvas === "function") {
    const canvas = new OffscreenCanvas(width, height);
    return { context: canvas.getContext("2d"), encode: (quality) => canvas.convertToBlob({ type: "image/webp", quality }) };
  }
  const canvas = Object.assign(document.createElement("canvas"), { width, height });
  return { context: canvas.getContext("2d"), encode: (quality) => new Promise((resolve) => canvas.toBlob(resolve, "image/webp", quality)) };
}

/** A thumbnail of the image in `blob`, or null when the cap cannot be met. */
export async function makeThumbnail(blob) {
  const bitmap = await createImageBitmap(blob);
  try {
    const size = thumbnailSize(bitmap.width, bitmap.height);
    const { context, encode } = canvasOf(size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    return await encodeWithinCap(encode);
  } finally {
    bitmap.close();
  }
}

/**
 * Makes and sends the thumbnail of an image the game holds now. A thumbnail is a nicety for the dashboard and the
 * asset browser, so a failure here never fails the upload it follows: it resolves to false instead.
 */
export async function sendThumbnail(api, imagePath, blob, headers = {}) {
  try {
    const thumbnail = await makeThumbnail(blob);
    if (!thumbnail) return false;
    await api.request("POST", `${imagePath}/thumbnail`, { body: thumbnail, headers: { ...headers, "Content-Type": thumbnail.type } });
    return true;
  } catch {
    return false;
  }
}

/** The lowercase hex SHA-256 of a file: the name the server stores it under. */
export async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** After a game was made from an image, the thumbnail of that image, its first scene's background. */
export async function sendImportThumbnail(api, gamePath, file) {
  if (!file.type.startsWith("image/")) return false;
  try {
    return await sendThumbnail(api, `${gamePath}/images/${await sha256Hex(file)}`, file);
  } catch {
    // Outside a secure context (plain HTTP on a LAN address) browsers offer no SHA-256: no thumbnail then.
    return false;
  }
}
