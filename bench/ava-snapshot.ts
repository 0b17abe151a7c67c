/**
 * Reads the object literal of an AVA snapshot report (`expected.md` of the metascraper corpus):
 * `key: 'value',`, `key: \`multi␊ line\`,` or `key: null,` lines between the first `{` and its
 * `}`. A tiny scanner rather than `eval`: the files are data, never code to run.
 */

export type SnapshotValue = string | number | boolean | null;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/** A quoted string starting at `start` (the quote); returns its value and the index after it. */
function readQuoted(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    // Concordance writes a line break inside a template literal as `␊` + a real newline.
    if (char === '␊') {
      value += '\n';
      i += source[i + 1] === '\n' ? 2 : 1;
      while (quote === '`' && source[i] === ' ') {
        i += 1; // the indentation of the continued line
      }
      continue;
    }
    value += char;
    i += 1;
  }
  return { value, end: i + 1 };
}

export function parseAvaSnapshot(markdown: string): Record<string, SnapshotValue> {
  const out: Record<string, SnapshotValue> = {};
  const open = markdown.indexOf('{', Math.max(0, markdown.indexOf('> Snapshot')));
  if (open < 0) {
    return out;
  }
  let i = open + 1;
  while (i < markdown.length) {
    const key = /^\s*([A-Za-z_$][\w$]*|'[^']*')\s*:\s*/.exec(markdown.slice(i));
    if (!key) {
      break; // the closing brace, or a shape we do not read
    }
    const name = key[1]!.replace(/^'|'$/g, '');
    i += key[0].length;
    const char = markdown[i];
    if (char === "'" || char === '"' || char === '`') {
      const { value, end } = readQuoted(markdown, i);
      out[name] = value;
      i = end;
    } else {
      const literal = /^[^,\n]*/.exec(markdown.slice(i))![0].trim();
      i += literal.length;
      out[name] =
        literal === 'null' || literal === 'undefined'
          ? null
          : literal === 'true' || literal === 'false'
            ? literal === 'true'
            : Number.isNaN(Number(literal))
              ? literal
              : Number(literal);
    }
    const comma = /^\s*,?/.exec(markdown.slice(i))!;
    i += comma[0].length;
  }
  return out;
}
