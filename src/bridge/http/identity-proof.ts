import { createHmac } from 'node:crypto';
import { identityMessage } from '@shared/identity';

/** The proof of `GET /identity` (src/shared/identity.ts): HMAC-SHA256 as hex. */
export const identityProofOf = (token: string, port: number, challenge: string): string =>
  createHmac('sha256', token).update(identityMessage(port, challenge)).digest('hex');
