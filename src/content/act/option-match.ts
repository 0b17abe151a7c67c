import { normalizeSpace } from '@shared/text';

export interface OptionFacts {
  text: string;
  value: string;
}

export const normalizeOption = (text: string): string => normalizeSpace(text).toLowerCase();

/**
 * The option an agent meant: exact text, exact value, then the same ignoring case and whitespace,
 * then the only option whose text contains it. -1 when none (or several) match.
 */
export function matchOption(options: readonly OptionFacts[], wanted: string): number {
  const exact = [
    (o: OptionFacts) => o.text === wanted,
    (o: OptionFacts) => o.value === wanted,
    (o: OptionFacts) => normalizeOption(o.text) === normalizeOption(wanted),
    (o: OptionFacts) => normalizeOption(o.value) === normalizeOption(wanted),
  ];
  for (const test of exact) {
    const index = options.findIndex(test);
    if (index >= 0) {
      return index;
    }
  }
  const needle = normalizeOption(wanted);
  if (!needle) {
    return -1;
  }
  const containing = options.flatMap((o, i) =>
    normalizeOption(o.text).includes(needle) ? [i] : [],
  );
  return containing.length === 1 ? containing[0]! : -1;
}

const MAX_LISTED_OPTIONS = 30;

/** "option X not found; options are: A, B, C" (the list capped, so a country list stays short). */
export function optionNotFound(wanted: string, options: readonly OptionFacts[]): string {
  const names = options.map((o) => normalizeSpace(o.text) || o.value);
  const listed = names.slice(0, MAX_LISTED_OPTIONS).join(', ');
  const more =
    names.length > MAX_LISTED_OPTIONS ? ` (and ${names.length - MAX_LISTED_OPTIONS} more)` : '';
  return names.length === 0
    ? `option "${wanted}" not found; the list has no options yet, click it to open it and observe again`
    : `option "${wanted}" not found; options are: ${listed}${more}`;
}
