import type { CheckResult, DoctorDeps } from './deps';
import {
  checkBridgeRunning,
  checkExtensionConnected,
  checkPort,
  checkToken,
} from './checks-bridge';
import { checkHostManifests } from './checks-host';
import { checkBuild, checkChromium, checkExtensionId } from './checks-install';

/** Every check in the order a user fixes them: install, build, registration, runtime. */
export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const { result: idResult, id } = checkExtensionId(deps);
  const { result: tokenResult, token } = checkToken(deps);
  const { result: bridgeResult, status } = checkBridgeRunning(deps);
  return [
    checkChromium(deps),
    checkBuild(deps),
    idResult,
    ...checkHostManifests(deps, id),
    tokenResult,
    bridgeResult,
    await checkPort(deps, status),
    await checkExtensionConnected(deps, status, token, id),
  ];
}

const MARK = { true: '✓', false: '✗', null: '·' } as const;

export function formatReport(results: readonly CheckResult[]): string {
  const lines = results.flatMap((r) => {
    const head = `${MARK[`${r.ok}`]} ${r.name}: ${r.detail}`;
    return r.fix ? [head, ...r.fix.split('\n').map((l) => `    fix: ${l}`)] : [head];
  });
  const failed = results.filter((r) => r.ok === false).length;
  lines.push('', failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
  return lines.join('\n');
}
