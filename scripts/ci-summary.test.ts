import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.join(import.meta.dirname, 'ci-summary.mjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Step = { name: string; status: 'passed' | 'failed' | 'not run' };

function summaryOf(files: { unit?: object; e2e?: object; steps?: Step[] }, status: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ci-summary-'));
  dirs.push(dir);
  const write = (name: string, value: object | undefined) =>
    value && writeFileSync(path.join(dir, name), JSON.stringify(value));
  write('.unit.json', files.unit);
  write('.e2e.json', files.e2e);
  write('.steps.json', files.steps);
  const run = spawnSync(process.execPath, [SCRIPT, String(status)], { cwd: dir, encoding: 'utf8' });
  return run.stdout.trim();
}

const unit = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };
const e2e = { stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 2 } };
const allPassed: Step[] = ['typecheck', 'lint', 'build', 'unit', 'e2e'].map((name) => ({
  name,
  status: 'passed',
}));
const withStatus = (name: string, status: Step['status']): Step[] =>
  allPassed.map((s) => (s.name === name ? { name, status } : s));

describe('ci-summary', () => {
  it('sums unit and e2e tests when every step passed', () => {
    expect(summaryOf({ unit, e2e, steps: allPassed }, 0)).toBe('16 passed, 0 failed, 3 skipped');
  });

  it('counts a failed lint step as a failure beside passing tests', () => {
    expect(summaryOf({ unit, e2e, steps: withStatus('lint', 'failed') }, 1)).toBe(
      '16 passed, 1 failed, 3 skipped',
    );
  });

  it('counts failed typecheck and lint steps once each, on top of failed tests', () => {
    const steps = allPassed.map((s) =>
      ['typecheck', 'lint', 'unit'].includes(s.name) ? { ...s, status: 'failed' as const } : s,
    );
    const failingUnit = { ...unit, numPassedTests: 8, numFailedTests: 2 };
    expect(summaryOf({ unit: failingUnit, e2e, steps }, 1)).toBe('14 passed, 4 failed, 3 skipped');
  });

  it('counts a test step that failed without a failed test, and one that did not run', () => {
    const steps = allPassed.map((s) =>
      s.name === 'build'
        ? { ...s, status: 'failed' as const }
        : s.name === 'e2e'
          ? { ...s, status: 'not run' as const }
          : s,
    );
    expect(summaryOf({ unit, steps }, 1)).toBe('10 passed, 2 failed, 1 skipped');
  });

  it('reports one failure when npm test failed before writing any report', () => {
    expect(summaryOf({}, 1)).toBe('0 passed, 1 failed, 0 skipped');
  });
});
