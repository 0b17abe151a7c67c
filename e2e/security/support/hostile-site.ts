import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chromium resolves every `*.test` host to loopback: real-looking, cross-site, non-secure hosts. */
export const TEST_HOSTS_FLAG = '--host-resolver-rules=MAP *.test 127.0.0.1';

export interface HostileSite {
  port: number;
  /** `http://<host>:<port><pathname>`, e.g. url('shop.test', '/upload'). */
  url(host: string, pathname: string): string;
  close(): Promise<void>;
}

/** Serves the given pages (pathname → HTML) on 127.0.0.1 for any host name that maps there. */
export async function serveHostileSite(pages: Record<string, string>): Promise<HostileSite> {
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages[pathname];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, pathname) => `http://${host}:${port}${pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A bridge request with the bearer token; the answer's status and JSON body. */
export async function bridgeCall(
  bridge: { bridgeUrl: string; token: string },
  method: 'GET' | 'POST' | 'DELETE',
  pathname: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${bridge.bridgeUrl}${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${bridge.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : {},
  };
}
