import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BridgeImpostorError, createTabsightClient } from '../../src/client';
import { expect, test } from '../support/fixtures';
import { REPO_ROOT } from '../support/launch';

/** A local process that took the bridge's port: it answers everything and keeps every header. */
async function squatter() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    // It even answers /identity, with a proof it cannot compute.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ proof: '0'.repeat(64), status: 'ok' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe('a process squatting the bridge port never gets the token', () => {
  test('the typed client asks for proof first and refuses; the real bridge proves it', async ({
    ext,
  }) => {
    const squat = await squatter();
    try {
      const fooled = createTabsightClient({ url: squat.url, token: ext.token });
      await expect(fooled.list()).rejects.toBeInstanceOf(BridgeImpostorError);
      await expect(fooled.health()).rejects.toThrow(/is not the Tabsight bridge/);
      expect(squat.seen.length).toBeGreaterThan(0);
      expect(JSON.stringify(squat.seen)).not.toContain(ext.token);
      expect(squat.seen.every((h) => h.authorization === undefined)).toBe(true);
    } finally {
      await squat.close();
    }
    // Honest use: the bridge itself proves it holds the token, and the client goes on.
    const real = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
    expect((await real.health()).status).toBeDefined();
    expect(Array.isArray(await real.list())).toBe(true);
  });

  test('`cli.js mcp` pointed at the squatter reports it and sends no token', async ({ ext }) => {
    const squat = await squatter();
    const configDir = mkdtempSync(path.join(tmpdir(), 'tabsight-squat-'));
    writeFileSync(path.join(configDir, 'token'), `${ext.token}\n`, { mode: 0o600 });
    const { PATH = '', HOME = '' } = process.env;
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [path.join(REPO_ROOT, 'dist-bridge', 'cli.js'), 'mcp'],
      env: { PATH, HOME, TABSIGHT_CONFIG_DIR: configDir, TABSIGHT_URL: squat.url },
      stderr: 'pipe',
    });
    const mcp = new Client({ name: 'e2e', version: '1.0.0' });
    await mcp.connect(transport);
    try {
      const result = (await mcp.callTool({
        name: 'tabsight_list_sessions',
        arguments: {},
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
      expect(text).toContain('is not the Tabsight bridge');
      expect(JSON.stringify(squat.seen)).not.toContain(ext.token);
      expect(squat.seen.every((h) => h.authorization === undefined)).toBe(true);
    } finally {
      await mcp.close();
      await squat.close();
    }
  });
});
