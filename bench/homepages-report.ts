/** Tables and lists of `eval:homepages`, from the per-page results. */
import type { Mode, ModeResult, PageResult } from './homepages-measure';
import { median, percentile, printTable } from './support';

const kb = (chars: number): number => chars / 1000;

function spread(xs: number[]): [number, number, number] {
  return xs.length ? [median(xs), percentile(xs, 90), Math.max(...xs)] : [NaN, NaN, NaN];
}

function okOf(results: PageResult[], mode: Mode): { file: string; r: ModeResult }[] {
  return results.flatMap((p) => {
    const r = p.modes[mode];
    return r?.ok ? [{ file: p.file, r }] : [];
  });
}

export function summaryRow(results: PageResult[], mode: Mode): Record<string, string | number> {
  const ok = okOf(results, mode);
  const [msMed, msP90, msMax] = spread(ok.map(({ r }) => r.observeMs));
  const [szMed, szP90, szMax] = spread(ok.map(({ r }) => kb(r.answerChars ?? 0)));
  const inPage = (key: string) => spread(ok.flatMap(({ r }) => r.inPage?.[key] ?? []));
  const [perceiveMed, perceiveP90] = inPage('perceive');
  const [contentMed, contentP90] = inPage('page');
  return {
    observe: mode === 'viewport' ? 'default (viewport)' : "scope 'page'",
    pages: results.length,
    ok: ok.length,
    failed: results.length - ok.length,
    'observe ms median / p90 / max': `${msMed.toFixed(0)} / ${msP90.toFixed(0)} / ${msMax.toFixed(0)}`,
    'answer kB median / p90 / max': `${szMed.toFixed(1)} / ${szP90.toFixed(1)} / ${szMax.toFixed(0)}`,
    'in-page perceive ms median / p90': `${perceiveMed.toFixed(1)} / ${perceiveP90.toFixed(1)}`,
    'in-page content ms median / p90': `${contentMed.toFixed(1)} / ${contentP90.toFixed(1)}`,
  };
}

function top(results: PageResult[], mode: Mode, key: (r: ModeResult) => number, n = 10) {
  return okOf(results, mode)
    .sort((a, b) => key(b.r) - key(a.r))
    .slice(0, n)
    .map(({ file, r }) => ({
      file,
      'observe ms': r.observeMs,
      perceive: r.inPage?.perceive ?? NaN,
      content: r.inPage?.page ?? NaN,
      actions: r.actions ?? 0,
      images: r.images ?? 0,
      'description kB': kb(r.descriptionChars ?? 0),
      'markdown kB': kb(r.markdownChars ?? 0),
      'answer kB': kb(r.answerChars ?? 0),
    }));
}

export function report(results: PageResult[], modes: Mode[]): void {
  console.log(`\nHomepages corpus, ${results.length} pages, through the bridge:\n`);
  printTable(modes.map((mode) => summaryRow(results, mode)));

  const failures = results.flatMap((p) =>
    modes.flatMap((mode) => {
      const r = p.modes[mode];
      return r && !r.ok
        ? [{ file: p.file, mode, status: String(r.status), message: r.message ?? '' }]
        : [];
    }),
  );
  console.log(`\nFailures (${failures.length}):\n`);
  if (failures.length) {
    printTable(failures);
  }
  const degraded = results.flatMap((p) =>
    modes.flatMap((mode) =>
      (p.modes[mode]?.notes ?? []).map((note) => ({ file: p.file, mode, note })),
    ),
  );
  console.log(`\nAnswers that report a failure inside a 200 (${degraded.length}):\n`);
  if (degraded.length) {
    printTable(degraded);
  }
  const notLoaded = results.filter((p) => p.loadError);
  if (notLoaded.length) {
    console.log(`\nPages that never reached load (observed as they stood): ${notLoaded.length}`);
    for (const p of notLoaded) {
      console.log(`  ${p.file}: ${p.loadError}`);
    }
  }
  for (const mode of modes) {
    console.log(`\n10 slowest, observe ${mode}:\n`);
    printTable(top(results, mode, (r) => r.observeMs));
    console.log(`\n10 largest answers, observe ${mode}:\n`);
    printTable(top(results, mode, (r) => r.answerChars ?? 0));
  }
}
