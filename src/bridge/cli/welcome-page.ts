import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The page `npm start` opens in Chromium: served by the CLI (not by the bridge, which no web page
 * may reach) on its own loopback port, so the printed example observes a real page even offline.
 */
const WELCOME_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tabsight is ready</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
</head>
<body>
<h1>Tabsight is ready</h1>
<p>This browser is driven by your agent through the local bridge. Every tab it opens is observed
by the Tabsight extension; the printed <code>curl</code> adopts this tab and observes it.</p>
<form onsubmit="event.preventDefault(); document.getElementById('echo').textContent = 'Hello, ' + this.name.value;">
  <label>Your name <input name="name" placeholder="Ada"></label>
  <button type="submit">Say hello</button>
</form>
<p id="echo"></p>
</body>
</html>`;

export interface WelcomePage {
  url: string;
  /**
   * Resolves true once Chromium has fetched the page (its tab is then about to commit, so the
   * printed observe finds a document), or false after `timeoutMs`.
   */
  served(timeoutMs: number): Promise<boolean>;
  close(): void;
}

export async function serveWelcomePage(): Promise<WelcomePage> {
  let markServed: () => void = () => {};
  const servedOnce = new Promise<void>((resolve) => (markServed = resolve));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(WELCOME_HTML);
    markServed();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served: (timeoutMs) =>
      Promise.race([
        servedOnce.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
      ]),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
