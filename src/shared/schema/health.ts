import { z } from 'zod';

/** GET /health: public, so a client or `doctor` can tell a sleeping extension from a dead bridge. */
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
