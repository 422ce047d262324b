// The seat a browser holds at a game (player id, secret credential, role), remembered per game so a reload
// or a lost connection does not ask again.

const key = (gm, slug) => `sz.seat.${gm}/${slug}`;

export function loadSeat(storage, gm, slug) {
  try {
    const seat = JSON.parse(storage.getItem(key(gm, slug)) ?? "null");
    return seat?.credential ? seat : null;
  } catch {
    return null;
  }
}

export function saveSeat(storage, gm, slug, seat) {
  storage.setItem(key(gm, slug), JSON.stringify(seat));
}

export function forgetSeat(storage, gm, slug) {
  storage.removeItem(key(gm, slug));
}

/** Colours that stay readable as text on white and as outlines on the dark board. */
export const suggestedColours = ["#b91c1c", "#c2410c", "#a16207", "#15803d", "#0f766e", "#0369a1", "#1d4ed8", "#6d28d9", "#a21caf", "#be185d"];

export function suggestColour(random = Math.random, taken = []) {
  const free = suggestedColours.filter((colour) => !taken.includes(colour));
  const pool = free.length ? free : suggestedColours;
  return pool[Math.floor(random() * pool.length)];
}
