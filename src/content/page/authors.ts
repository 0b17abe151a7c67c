/**
 * Author names out of what pages write where a name belongs: "By Jane Doe", "Jane Doe May 3,
 * 2016", "Jane Doe, Senior Editor", "Stella Kim and Jennifer Jett", a profile URL, a handle.
 */

/** A profile URL, a domain, an e-mail address or a social handle is no person's name. */
const NOT_A_NAME = /^(?:@|https?:|www\.)|^[\w.-]+\.(?:com|org|net)\/|^[^\s@]+@[^\s@]+\.\w+$/i;

/** Words that introduce a byline: "By", "Written by", "Posted by", "Von", "Par", "Por", "Door". */
const BYLINE_LEAD =
  /^(?:(?:written|posted|words|story|text|reporting|photos?|published|article)\s+by|by|von|par|por|door)[:\s]+/i;
/** "ByJane Doe": a byline whose space was markup (case matters: "Byron" is a name). */
const GLUED_BY = /^By(?=[A-Z])/;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Where a date or time starts inside a byline: "Jane Doe May 3, 2016", "Jane Doe 03/05/2016". */
const DATE_IN_BYLINE = new RegExp(
  String.raw`(?:^|[\s,|•·–—-]+)(?:(?:updated|published|posted|on)\s+)?(?:${MONTH}\.?\s+\d{1,2}\b|\d{1,2}\s+${MONTH}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}:\d{2}|\d+\s+(?:minutes?|hours?|days?)\s+ago|(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)[a-z]*,?\s+${MONTH}).*$`,
  'i',
);
const MAX_NAME_CHARS = 100;
const MAX_NAME_WORDS = 12;

/** Where one name ends and the next (or a role) begins: "and", "&", a comma, semicolon or bar. */
const NAME_BREAK = /\s+(?:and|und|et|y|e)\s+|\s*[&,;；|]\s*|\s+[–—-]\s+/i;

/** Words of a job, a desk or an outlet: a part holding one is a role, not a person's name. */
const ROLE_WORD =
  /^(?:staff|senior|junior|chief|deputy|managing|executive|contributing|associate|assistant|special|editor|editors|editorial|reporter|reporters|correspondent|writer|writers|contributor|columnist|journalist|author|photographer|producer|director|manager|officer|analyst|technologist|engineer|developer|designer|scientist|researcher|professor|president|founder|co-founder|ceo|cto|cfo|intern|fellow|head|lead|team|desk|bureau|department|project|program|programme|university|institute|center|centre|foundation|association|union|news|newsroom|press|wire|wires|reports|agency|media|magazine|daily|times|post|journal|herald|tribune|inc|ltd|llc|corp|group|network|online|blog|staffer|partner|sponsor|guest|opinion|contributors)$/i;
/** Particles inside names: "Ludwig van Beethoven", "Ana de la Cruz", "Omar bin Laden". */
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|la|le|dos|das|bin|ibn|al|el|st\.?)$/i;

/**
 * Whether a part reads as a person's name: one to five words, each capitalised (or a particle,
 * or in a script without case), with no digit and no word of a job, desk or outlet.
 */
export function looksLikeName(part: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5 || /\d/.test(part)) {
    return false;
  }
  return words.every(
    (word) =>
      !ROLE_WORD.test(word.replace(/[.,:]$/, '')) &&
      (/^[\p{Lu}\p{Lo}]/u.test(word) || PARTICLE.test(word)),
  );
}

/**
 * Names in one byline: split at "and", "&", commas, semicolons and bars when the parts are
 * names; a role after the names (", Senior Editor", " | Staff Writer") cut off. A byline whose
 * first part is no name is kept whole ("Staff and wire reports"), and so is "Doe, Jane" (only
 * one-word parts: a surname and a given name, not two people).
 */
export function splitNames(byline: string): string[] {
  const parts = byline
    .split(NAME_BREAK)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2 || !looksLikeName(parts[0]!)) {
    return [byline];
  }
  const names: string[] = [];
  for (const part of parts) {
    if (!looksLikeName(part)) {
      break;
    }
    names.push(part);
  }
  if (names.length > 1 && names.every((name) => !name.includes(' '))) {
    return [byline];
  }
  return names;
}

const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The names in one author value: "By" lines, dates and separators cleaned off, split into
 * people, a trailing role cut. None for what is no name: a URL, a handle, an e-mail address, a
 * date, a text too long for a byline, or any of `notNames` (the publisher), compared loosely.
 */
export function authorNames(
  value: string | null | undefined,
  notNames: readonly (string | null)[] = [],
): string[] {
  const cleaned = value
    ?.replace(/\s+/g, ' ')
    .trim()
    // "By Jane", "BY JANE", "ByJane" (a byline whose space was markup), not "Byron".
    .replace(BYLINE_LEAD, '')
    .replace(GLUED_BY, '')
    .replace(DATE_IN_BYLINE, '')
    // "Jane Doe -" or "Jane Doe |": the separator before a role or date the template dropped.
    .replace(/[\s\-–—|,:·•]+$/, '')
    .replace(/^[\s\-–—|,:·•]+/, '')
    .trim();
  if (
    !cleaned ||
    NOT_A_NAME.test(cleaned) ||
    !/\p{L}/u.test(cleaned) ||
    cleaned.length > MAX_NAME_CHARS ||
    cleaned.split(' ').length > MAX_NAME_WORDS
  ) {
    return [];
  }
  return splitNames(cleaned).filter(
    (name) => !NOT_A_NAME.test(name) && !notNames.some((o) => o && loose(o) === loose(name)),
  );
}

/** One author value as a byline: its names joined with ", ", or null (see `authorNames`). */
export function cleanAuthor(
  value: string | null | undefined,
  notNames: readonly (string | null)[] = [],
): string | null {
  return authorNames(value, notNames).join(', ') || null;
}

/** Several author values as one byline: each cleaned and split, repeats dropped, joined with ", ". */
export function joinAuthors(
  values: readonly (string | null | undefined)[],
  notNames: readonly (string | null)[] = [],
): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const name of values.flatMap((value) => authorNames(value, notNames))) {
    const key = loose(name);
    if (key && !seen.has(key)) {
      seen.add(key);
      kept.push(name);
    }
  }
  return kept.join(', ') || null;
}
