/**
 * `bytes` random bytes as hex. `crypto.getRandomValues`, not `crypto.randomUUID`: the latter
 * exists only in secure contexts, and content scripts run in plain-http pages too.
 */
export function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
