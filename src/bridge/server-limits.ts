import type { ServerOptions } from 'node:http';

/**
 * Limits that keep idle or slow connections from locking the bridge (and so `/health`) out:
 * a socket must finish its request headers within HEADERS_TIMEOUT_MS and its whole request
 * within REQUEST_TIMEOUT_MS, an idle keep-alive socket is closed after KEEP_ALIVE_TIMEOUT_MS,
 * and the server holds at most MAX_CONNECTIONS sockets (more are closed on arrival). The answer
 * to a request may take as long as the call needs; only receiving the request is timed.
 */
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 10_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const MAX_CONNECTIONS = 256;
/** How often Node checks the two request timeouts (its default is 30 s). */
export const CONNECTIONS_CHECK_MS = 500;

export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
};
