import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import type { HostEventFrame } from '@shared/protocol/bridge-link';
import { createApp } from '../http/app';
import { createExtensionLink, type ExtensionLink, type HostFrame } from './extension-link';
import { createChunkingWriter } from './chunking';
import { createFrameDecoder, encodeFrame } from './framing';
import { applyServerLimits, SERVER_OPTIONS } from '../http/server-limits';
import { removeStatus, writeStatus } from '../config/status-file';
import { createTokenSource } from '../config/token';
import { readUploadFile, type UploadFolderPolicy } from '../http/upload-folder';
import type { UrlPolicy } from '@shared/url-policy';

/** The bridge's HTTP port unless TABSIGHT_PORT says otherwise. */
export const DEFAULT_PORT = 7410;
/**
 * When the port closes, requests in flight get their 503 before connections are cut; Chrome
 * kills a host that outlives its port by 2 s (base::EnsureProcessTerminated), so stay well under.
 */
export const CLOSE_GRACE_MS = 250;
/** Loopback only (docs/SPEC.md section 1): never 0.0.0.0. */
export const BRIDGE_HOSTNAME = '127.0.0.1';

export interface HostOptions {
  stdin: Readable;
  stdout: Writable;
  /** 0 picks a free port (tests). */
  port: number;
  configDir: string;
  version: string;
  /** Chrome passes the caller's origin as the host's first argument: `chrome-extension://<id>/`. */
  callerOrigin?: string;
  /** How long one call may wait for the extension (TABSIGHT_OBSERVE_TIMEOUT_MS). */
  callTimeoutMs?: number;
  log?: (message: string) => void;
  /** Where upload_file's file_path may read from; none by default. */
  uploadPolicy?: UploadFolderPolicy;
  /** Which pages agents may open and read; file: is off by default. */
  urlPolicy?: UrlPolicy;
}

export interface RunningHost {
  link: ExtensionLink;
  /** Null when the port could not be bound. */
  url: string | null;
  /** Resolves once stdin has ended and everything is closed. */
  done: Promise<void>;
}

const defaultLog = (message: string) => console.error(`[tabsight:bridge] ${message}`);

const originOf = (value: string | undefined): string[] =>
  value?.startsWith('chrome-extension://') ? [value.replace(/\/+$/, '')] : [];

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, BRIDGE_HOSTNAME, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function listenError(err: unknown, port: number): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `port ${port} is in use by another process: stop it or set TABSIGHT_PORT`;
  }
  if (code === 'EACCES') {
    return `port ${port} is not allowed for this user: set TABSIGHT_PORT to a port above 1024`;
  }
  return `could not listen on ${BRIDGE_HOSTNAME}:${port}: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * The native-messaging host: frames on stdin/stdout, HTTP on 127.0.0.1. Runs until stdin ends,
 * which is how Chrome says the port closed (docs/TOOLCHAIN.md section 5).
 */
export async function runHost(options: HostOptions): Promise<RunningHost> {
  const { stdin, stdout, configDir, version } = options;
  const log = options.log ?? defaultLog;
  let boundPort = options.port;

  const write: (frame: HostFrame) => void = createChunkingWriter((frame) => {
    stdout.write(encodeFrame(frame));
  });
  const link = createExtensionLink({ write, log, timeoutMs: options.callTimeoutMs });
  const urlPolicy = options.urlPolicy ?? { allowFileUrls: false };
  const uploadPolicy = options.uploadPolicy ?? { uploadDir: null, forbidden: [configDir] };
  const app = createApp({
    link,
    token: createTokenSource(configDir),
    port: () => boundPort,
    version,
    allowedOrigins: () => {
      const hello = link.state().hello;
      return [
        ...originOf(options.callerOrigin),
        ...(hello ? [`chrome-extension://${hello.extension_id}`] : []),
      ];
    },
    log,
    urlPolicy,
    readFile: (filePath) => readUploadFile(filePath, uploadPolicy),
  });
  const server = createAdaptorServer({ fetch: app.fetch, serverOptions: SERVER_OPTIONS }) as Server;
  applyServerLimits(server);

  let url: string | null = null;
  let error: string | null = null;
  try {
    boundPort = (await listen(server, options.port)).port;
    url = `http://${BRIDGE_HOSTNAME}:${boundPort}`;
    writeStatus(configDir, {
      pid: process.pid,
      port: boundPort,
      url,
      started_at: new Date().toISOString(),
    });
    log(`listening on ${url}`);
  } catch (err) {
    error = listenError(err, options.port);
    log(error);
  }
  const status: HostEventFrame = {
    v: 1,
    event: 'host-status',
    data: { listening: url !== null, url, error, allow_file_urls: urlPolicy.allowFileUrls },
  };
  write(status);

  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopped = false;
  const stop = (reason: string) => {
    if (stopped) {
      return;
    }
    stopped = true;
    log(`stopping: ${reason}`);
    link.close(reason);
    removeStatus(configDir, process.pid);
    if (url === null) {
      finish();
      return;
    }
    server.close(() => finish());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  };

  const decoder = createFrameDecoder({
    onMessage: (message) => link.onFrame(message),
    onInvalid: (err) => log(`dropped a frame that is not JSON: ${err.message}`),
  });
  stdin.on('data', (chunk: Buffer) => {
    try {
      decoder.push(chunk);
    } catch (err) {
      stop(`unreadable native message stream: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  stdin.once('end', () => stop('the extension closed the native port'));
  stdin.once('close', () => stop('the extension closed the native port'));
  stdout.once('error', (err) => stop(`stdout failed: ${err.message}`));

  return { link, url, done };
}
