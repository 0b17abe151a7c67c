import { z } from 'zod';
import { PROTOCOL_VERSION } from '@shared/protocol/version';
import type { LinkState } from './extension-link';

export const HealthResponse = z.strictObject({
  status: z
    .enum(['ok', 'degraded'])
    .describe('degraded: the bridge runs but the extension is not usable'),
  version: z.string().describe('Bridge version'),
  protocol_version: z.string(),
  extension: z.strictObject({
    connected: z.boolean(),
    id: z.string().nullable(),
    version: z.string().nullable(),
  }),
  reason: z
    .string()
    .nullable()
    .optional()
    .describe('Why the extension is not connected; only with a valid token'),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export function healthOf(state: LinkState, version: string, authorized: boolean): HealthResponse {
  const health: HealthResponse = {
    status: state.connected ? 'ok' : 'degraded',
    version,
    protocol_version: PROTOCOL_VERSION,
    extension: {
      connected: state.connected,
      id: state.hello?.extension_id ?? null,
      version: state.hello?.version ?? null,
    },
  };
  if (authorized) {
    health.reason = state.connected ? null : state.reason;
  }
  return health;
}
