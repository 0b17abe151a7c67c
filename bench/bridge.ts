/**
 * Bridge throughput and latency: observe on a static page with 1, 4 and 16 concurrent clients,
 * each on its own session (its own window), REQUESTS observes in total per level, for
 * `data: false` (outline and actions only) and the default (with page markdown).
 * HTTP → bridge → native messaging → service worker → content script → back. Any error fails
 * the run. `npm run bench:bridge` (builds first); BENCH_REQUESTS to change the count.
 */
import path from 'node:path';
import { createTabsightClient, type TabsightClient } from '../src/client';
import type { ObserveRequestInput } from '../src/shared/schema/observation';
import { launchWithExtension, REPO_ROOT } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { median, percentile, printTable } from './support';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const LEVELS = [1, 4, 16];
const WARMUP_PER_CLIENT = 3;
/** Long enough that the sessions idle during the first levels do not time out. */
const SESSION_TIMEOUT_MINUTES = 60;
const VARIANTS: Array<[string, ObserveRequestInput]> = [
  ['data:false', { data: false }],
  ['default', {}],
];

interface LevelResult {
  latencies: number[];
  errors: string[];
  wallMs: number;
}

async function runLevel(
  client: TabsightClient,
  sessions: string[],
  request: ObserveRequestInput,
): Promise<LevelResult> {
  await Promise.all(
    sessions.map(async (id) => {
      for (let i = 0; i < WARMUP_PER_CLIENT; i++) {
        await client.observe(id, request);
      }
    }),
  );
  const latencies: number[] = [];
  const errors: string[] = [];
  let issued = 0;
  const started = performance.now();
  // Each simulated client observes its own session back to back until the total is reached.
  await Promise.all(
    sessions.map(async (id) => {
      while (issued < REQUESTS) {
        issued++;
        const t0 = performance.now();
        try {
          await client.observe(id, request);
          latencies.push(performance.now() - t0);
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
    }),
  );
  return { latencies, errors, wallMs: performance.now() - started };
}

async function main(): Promise<number> {
  const site = await serveFolder(path.join(REPO_ROOT, 'e2e', 'pages'));
  const ext = await launchWithExtension();
  const client = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
  const rows: Record<string, string | number>[] = [];
  let totalErrors = 0;
  try {
    const sessions: string[] = [];
    for (let i = 0; i < Math.max(...LEVELS); i++) {
      const session = await client.start({
        url: site.url('/act/static.html'),
        timeout_minutes: SESSION_TIMEOUT_MINUTES,
      });
      sessions.push(session.session_id);
    }
    for (const [variant, request] of VARIANTS) {
      for (const level of LEVELS) {
        const { latencies, errors, wallMs } = await runLevel(
          client,
          sessions.slice(0, level),
          request,
        );
        totalErrors += errors.length;
        if (errors.length > 0) {
          console.error(`${variant} × ${level}: first error: ${errors[0]}`);
        }
        rows.push({
          observe: variant,
          clients: level,
          requests: latencies.length + errors.length,
          errors: errors.length,
          'req/s': (latencies.length / wallMs) * 1000,
          'p50 ms': median(latencies),
          'p99 ms': percentile(latencies, 99),
        });
        console.error(`done: ${variant} × ${level} clients in ${(wallMs / 1000).toFixed(1)} s`);
      }
    }
    await Promise.all(sessions.map((id) => client.stop(id)));
  } finally {
    await ext.close();
    await site.close();
  }
  printTable(rows);
  console.log(`errors: ${totalErrors}`);
  return totalErrors === 0 ? 0 : 1;
}

process.exitCode = await main();
