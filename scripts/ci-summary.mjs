// Prints "N passed, N failed" from the vitest and Playwright JSON reports (neither runner prints
// a line CI recognises) and the step outcomes of scripts/test-all.mjs (.steps.json). A failed
// step that ran no tests (typecheck, lint, build), a step that did not run, and a test runner
// that failed without a failed test (a crash, a config error) each count as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

/** The summary counts of the reports and step outcomes given; `status` is npm test's exit code. */
export function summarize({ unit, e2e, steps, status }) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedTests = { unit: 0, e2e: 0 };
  if (unit) {
    passed += unit.numPassedTests ?? 0;
    failedTests.unit = unit.numFailedTests ?? 0;
    skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  }
  if (e2e) {
    passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
    failedTests.e2e = e2e.stats?.unexpected ?? 0;
    skipped += e2e.stats?.skipped ?? 0;
  }
  failed += failedTests.unit + failedTests.e2e;
  for (const step of steps ?? []) {
    if (step.status === 'passed') {
      continue;
    }
    const testsFailed = failedTests[step.name] ?? 0;
    if (!(step.status === 'failed' && testsFailed > 0)) {
      failed += 1;
    }
  }
  if (status !== 0 && failed === 0) {
    failed = 1;
  }
  return { passed, failed, skipped };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { passed, failed, skipped } = summarize({
    unit: read('.unit.json'),
    e2e: read('.e2e.json'),
    steps: read('.steps.json'),
    status: Number(process.argv[2] ?? 0),
  });
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
}
