import { parseArgs } from 'node:util';
import { runDoctorCommand } from './doctor';
import { runRegister } from './register';
import { runStart } from './start';
import { runToken } from './token';
import { DEFAULT_PORT } from '../native/run-host';

const USAGE = `Usage: node dist-bridge/cli.js <command> [options]

Commands:
  start [--headless] [--json] [--port N] [--upload-dir <folder>] [--allow-file-urls] [--page-tools]
      Launch Chromium with the extension in a dedicated profile and print the bridge URL and token.
      --upload-dir lets upload_file's file_path read files from that folder only (off by default);
      --allow-file-urls lets agents open and read file: pages (off by default);
      --page-tools starts Chromium with WebMCP (--enable-features=WebMCP), so observe lists the
      tools a page registers and execute page_tool calls them (off by default: experimental, and
      every page's tools are more page text an agent reads).
  register [--profile <user-data-dir>] [--browser chromium|chrome] [--port N]
      Register the native host for a profile, or for your default Chromium/Chrome.
  token [--rotate]
      Print the bearer token (on stdout; its path on stderr); --rotate makes a new one.
  mcp [--url URL]
      Serve the Tabsight tools to an MCP client on stdio, over the running bridge.
  doctor [--profile <user-data-dir>] [--browser chromium|chrome]
      Check Chromium, the build, the host registration, the bridge and the extension; say how to fix.

Environment:
  TABSIGHT_PORT         bridge port (default ${DEFAULT_PORT})
  TABSIGHT_CONFIG_DIR   config dir (default $XDG_CONFIG_HOME/tabsight or ~/.config/tabsight)
  TABSIGHT_URL          bridge URL for mcp (default: from <config dir>/bridge.json)
  TABSIGHT_PROFILE_DIR  Chromium profile for start (default <config dir>/profile)
  CHROME_PATH           Chromium or Chrome binary for start
  TABSIGHT_UPLOAD_DIR   the upload folder, for a bridge your own browser starts (start --upload-dir)
  TABSIGHT_ALLOW_FILE_URLS=1  allow file: pages, for a bridge your own browser starts
`;

function portOf(value: string | undefined): number {
  const port = Number(value ?? process.env.TABSIGHT_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`invalid port "${value ?? process.env.TABSIGHT_PORT}": use 1-65535`);
  }
  return port;
}

function browserOf(value: string | undefined): 'chromium' | 'chrome' | undefined {
  if (value !== undefined && value !== 'chromium' && value !== 'chrome') {
    throw new Error(`--browser must be chromium or chrome, not "${value}"`);
  }
  return value;
}

/**
 * The MCP server is a client of the bridge's HTTP API and lives in src/mcp, which the bridge may
 * not import (folder boundaries); it is built as its own entry next to this file and loaded at
 * run time only when asked for, so the host never pays for the MCP SDK.
 */
async function runMcpEntry(args: string[]): Promise<number> {
  const entry = new URL('./mcp.js', import.meta.url).href;
  const { runMcp } = (await import(entry)) as { runMcp: (argv: string[]) => Promise<number> };
  return runMcp(args);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({
        args: rest,
        options: {
          headless: { type: 'boolean' },
          json: { type: 'boolean' },
          port: { type: 'string' },
          'upload-dir': { type: 'string' },
          'allow-file-urls': { type: 'boolean' },
          'page-tools': { type: 'boolean' },
        },
      });
      return runStart({
        headless: values.headless ?? false,
        json: values.json ?? false,
        port: portOf(values.port),
        uploadDir: values['upload-dir'],
        allowFileUrls: values['allow-file-urls'] ?? false,
        pageTools: values['page-tools'] ?? false,
      });
    }
    case 'register': {
      const { values } = parseArgs({
        args: rest,
        options: {
          profile: { type: 'string' },
          browser: { type: 'string' },
          port: { type: 'string' },
        },
      });
      return runRegister({
        profile: values.profile,
        browser: browserOf(values.browser),
        port: values.port === undefined ? undefined : portOf(values.port),
      });
    }
    case 'token': {
      const { values } = parseArgs({ args: rest, options: { rotate: { type: 'boolean' } } });
      return runToken({ rotate: values.rotate ?? false });
    }
    case 'mcp':
      return runMcpEntry(rest);
    case 'doctor': {
      const { values } = parseArgs({
        args: rest,
        options: { profile: { type: 'string' }, browser: { type: 'string' } },
      });
      return runDoctorCommand({ profile: values.profile, browser: browserOf(values.browser) });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[tabsight:bridge] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
