import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { waitForConnected } from './support/launch';
import { bridgeIsDown, hostPid, isAlive, pageAt } from './support/resilience-helpers';

/** Generous bounds: the machine is shared; nothing here depends on being fast. */
const RECOVERY_MS = 30_000;

test.describe('the bridge survives its service worker and its host', () => {
  test('a stopped service worker loses no session; the bridge comes back once it wakes', async ({
    ext,
    client,
    site,
  }) => {
    const session = await client.start({ url: site.url('/basic.html') });
    await client.observe(session.session_id, {});
    const cdp = await ext.context.newCDPSession(ext.context.pages()[0]!);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Chrome ends the host as the port closes, and the HTTP server with it.
    await expect.poll(() => bridgeIsDown(ext.bridgeUrl), { timeout: RECOVERY_MS }).toBe(true);
    // Any extension event wakes the worker (for users: the 30 s reconnect alarm); here, a
    // message from one of our pages (loaded in a tab, the popup page is refused, but it wakes it).
    const wake = await ext.context.newPage();
    await wake.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    await wake.evaluate(
      'chrome.runtime.sendMessage({ method: "popup.status", params: {} }).catch(() => null)',
    );
    await waitForConnected(ext.bridgeUrl, RECOVERY_MS);
    await wake.close();
    await cdp.detach();

    const sessions = await client.list();
    expect(sessions.map((s) => s.session_id)).toContain(session.session_id);
    const observation = await client.observe(session.session_id, {});
    expect(observation.metadata.url).toBe(site.url('/basic.html'));
    expect(observation.session.status).toBe('active');
    await client.stop(session.session_id);
  });

  test('a stopped service worker is restarted by its alarm, with no page opened', async ({
    ext,
    client,
    site,
  }) => {
    test.setTimeout(120_000);
    const session = await client.start({ url: site.url('/basic.html') });
    const cdp = await ext.context.newCDPSession(ext.context.pages()[0]!);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => bridgeIsDown(ext.bridgeUrl), { timeout: RECOVERY_MS }).toBe(true);
    await cdp.detach();
    // The reconnect alarm fires every 30 s; allow two periods plus the host's start-up.
    await waitForConnected(ext.bridgeUrl, 75_000);
    expect((await client.observe(session.session_id, {})).session.session_id).toBe(
      session.session_id,
    );
    await client.stop(session.session_id);
  });

  test('a killed host is restarted with backoff, on the same port with the same token', async ({
    ext,
    client,
    site,
  }) => {
    const session = await client.start({ url: site.url('/basic.html') });
    const pid = hostPid(ext.configDir);
    expect(pid).not.toBeNull();
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => isAlive(pid!), { timeout: RECOVERY_MS }).toBe(false);
    await expect.poll(() => hostPid(ext.configDir), { timeout: RECOVERY_MS }).not.toBe(pid);
    await waitForConnected(ext.bridgeUrl, RECOVERY_MS);
    const observation = await client.observe(session.session_id, {});
    expect(observation.session.session_id).toBe(session.session_id);
    await client.stop(session.session_id);
  });
});

test.describe('load and size', () => {
  test('4 sessions × 5 concurrent observes all succeed', async ({ client, site }) => {
    const sessions = await Promise.all(
      [0, 1, 2, 3].map(() => client.start({ url: site.url('/basic.html') })),
    );
    const observations = await Promise.all(
      sessions.flatMap((s) =>
        [0, 1, 2, 3, 4].map(async () => ({
          id: s.session_id,
          observation: await client.observe(s.session_id, { scope: 'page' }),
        })),
      ),
    );
    expect(observations).toHaveLength(20);
    for (const { id, observation } of observations) {
      expect(observation.session.session_id).toBe(id);
      expect(observation.metadata.title).toBe('Basic fixture');
    }
    await Promise.all(sessions.map((s) => client.stop(s.session_id)));
  });

  test('a 3 MB upload travels in chunks and arrives whole', async ({ ext, client, site }) => {
    const bytes = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = (i * 7919) % 251;
    }
    const file = path.join(ext.uploadDir!, 'big-upload.bin');
    writeFileSync(file, bytes);
    let hash = 0x811c9dc5;
    for (const byte of bytes) {
      hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    }
    const fnv = hash.toString(16).padStart(8, '0');

    const url = site.url('/resilience/upload.html');
    const session = await client.start({ url });
    const observation = await client.observe(session.session_id, {});
    const input = observation.space.interaction_actions.find((a) => a.type === 'upload_file');
    expect(input).toBeDefined();
    const result = await client.execute(session.session_id, {
      type: 'upload_file',
      id: input!.id,
      file_path: file,
    });
    expect(result.success, result.message).toBe(true);
    const page = await pageAt(ext, url);
    await expect(page.locator('#received')).toHaveText(
      `big-upload.bin ${bytes.length} bytes fnv1a ${fnv}`,
    );
    await client.stop(session.session_id);
  });
});

test.describe('security', () => {
  test('no observation contains a password value', async ({ ext, client, site }) => {
    const secret = 'hunter2-Zq9-secret';
    const url = site.url('/resilience/password.html');
    const session = await client.start({ url });
    const page = await pageAt(ext, url);
    await page.locator('#password').pressSequentially(secret);
    const first = await client.observe(session.session_id, {});
    const pin = first.space.interaction_actions.find((a) => a.description.includes('PIN'));
    expect(pin).toBeDefined();
    const filled = await client.execute(session.session_id, {
      type: 'fill',
      id: pin!.id,
      value: `${secret}-pin`,
    });
    expect(filled.success, filled.message).toBe(true);
    await expect(page.locator('#password')).toHaveValue(secret);

    const answers = [
      await client.observe(session.session_id, {
        data: true,
        scope: 'page',
        selectors: true,
        ids_in_markdown: true,
      }),
      await client.scrape(session.session_id, {}),
    ];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain(secret);
    }
    expect(JSON.stringify(answers[0])).toContain('Password');
    await client.stop(session.session_id);
  });

  const rawStatus = (bridgeUrl: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string; cors: unknown }>((resolve, reject) => {
      const req = request(`${bridgeUrl}/health`, { headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            cors: res.headers['access-control-allow-origin'],
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  test('a DNS-rebinding Host is refused before routing', async ({ ext }) => {
    const port = new URL(ext.bridgeUrl).port;
    for (const host of [`evil.test:${port}`, `127.0.0.1.evil.test:${port}`, 'localhost:1']) {
      const res = await rawStatus(ext.bridgeUrl, { host });
      expect(res.status, host).toBe(403);
      expect(res.cors).toBeUndefined();
      expect(JSON.parse(res.body)).toMatchObject({
        message: expect.stringMatching(/DNS-rebinding/),
      });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await rawStatus(ext.bridgeUrl, { host })).status, host).toBe(200);
    }
  });

  test('only our extension origin may send an Origin header', async ({ ext }) => {
    const headers = { authorization: `Bearer ${ext.token}` };
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:1234',
      'null',
      'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]) {
      const res = await fetch(`${ext.bridgeUrl}/sessions`, { headers: { ...headers, origin } });
      expect(res.status, origin).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const ours = await fetch(`${ext.bridgeUrl}/sessions`, {
      headers: { ...headers, origin: `chrome-extension://${ext.extensionId}` },
    });
    expect(ours.status).toBe(200);
  });
});
