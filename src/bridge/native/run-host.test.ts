// @vitest-environment node
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { ChunkFrame } from '@shared/protocol/bridge-link';
import { createFrameDecoder, encodeFrame } from './framing';
import { runHost, type RunningHost } from './run-host';
import { readStatus, statusPathOf } from '../config/status-file';
import { sampleHello, sampleSession } from '../testing/test-fixtures';
import { loadOrCreateToken } from '../config/token';

let configDir: string;
let stdin: PassThrough;
let stdout: PassThrough;
let fromHost: Record<string, unknown>[];
let host: RunningHost | null;

beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'tabsight-host-'));
  stdin = new PassThrough();
  stdout = new PassThrough();
  fromHost = [];
  const decoder = createFrameDecoder({
    onMessage: (m) => fromHost.push(m as Record<string, unknown>),
  });
  stdout.on('data', (chunk: Buffer) => decoder.push(chunk));
  host = null;
});

afterEach(async () => {
  if (host) {
    stdin.end();
    await host.done;
  }
  rmSync(configDir, { recursive: true, force: true });
});

const start = async (port = 0) => {
  host = await runHost({
    stdin,
    stdout,
    port,
    configDir,
    version: '0.1.0',
    callerOrigin: `chrome-extension://${sampleHello.extension_id}/`,
    log: () => {},
    uploadPolicy: { uploadDir: tmpdir(), forbidden: [configDir] },
  });
  return host;
};

const until = async (check: () => boolean, timeoutMs = 2000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('runHost', () => {
  it('listens, reports its status, serves HTTP and forwards calls over the native port', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await until(() => fromHost.length > 0);
    expect(fromHost[0]).toEqual({
      v: 1,
      event: 'host-status',
      data: { listening: true, url, error: null, allow_file_urls: false },
    });
    expect(readStatus(configDir)).toMatchObject({ pid: process.pid, url });

    const before = (await (await fetch(`${url}/health`)).json()) as { status: string };
    expect(before.status).toBe('degraded');

    stdin.write(encodeFrame({ v: 1, event: 'hello', data: sampleHello }));
    await until(() => host?.link.state().connected === true);

    const token = loadOrCreateToken(configDir);
    const pending = fetch(`${url}/sessions/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.test/' }),
    });
    await until(() => fromHost.length > 1);
    const request = fromHost[1] as { id: number; method: string; params: { url: string } };
    expect(request).toMatchObject({ v: 1, method: 'session.start' });
    expect(request.params.url).toBe('https://example.test/');
    stdin.write(encodeFrame({ id: request.id, ok: true, result: sampleSession() }));
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(sampleSession());
  });

  it('sends a request over the native message limit as chunk frames', async () => {
    const { url } = await start();
    stdin.write(encodeFrame({ v: 1, event: 'hello', data: sampleHello }));
    await until(() => host?.link.state().connected === true);
    // The upload folder is the temp dir; the config dir inside it is never read.
    const file = join(tmpdir(), `tabsight-big-${process.pid}.bin`);
    writeFileSync(file, Buffer.alloc(2_000_000, 7));
    onTestFinished(() => rmSync(file, { force: true }));
    const pending = fetch(`${url}/sessions/s1/page/execute`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${loadOrCreateToken(configDir)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ type: 'upload_file', id: 'I1', file_path: file }),
    });
    await until(() =>
      fromHost.some((f) => 'chunk' in f && (f.chunk as { index: number }).index === 0),
    );
    const chunks = fromHost.filter((f) => 'chunk' in f).map((f) => ChunkFrame.parse(f).chunk);
    await until(() => fromHost.filter((f) => 'chunk' in f).length === chunks[0]!.count);
    const request = JSON.parse(
      fromHost
        .filter((f) => 'chunk' in f)
        .map((f) => ChunkFrame.parse(f).chunk.data)
        .join(''),
    ) as { id: number; params: { action: { file: { base64: string } } } };
    expect(Buffer.from(request.params.action.file.base64, 'base64').length).toBe(2_000_000);
    stdin.write(
      encodeFrame({
        id: request.id,
        ok: false,
        error: { code: 'session-not-found', message: 'no session s1' },
      }),
    );
    expect((await pending).status).toBe(404);
  });

  it('closes everything when stdin ends', async () => {
    const { url, done } = await start();
    stdin.end();
    await done;
    host = null;
    expect(existsSync(statusPathOf(configDir))).toBe(false);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  /** A connected host with one HTTP call forwarded to the extension and not yet answered. */
  async function startWithCallInFlight() {
    const { url, done } = await start();
    stdin.write(encodeFrame({ v: 1, event: 'hello', data: sampleHello }));
    await until(() => host?.link.state().connected === true);
    const pending = fetch(`${url}/sessions`, {
      headers: { authorization: `Bearer ${loadOrCreateToken(configDir)}` },
    });
    await until(() => fromHost.length > 1);
    return { pending, done };
  }

  it('fails pending HTTP calls with 503 when the port closes', async () => {
    const { pending, done } = await startWithCallInFlight();
    host?.link.close('test closed the port');
    const res = await pending;
    expect(res.status).toBe(503);
    stdin.end();
    await done;
    host = null;
  });

  it('answers calls in flight with 503 when stdin ends, before closing', async () => {
    const { pending, done } = await startWithCallInFlight();
    stdin.end();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /not connected.*closed the native port/,
    );
    await done;
    host = null;
  });

  it('tells the extension when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { url } = await start(port);
      expect(url).toBeNull();
      await until(() => fromHost.length > 0);
      expect(fromHost[0]).toMatchObject({
        event: 'host-status',
        data: {
          listening: false,
          url: null,
          error: `port ${port} is in use by another process: stop it or set TABSIGHT_PORT`,
        },
      });
    } finally {
      blocker.close();
    }
  });
});
