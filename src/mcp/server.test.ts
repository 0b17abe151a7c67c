// @vitest-environment node
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Observation } from '@shared/schema/observation';
import { KNOWN_SESSION, TEST_TOKEN, createTestApp } from '../bridge/testing/test-app';
import { createTabsightClient } from '../client';
import { createTabsightMcpServer } from './server';

const TOOLS = [
  'tabsight_start_session',
  'tabsight_observe',
  'tabsight_execute',
  'tabsight_scrape',
  'tabsight_screenshot',
  'tabsight_list_sessions',
  'tabsight_stop_session',
];

let mcp: Client;
let bridge: ReturnType<typeof createTestApp>;

beforeEach(async () => {
  bridge = createTestApp();
  const client = createTabsightClient({ url: bridge.url, token: TEST_TOKEN, fetch: bridge.fetch });
  const server = createTabsightMcpServer({ client: () => client, version: '0.1.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  mcp = new Client({ name: 'test', version: '1.0.0' });
  await mcp.connect(clientSide);
});

afterEach(async () => {
  await mcp.close();
});

const call = async (name: string, args: Record<string, unknown>) =>
  (await mcp.callTool({ name, arguments: args })) as CallToolResult;

const textOf = (result: CallToolResult): string =>
  result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');

describe('tabsight MCP server', () => {
  it('lists every tool with a model-oriented description and an object input schema', async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of tools) {
      expect(tool.description?.length ?? 0).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
    }
    const execute = tools.find((t) => t.name === 'tabsight_execute');
    expect(execute?.inputSchema.required).toEqual(['session_id', 'action']);
    expect(execute?.description).toContain('scroll_down');
  });

  it('starts, lists and stops sessions', async () => {
    const started = await call('tabsight_start_session', { url: 'https://example.test/' });
    expect(started.isError).toBeFalsy();
    expect(textOf(started)).toContain(KNOWN_SESSION);
    expect(started.structuredContent).toMatchObject({ session_id: KNOWN_SESSION });

    const listed = await call('tabsight_list_sessions', {});
    expect(textOf(listed)).toContain(`${KNOWN_SESSION}: active`);

    const stopped = await call('tabsight_stop_session', { session_id: KNOWN_SESSION });
    expect(textOf(stopped)).toContain('closed');
  });

  it('observes compactly, with the full observation as structuredContent', async () => {
    const result = await call('tabsight_observe', { session_id: KNOWN_SESSION });
    const text = textOf(result);
    expect(text).toContain('# Page: Example');
    expect(text).toContain('URL: https://example.test/');
    expect(text).toContain('* B1: click button "Go"');
    expect(text).not.toContain('Special Browser Actions');
    expect(Observation.parse(result.structuredContent).space.interaction_actions).toHaveLength(1);
  });

  it('executes an action object and scrapes', async () => {
    const executed = await call('tabsight_execute', {
      session_id: KNOWN_SESSION,
      action: { type: 'click', id: 'B1' },
    });
    expect(executed.isError).toBeFalsy();
    expect(textOf(executed)).toMatch(/^OK: click B1: done/);

    const scraped = await call('tabsight_scrape', { session_id: KNOWN_SESSION });
    expect(textOf(scraped)).toBe('### Hi');
  });

  it('returns the screenshot as a JPEG image', async () => {
    const result = await call('tabsight_screenshot', { session_id: KNOWN_SESSION });
    expect(result.content[0]).toMatchObject({ type: 'image', mimeType: 'image/jpeg' });
    const data = result.content[0]?.type === 'image' ? result.content[0].data : '';
    expect([...Buffer.from(data, 'base64').subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });

  it("passes the bridge's error message on as a tool error", async () => {
    const result = await call('tabsight_observe', { session_id: 'nope' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(
      'Tabsight bridge answered 404: no session "nope": start one with POST /sessions/start',
    );
  });

  it('rejects a malformed action before it reaches the bridge', async () => {
    const result = await call('tabsight_execute', {
      session_id: KNOWN_SESSION,
      action: { type: 'click', id: 'not-an-id' },
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('element id');
    expect(bridge.link.calls).not.toContain('page.execute');
  });

  it('says how to start the bridge when nothing answers', async () => {
    const offline = createTabsightClient({
      url: 'http://127.0.0.1:9',
      token: TEST_TOKEN,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const server = createTabsightMcpServer({ client: () => offline, version: '0.1.0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const other = new Client({ name: 'test', version: '1.0.0' });
    await other.connect(clientSide);
    const result = (await other.callTool({
      name: 'tabsight_list_sessions',
      arguments: {},
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('npm start');
    await other.close();
  });
});
