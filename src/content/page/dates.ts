/**
 * Publication dates as ISO 8601 in the page's own time zone. Pages write `2016-05-03 16:26:13
 * -0400`, `Mon, Jan 7 2019 15:37:00 EST` or a Unix time; agents and scorers want one form, and
 * converting to UTC would move an evening story to the next day, so the page's offset is kept
 * (and a date without a zone stays without one).
 */

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** US zone abbreviations pages still print; anything else must be a numeric offset or Z. */
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
};

const offsetText = (minutes: number) =>
  minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}:${pad(minutes % 60)}`;

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?$/i;

function validDay(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function zoneMinutes(zone: string): number | null {
  const upper = zone.toUpperCase();
  if (upper in ZONES) {
    return ZONES[upper]!;
  }
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!numeric) {
    return null;
  }
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return numeric[1] === '-' ? -minutes : minutes;
}

/** Wall time of `ms` at `offset` minutes from UTC, as `YYYY-MM-DDTHH:MM:SS±HH:MM`. */
function atOffset(ms: number, offset: number | null): string {
  const wall = new Date(ms + (offset ?? 0) * 60_000);
  const stamp =
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return offset === null ? stamp : stamp + offsetText(offset);
}

/**
 * A date the page states, as ISO 8601: `YYYY-MM-DD` when it gives only a day, else date and
 * time with the page's offset (none when the page gives none). Null when it is no date.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const raw = value?.replace(/\s+/g, ' ').trim();
  if (!raw || raw.length > 80) {
    return null;
  }
  const iso = ISO_LIKE.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    if (!validDay(Number(y), Number(mo), Number(d))) {
      return null;
    }
    const day = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
    if (h === undefined) {
      return day;
    }
    const offset = zone ? zoneMinutes(zone) : null;
    const time = `${pad(Number(h))}:${mi}:${s ?? '00'}${frac ?? ''}`;
    return `${day}T${time}${offset === null ? '' : offsetText(offset)}`;
  }
  // Unix time in seconds or milliseconds.
  if (/^\d{10}(?:\d{3})?$/.test(raw)) {
    const ms = raw.length === 10 ? Number(raw) * 1000 : Number(raw);
    return atOffset(ms, 0);
  }
  // Free text: "Mon, Jan 7 2019 15:37:00 EST", "May 3, 2016, 2:58 p.m.", "3 May 2016".
  const text = raw
    .replace(/\b([ap])\.m\./gi, '$1m')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/^(?:published|posted|updated|on)[:\s]+/i, '')
    .replace(/,?\s+at\s+/i, ' ');
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) {
    return null;
  }
  const zone = /(?:^|\s)(Z|UTC|GMT|[ECMP][SD]T|BST|CES?T|[+-]\d{2}:?\d{2})(?:\s|$)/i.exec(text);
  const offset = zone ? zoneMinutes(zone[1]!) : null;
  const bare = zone ? text.replace(zone[0], ' ').trim() : text;
  // Parse the wall time as if it were UTC, so the browser's own zone never enters.
  const wall = Date.parse(`${bare} UTC`);
  if (Number.isNaN(wall)) {
    return null;
  }
  const date = new Date(wall);
  if (!validDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) {
    return null;
  }
  const hasTime = /\d:\d\d/.test(bare);
  if (!hasTime) {
    return date.toISOString().slice(0, 10);
  }
  return atOffset(wall, null) + (offset === null ? '' : offsetText(offset));
}
