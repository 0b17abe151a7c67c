/** What form_fill reads about a field to decide which key it takes. */
export interface FieldFacts {
  autocomplete: string;
  name: string;
  id: string;
  /** Label text, aria-label and placeholder, joined. */
  label: string;
  type: string;
}

interface KeySpec {
  autocomplete: string[];
  /** Matched against name/id (strong) and label text (weaker). */
  pattern: RegExp;
  type?: string;
  /** Fill every matching field (password and its confirmation). */
  all?: boolean;
}

const KEYS: Record<string, KeySpec> = {
  email: { autocomplete: ['email'], pattern: /e-?mail/i, type: 'email' },
  first_name: {
    autocomplete: ['given-name'],
    pattern: /first.?name|fname|given.?name|forename|prénom/i,
  },
  last_name: { autocomplete: ['family-name'], pattern: /last.?name|lname|surname|family.?name/i },
  full_name: { autocomplete: ['name'], pattern: /^(full.?)?name$|full.?name|your.?name/i },
  phone: {
    autocomplete: ['tel', 'tel-national'],
    pattern: /phone|mobile|tel\b|telephone/i,
    type: 'tel',
  },
  address: {
    autocomplete: ['street-address', 'address-line1'],
    pattern: /address(.?line)?.?1?$|street|addr\b/i,
  },
  address2: { autocomplete: ['address-line2'], pattern: /address.?(line)?.?2|apt|suite/i },
  city: { autocomplete: ['address-level2'], pattern: /city|town|locality/i },
  state: { autocomplete: ['address-level1'], pattern: /state|province|region|county/i },
  postal_code: { autocomplete: ['postal-code'], pattern: /zip|postal|post.?code/i },
  country: { autocomplete: ['country', 'country-name'], pattern: /country/i },
  company: { autocomplete: ['organization'], pattern: /company|organi[sz]ation|employer/i },
  username: { autocomplete: ['username'], pattern: /user.?name|login|user.?id/i },
  password: {
    autocomplete: ['current-password', 'new-password'],
    pattern: /pass(word)?|pwd/i,
    type: 'password',
    all: true,
  },
  card_number: { autocomplete: ['cc-number'], pattern: /card.?(num|no)|cc.?num/i },
  card_name: { autocomplete: ['cc-name'], pattern: /card.?holder|name.?on.?card|cc.?name/i },
  card_expiry: { autocomplete: ['cc-exp'], pattern: /exp(iry|iration)?(.?date)?$|cc.?exp/i },
  card_cvc: { autocomplete: ['cc-csc'], pattern: /cvc|cvv|csc|security.?code/i },
  birthdate: { autocomplete: ['bday'], pattern: /birth|dob\b|bday/i },
  website: { autocomplete: ['url'], pattern: /website|homepage|url/i, type: 'url' },
  message: { autocomplete: [], pattern: /message|comment|note|question/i },
  subject: { autocomplete: [], pattern: /subject|topic/i },
};

/** Aliases agents use for the same key. */
const ALIASES: Record<string, string> = {
  name: 'full_name',
  firstname: 'first_name',
  lastname: 'last_name',
  tel: 'phone',
  phone_number: 'phone',
  zip: 'postal_code',
  zip_code: 'postal_code',
  postcode: 'postal_code',
  street: 'address',
  address1: 'address',
  address_line1: 'address',
  address_line2: 'address2',
  organization: 'company',
  province: 'state',
  region: 'state',
};

function specOf(key: string): KeySpec {
  const canonical = ALIASES[key.toLowerCase()] ?? key.toLowerCase();
  const known = KEYS[canonical];
  if (known) {
    return known;
  }
  // An unknown key still matches fields named like it ("loyalty_number" ~ "loyalty number").
  const words = canonical
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((w) => w.replace(/\W/g, ''));
  return { autocomplete: [canonical], pattern: new RegExp(words.join('.?'), 'i') };
}

/** How well a field fits a key: autocomplete beats type, beats name/id, beats label text. */
export function fieldScore(spec: KeySpec, field: FieldFacts): number {
  const tokens = field.autocomplete.toLowerCase().split(/\s+/);
  if (spec.autocomplete.some((a) => tokens.includes(a))) {
    return 10;
  }
  let score = 0;
  if (spec.type && field.type === spec.type) {
    score += 6;
  }
  if (spec.pattern.test(field.name) || spec.pattern.test(field.id)) {
    score += 5;
  } else if (spec.pattern.test(field.label)) {
    score += 3;
  }
  return score;
}

/**
 * Assigns form_fill keys to fields, best fits first, each field taken once (a password key takes
 * every password field). Returns key → field indexes; keys that fit nothing are absent.
 */
export function matchFields(
  keys: readonly string[],
  fields: readonly FieldFacts[],
): Map<string, number[]> {
  const candidates: { key: string; field: number; score: number }[] = [];
  for (const key of keys) {
    const spec = specOf(key);
    fields.forEach((field, index) => {
      const score = fieldScore(spec, field);
      if (score > 0) {
        candidates.push({ key, field: index, score });
      }
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.field - b.field);
  const taken = new Set<number>();
  const result = new Map<string, number[]>();
  for (const { key, field } of candidates) {
    if (taken.has(field)) {
      continue;
    }
    const already = result.get(key);
    if (already && !specOf(key).all) {
      continue;
    }
    taken.add(field);
    result.set(
      key,
      [...(already ?? []), field].sort((a, b) => a - b),
    );
  }
  return result;
}
