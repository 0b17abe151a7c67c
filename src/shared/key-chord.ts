/**
 * Key chords as agents write them ("Enter", "Control+A", "Shift+Tab", "ArrowDown") parsed into
 * what a KeyboardEvent needs. Pure, so the service worker can reject a bad key before it reaches
 * a page and both sides agree on the spelling.
 */
export interface KeyChord {
  /** `KeyboardEvent.key`, e.g. `Enter`, `a`, `A` (with Shift), ` `. */
  key: string;
  /** `KeyboardEvent.code`, e.g. `Enter`, `KeyA`, `Digit1`, `Space`. */
  code: string;
  /** Legacy `keyCode`, still read by older pages (13 for Enter). */
  keyCode: number;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
  /** The character the chord types, or null (named keys, or with Control/Alt/Meta held). */
  text: string | null;
}

const MODIFIERS: Record<string, 'ctrl' | 'shift' | 'alt' | 'meta'> = {
  control: 'ctrl',
  ctrl: 'ctrl',
  shift: 'shift',
  alt: 'alt',
  option: 'alt',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  super: 'meta',
};

/** Named keys with their legacy key code; aliases map onto them. */
const NAMED: Record<string, number> = {
  Enter: 13,
  Tab: 9,
  Escape: 27,
  Backspace: 8,
  Delete: 46,
  Insert: 45,
  Home: 36,
  End: 35,
  PageUp: 33,
  PageDown: 34,
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, 112 + i])),
};

const ALIASES: Record<string, string> = {
  return: 'Enter',
  esc: 'Escape',
  del: 'Delete',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  pgup: 'PageUp',
  pgdn: 'PageDown',
  pagedown: 'PageDown',
  pageup: 'PageUp',
  space: ' ',
  spacebar: ' ',
  plus: '+',
};

function resolveKey(name: string): string | undefined {
  if ([...name].length === 1) {
    return name;
  }
  const alias = ALIASES[name.toLowerCase()];
  if (alias) {
    return alias;
  }
  return Object.keys(NAMED).find((k) => k.toLowerCase() === name.toLowerCase());
}

function codeOf(key: string): { code: string; keyCode: number } {
  const named = NAMED[key];
  if (named !== undefined) {
    return { code: key, keyCode: named };
  }
  if (key === ' ') {
    return { code: 'Space', keyCode: 32 };
  }
  if (/^[a-z]$/i.test(key)) {
    return { code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) };
  }
  if (/^\d$/.test(key)) {
    return { code: `Digit${key}`, keyCode: key.charCodeAt(0) };
  }
  return { code: '', keyCode: 0 };
}

/**
 * Parses "Control+Shift+K", "Enter", "a", "Control++". Throws an Error whose message tells the
 * agent how to spell keys when a part is unknown.
 * @example parseKeyChord('Control+A') // { key: 'a', code: 'KeyA', ctrl: true, text: null, … }
 */
export function parseKeyChord(input: string): KeyChord {
  const trimmed = input.trim();
  // A trailing "++" means the plus key itself.
  const parts = trimmed.endsWith('++')
    ? [...trimmed.slice(0, -2).split('+').filter(Boolean), '+']
    : trimmed === '+'
      ? ['+']
      : trimmed.split('+').map((p) => p.trim());
  const flags = { ctrl: false, shift: false, alt: false, meta: false };
  const last = parts.pop();
  for (const part of parts) {
    const flag = MODIFIERS[part.toLowerCase()];
    if (!flag) {
      throw new Error(
        `unknown modifier "${part}" in "${input}"; use Control, Shift, Alt or Meta, e.g. Control+A`,
      );
    }
    flags[flag] = true;
  }
  const resolved = last ? resolveKey(last) : undefined;
  if (resolved === undefined) {
    throw new Error(
      `unknown key "${last ?? ''}" in "${input}"; use a single character or a name such as Enter, Tab, Escape, Backspace, ArrowDown, PageDown`,
    );
  }
  const key = flags.shift && /^[a-z]$/.test(resolved) ? resolved.toUpperCase() : resolved;
  const printable = [...key].length === 1;
  const text = printable && !flags.ctrl && !flags.alt && !flags.meta ? key : null;
  // With Control or Meta, a letter's key stays lower case as browsers report it.
  const eventKey = (flags.ctrl || flags.meta) && !flags.shift ? key.toLowerCase() : key;
  return { key: printable ? eventKey : key, ...codeOf(key), ...flags, text };
}
