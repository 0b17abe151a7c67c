import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { BRIDGE_VERSION } from '../bridge/config/bridge-version';
import { createTabsightClient } from '../client';
import { resolveConnection } from './connection';
import { createTabsightMcpServer } from './server';

/**
 * `cli.js mcp`: an MCP server on stdio. stdout carries the protocol, so logs go to stderr.
 * Runs until the MCP client closes stdin.
 */
export async function runMcp(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { url: { type: 'string' } } });
  const server = createTabsightMcpServer({
    version: BRIDGE_VERSION,
    client: () => createTabsightClient(resolveConnection({ url: values.url })),
  });
  const transport = new StdioServerTransport();
  await server.connect(transport);
  // The transport does not watch stdin's end; an MCP client closes the server by closing it.
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
    process.stdin.once('end', resolve);
  });
  console.error('[tabsight:mcp] serving the Tabsight tools on stdio');
  await closed;
  await server.close();
  return 0;
}
