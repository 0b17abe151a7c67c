import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface StaticServer {
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 at an ephemeral port; two of them make two origins. `host` names
 * the origin the browser is sent to: a `*.test` name (which the e2e Chromium maps to loopback,
 * see `HOST_RESOLVER_RULES`) makes a plain-http, non-secure context on a site of its own, as on
 * the web; Node's own fetches need the default `127.0.0.1`.
 */
export async function serveFolder(root: string, host = '127.0.0.1'): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // `?delay_ms=N` answers N ms late: a slow API for tests of what waits for the network.
    const delay = Math.min(Number(url.searchParams.get('delay_ms')) || 0, 10_000);
    if (delay > 0) {
      setTimeout(() => serve(res, url.pathname), delay);
      return;
    }
    serve(res, url.pathname);
  });
  const serve = (res: ServerResponse, rawPath: string) => {
    const pathname = decodeURIComponent(rawPath);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    close: () =>
      new Promise((resolve) => {
        // The browser keeps connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
