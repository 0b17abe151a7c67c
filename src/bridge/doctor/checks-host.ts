import { join } from 'node:path';
import { NATIVE_HOST_NAME } from '@shared/protocol/bridge-link';
import { fail, pass, skip, type CheckResult, type DoctorDeps } from './deps';
import { manifestDirs, WRAPPER_FILE } from '../native/manifest';

/** The command that registers the host for what doctor was asked to check. */
export function registerCommand({ profile, browser }: DoctorDeps): string {
  if (profile) {
    return `npm run register -- --profile ${profile}`;
  }
  return browser ? `npm run register -- --browser ${browser}` : 'npm run register';
}

interface ManifestFields {
  name?: unknown;
  path?: unknown;
  type?: unknown;
  allowed_origins?: unknown;
}

/** One host manifest where Chrome looks for it (docs/TOOLCHAIN.md section 5). */
function checkOneManifest(deps: DoctorDeps, dir: string, extensionId: string): CheckResult {
  const file = join(dir, `${NATIVE_HOST_NAME}.json`);
  const name = `Host manifest ${file}`;
  const register = registerCommand(deps);
  if (!deps.fs.exists(file)) {
    return fail(name, 'not registered for this browser/profile', register);
  }
  let manifest: ManifestFields;
  try {
    manifest = JSON.parse(deps.fs.readText(file)) as ManifestFields;
  } catch (err) {
    return fail(name, `unreadable: ${err instanceof Error ? err.message : String(err)}`, register);
  }
  const origin = `chrome-extension://${extensionId}/`;
  const origins = manifest.allowed_origins;
  if (!Array.isArray(origins) || origins.length !== 1 || origins[0] !== origin) {
    return fail(
      name,
      `allowed_origins is ${JSON.stringify(origins)}, not ["${origin}"]: Chrome answers "Access to the specified native messaging host is forbidden."`,
      register,
    );
  }
  if (manifest.name !== NATIVE_HOST_NAME || manifest.type !== 'stdio') {
    return fail(name, `name/type are not "${NATIVE_HOST_NAME}"/"stdio"`, register);
  }
  const wrapper = typeof manifest.path === 'string' ? manifest.path : '';
  if (!wrapper.startsWith('/') || !deps.fs.exists(wrapper)) {
    return fail(name, `path "${wrapper}" does not exist (or is not absolute)`, register);
  }
  if (!deps.fs.isExecutable(wrapper)) {
    return fail(
      name,
      `${wrapper} is not executable: Chrome says only "Native host has exited."`,
      `chmod 755 ${wrapper} (or ${register})`,
    );
  }
  const expectedWrapper = join(deps.configDir, WRAPPER_FILE);
  if (wrapper !== expectedWrapper) {
    return fail(
      name,
      `path is ${wrapper}, not ${expectedWrapper}: the bridge would use another config dir (token, bridge.json)`,
      `${register} (or set TABSIGHT_CONFIG_DIR to that wrapper's folder)`,
    );
  }
  let script = '';
  try {
    script = deps.fs.readText(wrapper);
  } catch {
    // Unreadable is reported as not running this repository's host, below.
  }
  if (!script.includes(deps.paths.hostJs)) {
    return fail(
      name,
      `${wrapper} does not run ${deps.paths.hostJs} (registered from another checkout?)`,
      register,
    );
  }
  return pass(name, `allows ${extensionId}, runs ${wrapper}`);
}

export function checkHostManifests(deps: DoctorDeps, extensionId: string | null): CheckResult[] {
  if (extensionId === null) {
    return [skip('Host manifest', 'skipped: the extension id is unknown')];
  }
  const dirs = manifestDirs({
    profile: deps.profile,
    browser: deps.browser,
    configHome: deps.configHome,
    exists: (path) => deps.fs.exists(path),
  });
  return dirs.map((dir) => checkOneManifest(deps, dir, extensionId));
}
