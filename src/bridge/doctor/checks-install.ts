import { findChromium, INSTALL_HINT } from '../cli/chromium';
import { extensionIdFromKey } from '../native/extension-id';
import { fail, pass, type CheckResult, type DoctorDeps } from './deps';
import { join } from 'node:path';

export function checkChromium({ env, fs }: DoctorDeps): CheckResult {
  const name = 'Chromium or Chrome';
  if (env.CHROME_PATH && !fs.isExecutable(env.CHROME_PATH)) {
    return fail(
      name,
      `CHROME_PATH=${env.CHROME_PATH} is not an executable file`,
      'point CHROME_PATH at the browser binary (an absolute path), or unset it to search PATH',
    );
  }
  const found = findChromium(env, (path) => fs.isExecutable(path));
  return found
    ? pass(name, found)
    : fail(name, 'not found', INSTALL_HINT.split('\n').slice(1).join('\n'));
}

export function checkBuild({ fs, paths }: DoctorDeps): CheckResult {
  const missing = [join(paths.dist, 'manifest.json'), paths.hostJs].filter((p) => !fs.exists(p));
  return missing.length === 0
    ? pass('Build', `${paths.dist} and ${paths.hostJs}`)
    : fail('Build', `missing ${missing.join(', ')}`, 'npm run build');
}

const keyOf = (fs: DoctorDeps['fs'], path: string): string | null => {
  try {
    const key = (JSON.parse(fs.readText(path)) as { key?: unknown }).key;
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
};

/**
 * The id that the host manifest must allow: from the source manifest's key. A built manifest
 * with another key loads under another id, which the host manifest then forbids.
 */
export function checkExtensionId(deps: DoctorDeps): { result: CheckResult; id: string | null } {
  const name = 'Extension id';
  const sourceKey = keyOf(deps.fs, deps.paths.manifest);
  if (sourceKey === null) {
    const result = fail(
      name,
      `${deps.paths.manifest} has no "key"`,
      'restore the "key" of manifest.json (git checkout manifest.json)',
    );
    return { result, id: null };
  }
  const id = extensionIdFromKey(sourceKey);
  const distManifest = join(deps.paths.dist, 'manifest.json');
  if (!deps.fs.exists(distManifest)) {
    return { result: pass(name, `${id} (dist/ not built yet)`), id };
  }
  const distKey = keyOf(deps.fs, distManifest);
  if (distKey === null || extensionIdFromKey(distKey) !== id) {
    const result = fail(
      name,
      `dist/manifest.json loads as ${distKey ? extensionIdFromKey(distKey) : 'a path-derived id (no key)'}, not ${id}`,
      'npm run build, then reload the extension in chrome://extensions',
    );
    return { result, id };
  }
  return { result: pass(name, id), id };
}
