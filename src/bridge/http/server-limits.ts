import type { Server, ServerOptions } from 'node:http';

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

/**
 * Applies the cap, and cuts a socket that sends no request within HEADERS_TIMEOUT_MS of
 * connecting: Node's own header timeout only starts with the first byte, so a silent socket
 * would otherwise be held for ever. Once a request arrives the answer is never timed here.
 */
export function applyServerLimits(server: Server): void {
  server.maxConnections = MAX_CONNECTIONS;
  server.on('connection', (socket) => {
    socket.setTimeout(HEADERS_TIMEOUT_MS, () => socket.destroy());
  });
  server.on('request', (req) => {
    req.socket.setTimeout(0);
  });
}
