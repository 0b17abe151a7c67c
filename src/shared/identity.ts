import { z } from 'zod';

/**
 * Proof that the process answering on a port is the bridge that holds the token, asked for before
 * a client sends the token (README "Security model"): after the bridge stops, any local process
 * can bind its port, and a client that sent `Authorization` first would hand it the token.
 *
 * The client draws a random challenge; the bridge answers HMAC-SHA256(token, "tabsight-identity
 * <port> <challenge>") with the port it listens on. A process without the token cannot answer,
 * and one that relays the challenge to the real bridge on another port gets a proof for that
 * port, which the client refuses. The proof reveals nothing of the token (HMAC is a PRF). Each side
 * computes the HMAC with its own runtime's crypto.
 */
export const IdentityQuery = z.strictObject({
  challenge: z
    .string()
    .regex(/^[0-9a-f]{32,128}$/, 'a challenge is 32 to 128 lowercase hex characters')
    .describe('Random hex the client drew for this check'),
});

export const IdentityResponse = z.strictObject({
  proof: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('HMAC-SHA256(token, "tabsight-identity <port> <challenge>") as hex'),
});
export type IdentityResponse = z.infer<typeof IdentityResponse>;

/** What the proof is the HMAC of: the port the bridge listens on, and the client's challenge. */
export const identityMessage = (port: number, challenge: string): string =>
  `tabsight-identity ${port} ${challenge}`;

/** The port a client reaches `url` on: the explicit one, else the scheme's default. */
export function portOfUrl(url: string): number {
  // Shared code has no URL global (no DOM, no Node); the bridge's URLs are plain http(s).
  const match = /^(https?):\/\/(?:\[[^\]]*\]|[^/:?#]*)(?::(\d+))?/i.exec(url);
  if (!match) {
    throw new Error(
      `${url} is not an http(s) URL: give the bridge URL, e.g. http://127.0.0.1:7410`,
    );
  }
  return match[2] ? Number(match[2]) : match[1]!.toLowerCase() === 'https' ? 443 : 80;
}

export interface IdentityCheckDeps {
  /** GET of a URL, without credentials. */
  fetch: (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
  /** HMAC-SHA256(key, message) as lowercase hex, with the caller's runtime crypto. */
  hmacHex: (key: string, message: string) => string;
  /** Fresh random lowercase hex, 32 to 128 characters. */
  challenge: string;
}

export type IdentityCheck =
  | { ok: true }
  | { ok: false; reason: 'unreachable'; cause: unknown }
  | { ok: false; reason: 'impostor'; detail: string };

/** Equal hex strings, compared without an early exit (a proof is not a secret, but cheap). */
function sameHex(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  }
  return diff === 0;
}

/**
 * Asks the process at `base` to prove it holds `token` for the port it is reached on; the one
 * check every client runs before it sends the token (the typed client, `cli.js mcp`, doctor).
 */
export async function checkIdentity(
  base: string,
  token: string,
  deps: IdentityCheckDeps,
): Promise<IdentityCheck> {
  const root = base.replace(/\/$/, '');
  let res: Awaited<ReturnType<IdentityCheckDeps['fetch']>>;
  try {
    res = await deps.fetch(`${root}/identity?challenge=${deps.challenge}`);
  } catch (cause) {
    return { ok: false, reason: 'unreachable', cause };
  }
  const body = IdentityResponse.safeParse(await res.json().catch(() => null));
  if (!res.ok || !body.success) {
    return {
      ok: false,
      reason: 'impostor',
      detail: `GET /identity answered ${res.status} without a proof`,
    };
  }
  const expected = deps.hmacHex(token, identityMessage(portOfUrl(root), deps.challenge));
  return sameHex(body.data.proof, expected)
    ? { ok: true }
    : { ok: false, reason: 'impostor', detail: 'its proof does not match the token' };
}
