import { HealthResponse } from '@shared/schema/health';
import { PROTOCOL_VERSION } from '@shared/protocol/version';
import type { LinkState } from '../native/extension-link';

// Re-exported: the schema moved to src/shared so the typed client parses it too.
export { HealthResponse };

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
