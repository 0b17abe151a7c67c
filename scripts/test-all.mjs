// `npm test`: every step runs and reports, even after one fails, so a lint error does not hide
// the test results; exits 1 at the end if any step failed. Each step's outcome is written to
// .steps.json for scripts/ci-summary.mjs.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const STEPS = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'build', script: 'build' },
  { name: 'unit', script: 'test:unit' },
  // e2e loads dist/: after a failed build it would test an older build, so it does not run.
  { name: 'e2e', script: 'test:e2e', needs: 'build' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
for (const step of STEPS) {
  const needed = step.needs && results.find((r) => r.name === step.needs);
  if (needed && needed.status !== 'passed') {
    results.push({ name: step.name, status: 'not run', reason: `${step.needs} failed`, ms: 0 });
    continue;
  }
  console.error(`\n[tabsight:test] ── ${step.name} (npm run ${step.script}) ──`);
  const started = Date.now();
  const run = spawnSync(npm, ['run', '-s', step.script], { stdio: 'inherit' });
  results.push({
    name: step.name,
    status: run.status === 0 ? 'passed' : 'failed',
    ms: Date.now() - started,
  });
}

writeFileSync('.steps.json', `${JSON.stringify(results, null, 2)}\n`);
console.error('\n[tabsight:test] steps:');
for (const r of results) {
  const detail = r.reason ? ` (${r.reason})` : ` in ${(r.ms / 1000).toFixed(1)} s`;
  console.error(`  ${r.status === 'passed' ? '✓' : '✗'} ${r.name}: ${r.status}${detail}`);
}
const failed = results.filter((r) => r.status !== 'passed');
if (failed.length > 0) {
  console.error(`[tabsight:test] failed: ${failed.map((r) => r.name).join(', ')}`);
}
process.exitCode = failed.length > 0 ? 1 : 0;
