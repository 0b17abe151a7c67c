/**
 * The agent loop, step by step: a scripted agent signs in, searches, pages through a list and
 * sends a message on our own mail app (e2e/pages/loop/app.html), through the typed client. Per
 * step: execute latency, observe latency whole and `since` the previous observation, and the
 * tokens a model reads (the MCP server's text, estimated at 4 characters a token), side by side
 * with Playwright's `ariaSnapshot()` of the same page at the same moment, in the same run.
 *
 *   LOOP_RUNS=5 npm run bench:loop
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createTabsightClient } from '../src/client';
import type { z } from 'zod';
import type { Action } from '../src/shared/schema/actions';
import type { Observation } from '../src/shared/schema/observation';
import { observationText } from '../src/mcp/format';
import { launchWithExtension, REPO_ROOT } from '../e2e/support/launch';
import { serveFolder } from '../e2e/support/static-server';
import { median, printTable } from './support';

const RUNS = Number(process.env.LOOP_RUNS ?? 5);
const tokensOf = (text: string) => Math.ceil(text.length / 4);

/** The flow: each step names its element by what an agent would look for. */
const STEPS: { name: string; find: string; action: (id: string) => z.input<typeof Action> }[] = [
  { name: 'fill user', find: 'User name', action: (id) => ({ type: 'fill', id, value: 'ada' }) },
  { name: 'fill password', find: 'Password', action: (id) => ({ type: 'fill', id, value: 'pw' }) },
  { name: 'sign in', find: 'button "Sign in"', action: (id) => ({ type: 'click', id }) },
  {
    name: 'fill search',
    find: 'Search mail',
    action: (id) => ({ type: 'fill', id, value: 'invoice' }),
  },
  { name: 'search', find: 'button "Search"', action: (id) => ({ type: 'click', id }) },
  { name: 'next page', find: 'Next page', action: (id) => ({ type: 'click', id }) },
  { name: 'previous page', find: 'Previous page', action: (id) => ({ type: 'click', id }) },
  { name: 'compose', find: 'Compose', action: (id) => ({ type: 'click', id }) },
  {
    name: 'fill to',
    find: '"To"',
    action: (id) => ({ type: 'fill', id, value: 'grace@example.test' }),
  },
  { name: 'fill subject', find: 'Subject', action: (id) => ({ type: 'fill', id, value: 'Hello' }) },
  { name: 'send', find: 'button "Send"', action: (id) => ({ type: 'click', id }) },
];

interface StepFigures {
  executeMs: number;
  observeMs: number;
  sinceMs: number;
  ariaMs: number;
  fullTokens: number;
  sinceTokens: number;
  ariaTokens: number;
}

function idOf(observation: Observation, text: string): string {
  const found = observation.space.interaction_actions.find((a) => a.description.includes(text));
  if (!found) {
    throw new Error(`no element "${text}" in ${observation.space.markdown}`);
  }
  return found.id;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

async function main(): Promise<void> {
  const site = await serveFolder(path.join(REPO_ROOT, 'e2e', 'pages'));
  const ext = await launchWithExtension();
  const client = createTabsightClient({ url: ext.bridgeUrl, token: ext.token });
  const figures: StepFigures[][] = STEPS.map(() => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      const url = site.url(`/loop/app.html?run=${run}`);
      const { session_id } = await client.start({ url, max_steps: 100 });
      let page: Page | undefined;
      while (!(page = ext.context.pages().find((p) => p.url() === url))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      let before = await client.observe(session_id, { data: false });
      for (const [index, step] of STEPS.entries()) {
        const [result, executeMs] = await timed(() =>
          client.execute(session_id, step.action(idOf(before, step.find))),
        );
        if (!result.success) {
          throw new Error(`${step.name} failed: ${result.message}`);
        }
        const [since, sinceMs] = await timed(() =>
          client.observe(session_id, { data: false, since: before.observation_id }),
        );
        const [full, observeMs] = await timed(() => client.observe(session_id, { data: false }));
        const [aria, ariaMs] = await timed(() => page.locator('body').ariaSnapshot());
        figures[index]!.push({
          executeMs,
          observeMs,
          sinceMs,
          ariaMs,
          fullTokens: tokensOf(observationText(full)),
          sinceTokens: tokensOf(observationText(since)),
          ariaTokens: tokensOf(aria),
        });
        before = full;
      }
      await client.stop(session_id);
    }
  } finally {
    await ext.close();
    await site.close();
  }
  const med = (xs: StepFigures[], key: keyof StepFigures) => median(xs.map((x) => x[key]));
  const rows = STEPS.map((step, i) => {
    const xs = figures[i]!;
    return {
      step: step.name,
      'execute ms': med(xs, 'executeMs').toFixed(0),
      'observe ms': med(xs, 'observeMs').toFixed(0),
      'since ms': med(xs, 'sinceMs').toFixed(0),
      'ariaSnapshot ms': med(xs, 'ariaMs').toFixed(0),
      'tokens whole': med(xs, 'fullTokens').toFixed(0),
      'tokens since': med(xs, 'sinceTokens').toFixed(0),
      'tokens ariaSnapshot': med(xs, 'ariaTokens').toFixed(0),
    };
  });
  const all = figures.flat();
  const sum = (key: keyof StepFigures) => all.reduce((t, x) => t + x[key], 0);
  console.log(`\nbench:loop, medians of ${RUNS} runs of ${STEPS.length} steps\n`);
  printTable(rows);
  console.log(
    `\nper step, medians over all steps: execute + observe(since) ${median(all.map((x) => x.executeMs + x.sinceMs)).toFixed(0)} ms; ` +
      `tokens since / whole ${((100 * sum('sinceTokens')) / sum('fullTokens')).toFixed(1)}%, ` +
      `since / ariaSnapshot ${((100 * sum('sinceTokens')) / sum('ariaTokens')).toFixed(1)}%`,
  );
}

await main();
