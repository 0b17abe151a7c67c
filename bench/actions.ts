/**
 * Action latency end to end: HTTP execute call → bridge → native messaging → service worker →
 * content script → page settles → answer. Click and fill on a static page, median and p90.
 * Run with `npm run bench:actions` (builds first).
 */
import path from 'node:path';
import { createTabsightClient } from '../src/client';
import { launchWithExtension, REPO_ROOT } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { median, percentile } from './support';

const WARMUP_RUNS = 5;
const MEASURED_RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function main(): Promise<void> {
  const site = await serveFolder(path.join(REPO_ROOT, 'e2e', 'pages'));
  const ext = await launchWithExtension();
  const client = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
  try {
    const total = 2 * (WARMUP_RUNS + MEASURED_RUNS) + 10;
    const { session_id } = await client.start({
      url: site.url('/act/static.html'),
      max_steps: total,
    });
    const page = await client.observe(session_id, { data: false });
    const idOf = (text: string) => {
      const found = page.space.interaction_actions.find((a) => a.description.includes(text));
      if (!found) {
        throw new Error(`no element "${text}" on the bench page`);
      }
      return found.id;
    };
    const actions = {
      click: { type: 'click' as const, id: idOf('Press me') },
      fill: { type: 'fill' as const, id: idOf('Name'), value: 'benchmark text' },
    };
    const rows: string[] = [];
    const reasons = new Map<string, number>();
    for (const [name, action] of Object.entries(actions)) {
      const times: number[] = [];
      for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
        const started = performance.now();
        const result = await client.execute(session_id, action);
        const elapsed = performance.now() - started;
        if (!result.success) {
          throw new Error(`${name} failed: ${result.message}`);
        }
        if (run >= WARMUP_RUNS) {
          times.push(elapsed);
          const reason = `${name}: ${result.effect?.settle.reason ?? 'not reported'}`;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      rows.push(
        `| ${name.padEnd(6)} | ${String(times.length).padStart(4)} | ${median(times).toFixed(1).padStart(9)} | ${percentile(times, 90).toFixed(1).padStart(7)} | ${Math.min(
          ...times,
        )
          .toFixed(1)
          .padStart(7)} |`,
      );
    }
    console.log(`execute latency end to end (ms), after ${WARMUP_RUNS} warm-up runs each`);
    console.log('| action | runs | median ms |  p90 ms |  min ms |');
    console.log('|--------|------|-----------|---------|---------|');
    console.log(rows.join('\n'));
    console.log(
      `why each answer came when it did: ${[...reasons].map(([r, n]) => `${r} ×${n}`).join(', ')}`,
    );
    // The point of answering early: the next observe must already see the action's result.
    const after = await client.observe(session_id, { data: false });
    const field = after.space.interaction_actions.find((a) => a.id === actions.fill.id);
    if (!field?.description.includes('benchmark text')) {
      throw new Error(`the observe after the fills does not show the value: ${field?.description}`);
    }
    console.log('the observe after the last fill shows its value');
    await client.stop(session_id);
  } finally {
    await ext.close();
    await site.close();
  }
}

await main();
