import { checkBridgeIdentity } from '../http/identity-proof';
import { HealthResponse } from '@shared/schema/health';
import { fail, pass, skip, type CheckResult, type DoctorDeps } from './deps';
import { registerCommand } from './checks-host';
import { DEFAULT_PORT } from '../native/run-host';
import { BridgeStatus, statusPathOf } from '../config/status-file';
import { tokenPathOf } from '../config/token';

const HEALTH_TIMEOUT_MS = 3_000;

export function checkToken({ fs, configDir }: DoctorDeps): {
  result: CheckResult;
  token: string | null;
} {
  const path = tokenPathOf(configDir);
  const mode = fs.mode(path);
  if (mode === null) {
    return {
      result: fail(
        'Token file',
        `${path} is missing`,
        'npm run token (the bridge also creates it on start)',
      ),
      token: null,
    };
  }
  const token = fs.readText(path).trim();
  if (mode !== 0o600) {
    return {
      result: fail(
        'Token file',
        `${path} has mode ${mode.toString(8)}, not 600: others can read it`,
        `chmod 600 ${path}`,
      ),
      token,
    };
  }
  return { result: pass('Token file', `${path} (mode 600)`), token };
}

/** bridge.json is written by a listening bridge and removed when it stops. */
export function checkBridgeRunning(deps: DoctorDeps): {
  result: CheckResult;
  status: BridgeStatus | null;
} {
  const path = statusPathOf(deps.configDir);
  const name = 'Bridge process';
  const notRunningFix =
    'Chrome starts the bridge when the extension connects: run `npm start`, or open your browser with the extension loaded';
  let status: BridgeStatus;
  try {
    status = BridgeStatus.parse(JSON.parse(deps.fs.readText(path)));
  } catch {
    return { result: fail(name, `not running (no valid ${path})`, notRunningFix), status: null };
  }
  if (!deps.isPidAlive(status.pid)) {
    return {
      result: fail(
        name,
        `not running: ${path} names pid ${status.pid}, which has exited (stale file)`,
        notRunningFix,
      ),
      status: null,
    };
  }
  return { result: pass(name, `pid ${status.pid} on ${status.url}`), status };
}

/** Only meaningful when our bridge is not running: then nothing else should hold the port. */
export async function checkPort(
  deps: DoctorDeps,
  status: BridgeStatus | null,
): Promise<CheckResult> {
  if (status !== null) {
    return pass('Port', `${status.port} is held by the bridge`);
  }
  const port = Number(deps.env.TABSIGHT_PORT || DEFAULT_PORT);
  if (await deps.portInUse(port)) {
    return fail(
      'Port',
      `127.0.0.1:${port} is in use by another process, so the bridge cannot listen`,
      `find it with \`ss -ltnp 'sport = :${port}'\` and stop it, or use another port: ${registerCommand(deps)} --port <N>`,
    );
  }
  return pass('Port', `127.0.0.1:${port} is free for the bridge`);
}

async function provesIdentity(deps: DoctorDeps, url: string, token: string): Promise<boolean> {
  const check = await checkBridgeIdentity(url, token, deps.fetch, HEALTH_TIMEOUT_MS);
  if (!check.ok && check.reason === 'unreachable') {
    throw check.cause;
  }
  return check.ok;
}

export async function checkExtensionConnected(
  deps: DoctorDeps,
  status: BridgeStatus | null,
  token: string | null,
  extensionId: string | null,
): Promise<CheckResult> {
  const name = 'Extension connected';
  if (status === null) {
    return skip(name, 'skipped: the bridge is not running');
  }
  let health: HealthResponse;
  try {
    // The token goes only to a process that proves it holds it (a squatter on the port cannot).
    if (token && !(await provesIdentity(deps, status.url, token))) {
      return fail(
        name,
        `the process at ${status.url} is not the Tabsight bridge (it cannot prove it holds the token), so the token was not sent`,
        'stop the program holding that port, then restart the browser (Chrome restarts the bridge)',
      );
    }
    const res = await deps.fetch(`${status.url}/health`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    health = HealthResponse.parse(await res.json());
  } catch (err) {
    return fail(
      name,
      `GET ${status.url}/health failed: ${err instanceof Error ? err.message : String(err)}`,
      'restart the browser (Chrome restarts the bridge with the extension)',
    );
  }
  if (!health.extension.connected) {
    return fail(
      name,
      `no: ${health.reason ?? 'the extension has not said hello'}`,
      'reload the extension in chrome://extensions (or open its popup to wake the service worker); `npm run build` if it was rebuilt',
    );
  }
  if (extensionId !== null && health.extension.id !== extensionId) {
    return fail(
      name,
      `the connected extension is ${health.extension.id}, not ${extensionId}`,
      'load dist/ of this repository (chrome://extensions → Load unpacked), and remove the other copy',
    );
  }
  return pass(
    name,
    `${health.extension.id} v${health.extension.version ?? '?'} (bridge ${health.version})`,
  );
}
