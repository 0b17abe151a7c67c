import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { REPO_ROOT } from './launch';

/**
 * `cli.js mcp` on stdio, as an MCP host starts it: it finds the bridge from bridge.json and the
 * token file in `configDir`, with no other environment than PATH and HOME.
 */
export async function connectMcp(configDir: string): Promise<Client> {
  const { PATH = '', HOME = '' } = process.env;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'dist-bridge', 'cli.js'), 'mcp'],
    env: { PATH, HOME, TABSIGHT_CONFIG_DIR: configDir },
    stderr: 'pipe',
  });
  const mcp = new Client({ name: 'e2e', version: '1.0.0' });
  await mcp.connect(transport);
  return mcp;
}

/** A tool result's text parts, one per line (other parts as `[type]`). */
export const mcpTextOf = (result: CallToolResult): string =>
  result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
