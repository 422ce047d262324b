// The small set of token pictures SessionZero ships (SVG, ours, CC BY-SA like the rest), and turning one into
// a PNG: the server takes raster images only, so the browser draws the SVG onto a canvas first.

export const defaultAssets = ["hero", "monster", "skull", "chest", "tree", "door", "campfire", "marker"];

export const defaultAssetURL = (base, name) => `${base}/assets/tokens/${name}.svg`;

/** A square PNG of `size` pixels drawn from an image URL. */
export async function rasterise(url, size = 256) {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.getContext("2d").drawImage(image, 0, 0, size, size);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"));
}
