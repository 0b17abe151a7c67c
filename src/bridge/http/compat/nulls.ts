type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pydantic clients send every unset optional field as `null`. On the wire `null` means "not
 * given": those keys are dropped before validation, at the top level and inside `action`, so the
 * field's default applies. Nested values (a form_fill map, a response_format) stay untouched.
 */
export function withoutNulls(body: unknown): unknown {
  if (!isObject(body)) {
    return body;
  }
  const kept = Object.entries(body).filter(([, value]) => value !== null);
  return Object.fromEntries(
    kept.map(([key, value]) => [key, key === 'action' ? withoutNulls(value) : value]),
  );
}

/** Splits `keys` off an object: the rest, and the names of the keys that were present. */
export function splitKeys(
  body: JsonObject,
  keys: readonly string[],
): { rest: JsonObject; taken: string[] } {
  const rest: JsonObject = {};
  const taken: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (keys.includes(key)) {
      taken.push(key);
    } else {
      rest[key] = value;
    }
  }
  return { rest, taken };
}
