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
