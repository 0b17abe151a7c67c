import { createHmac, randomBytes } from 'node:crypto';
import { checkIdentity, identityMessage, type IdentityCheck } from '@shared/identity';

const hmacHex = (key: string, message: string): string =>
  createHmac('sha256', key).update(message).digest('hex');

/** The proof of `GET /identity` (src/shared/identity.ts): HMAC-SHA256 as hex. */
export const identityProofOf = (token: string, port: number, challenge: string): string =>
  hmacHex(token, identityMessage(port, challenge));

/**
 * The bridge's own commands (start, doctor) ask the process at `url` for the proof before they
 * send it the token, as every client does.
 */
export function checkBridgeIdentity(
  url: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 3_000,
): Promise<IdentityCheck> {
  return checkIdentity(url, token, {
    fetch: (target) => fetchImpl(target, { signal: AbortSignal.timeout(timeoutMs) }),
    hmacHex,
    challenge: randomBytes(16).toString('hex'),
  });
}
