import assert from "node:assert/strict";
import { test } from "node:test";
import { encodeWithinCap, sendImportThumbnail, sendThumbnail, sha256Hex, thumbnailMaxBytes, thumbnailSize } from "../../Sources/SZServer/Client/js/thumbnail.js";

test("a thumbnail fits 256 pixels on its longer side and keeps the image's shape", () => {
  assert.deepEqual(thumbnailSize(1024, 768), { width: 256, height: 192 });
  assert.deepEqual(thumbnailSize(300, 1200), { width: 64, height: 256 });
  assert.deepEqual(thumbnailSize(4000, 4000), { width: 256, height: 256 });
});

test("small images are never enlarged, and a thin one keeps at least a pixel", () => {
  assert.deepEqual(thumbnailSize(40, 30), { width: 40, height: 30 });
  assert.deepEqual(thumbnailSize(16384, 10), { width: 256, height: 1 });
});

test("lower qualities are tried until the thumbnail fits the server's 64 KiB", async () => {
  const tried = [];
  const sizes = { 0.8: thumbnailMaxBytes + 1, 0.6: thumbnailMaxBytes };
  const blob = await encodeWithinCap(async (quality) => {
    tried.push(quality);
    return { size: sizes[quality] };
  });
  assert.deepEqual(tried, [0.8, 0.6]);
  assert.equal(blob.size, thumbnailMaxBytes);
  assert.equal(await encodeWithinCap(async () => ({ size: thumbnailMaxBytes + 1 })), null);
});

test("a thumbnail that cannot be made never fails the upload it follows", async () => {
  // Node has no createImageBitmap: making the thumbnail throws, and nothing is sent.
  let sent = false;
  const api = { request: async () => { sent = true; } };
  assert.equal(await sendThumbnail(api, "/games/gina/forest/images/ab", new Blob([])), false);
  assert.equal(sent, false);
});

test("files are named by the lowercase hex SHA-256 of their bytes, as the server names them", async () => {
  assert.equal(await sha256Hex(new Blob(["abc"])), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("only a game made from an image gets a thumbnail after its import", async () => {
  const api = { request: async () => { throw new Error("nothing is sent for an archive"); } };
  assert.equal(await sendImportThumbnail(api, "/games/gina/map", new Blob(["PK"], { type: "application/zip" })), false);
});
