// Keyboard shortcuts that work whatever the keyboard layout.

const punctuation = { BracketLeft: "[", BracketRight: "]", Minus: "-", Equal: "=" };

/**
 * The key a shortcut means: the character typed, or, on a layout that does not type Latin letters (Arabic,
 * Cyrillic, Greek …), the Latin key at the same place, so that R still rotates on an Arabic keyboard.
 * @param {{ key?: string, code?: string, shiftKey?: boolean }} event
 */
export function shortcutKey(event) {
  const key = event.key ?? "";
  if (key.length !== 1 || key.charCodeAt(0) < 128) return key;
  const code = event.code ?? "";
  if (/^Key[A-Z]$/.test(code)) return event.shiftKey ? code.slice(3) : code.slice(3).toLowerCase();
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  return punctuation[code] ?? key;
}
