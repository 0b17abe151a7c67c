// Prints "N passed, N failed" from the vitest and Playwright JSON reports (neither runner prints
// a line CI recognises). A failed step that ran no tests (typecheck, lint) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read('.unit.json');
const e2e = read('.e2e.json');

let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
if (e2e) {
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
}
const status = Number(process.argv[2] ?? 0);
if (status !== 0 && failed === 0) {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
