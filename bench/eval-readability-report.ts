/** Tables of the readability-corpus eval: one column per extractor, then our own extras. */
import { writeFileSync } from 'node:fs';
import { fromCounts } from './content-metrics';
import { pct } from './eval-page';
import { EXTRACTORS, type Extractor, type ReadabilityCase, type Scored } from './eval-readability';
import { median, percentile, printTable } from './support';

/** Pages under this shingle F1 are listed by name: they are where the mean is lost. */
const LOW_F1 = 0.5;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const f3 = (x: number) => x.toFixed(3);

function column(cases: readonly ReadabilityCase[], who: Extractor): Record<string, string> {
  const scored = cases.map((c) => c.by[who]).filter((s): s is Scored => s !== undefined);
  const pooled = fromCounts(
    scored.reduce((sum, s) => sum + s.shingle.truePositive, 0),
    scored.reduce((sum, s) => sum + s.shingle.falsePositive, 0),
    scored.reduce((sum, s) => sum + s.shingle.falseNegative, 0),
  );
  const titled = scored.filter((s) => s.title);
  const bylined = scored.filter((s) => s.author !== null);
  const ms = scored.map((s) => s.ms);
  return {
    pages: String(scored.length),
    'shingle-4 F1 mean (P / R)': `${f3(mean(scored.map((s) => s.shingle.f1)))} (${f3(mean(scored.map((s) => s.shingle.precision)))} / ${f3(mean(scored.map((s) => s.shingle.recall)))})`,
    'shingle-4 F1 pooled (P / R)': `${f3(pooled.f1)} (${f3(pooled.precision)} / ${f3(pooled.recall)})`,
    'token F1 mean (P / R)': `${f3(mean(scored.map((s) => s.token.f1)))} (${f3(mean(scored.map((s) => s.token.precision)))} / ${f3(mean(scored.map((s) => s.token.recall)))})`,
    'token F1 median': f3(median(scored.map((s) => s.token.f1))),
    [`pages with shingle F1 < ${LOW_F1}`]: String(
      scored.filter((s) => s.shingle.f1 < LOW_F1).length,
    ),
    'title exact': pct(titled.filter((s) => s.title!.exact).length, titled.length),
    'title after site-suffix strip': pct(
      titled.filter((s) => s.title!.suffix).length,
      titled.length,
    ),
    'author (byline)': pct(bylined.filter((s) => s.author).length, bylined.length),
    'time ms median / p90': `${median(ms).toFixed(1)} / ${percentile(ms, 90).toFixed(1)}`,
  };
}

export function reportReadability(cases: readonly ReadabilityCase[], total: number): void {
  console.log(`\nReadability corpus: ${cases.length} of ${total} pages measured`);
  console.log(
    '(expectations are Readability 0.6 output: agreement with it, not truth; tabsight time is' +
      ' timings_ms.page of observe, peers time their extraction alone in the page)\n',
  );
  const columns = EXTRACTORS.map((who) => column(cases, who));
  printTable(
    Object.keys(columns[0]!).map((measure) => {
      const row: Record<string, string> = { measure };
      EXTRACTORS.forEach((who, index) => {
        row[who] = columns[index]![measure] ?? '';
      });
      return row;
    }),
  );
  const excerpted = cases.filter((c) => c.excerpt);
  const headlined = cases.filter((c) => c.headline !== null);
  const dated = cases.filter((c) => c.published !== null);
  const imagesExpected = cases.reduce((sum, c) => sum + c.imagesExpected, 0);
  const imagesFound = cases.reduce((sum, c) => sum + c.imagesFound, 0);
  console.log('\nTabsight only:\n');
  printTable([
    {
      measure: 'excerpt exact',
      value: pct(excerpted.filter((c) => c.excerpt!.exact).length, excerpted.length),
    },
    {
      measure: 'excerpt starts-with',
      value: pct(excerpted.filter((c) => c.excerpt!.partial).length, excerpted.length),
    },
    {
      measure: 'title (headline: site suffix off both)',
      value: pct(headlined.filter((c) => c.headline).length, headlined.length),
    },
    {
      measure: 'published time (same day)',
      value: pct(dated.filter((c) => c.published).length, dated.length),
    },
    { measure: 'content-image recall (by file name)', value: pct(imagesFound, imagesExpected) },
  ]);
  for (const who of EXTRACTORS) {
    const low = cases.filter((c) => (c.by[who]?.shingle.f1 ?? 1) < LOW_F1);
    if (low.length) {
      const list = low.map((c) => `${c.name} ${c.by[who]!.shingle.f1.toFixed(2)}`).join(', ');
      console.log(`\n${who}: shingle F1 < ${LOW_F1}: ${list}`);
    }
  }
  if (process.env.EVAL_VERBOSE) {
    reportWorst(cases);
  }
  if (process.env.EVAL_JSON) {
    // Per-page scores, to compare two builds page by page.
    const pages = Object.fromEntries(
      cases.map((c) => [
        c.name,
        { shingle: c.by.tabsight?.shingle.f1, token: c.by.tabsight?.token.f1 },
      ]),
    );
    writeFileSync(process.env.EVAL_JSON, JSON.stringify(pages, null, 1));
  }
}

function reportWorst(cases: readonly ReadabilityCase[]): void {
  const ours = (c: ReadabilityCase) => c.by.tabsight!;
  const worst = [...cases].sort((a, b) => ours(a).shingle.f1 - ours(b).shingle.f1).slice(0, 15);
  console.log('\nLowest tabsight shingle F1 (readability / defuddle beside):');
  for (const c of worst) {
    const s = ours(c).shingle;
    console.log(
      `  ${c.name}: F1 ${f3(s.f1)} P ${f3(s.precision)} R ${f3(s.recall)} | R ${f3(c.by.readability?.shingle.f1 ?? NaN)} D ${f3(c.by.defuddle?.shingle.f1 ?? NaN)}`,
    );
  }
  console.log('\nTitle / author / excerpt misses:');
  for (const c of cases) {
    const s = ours(c);
    if (s.title && !s.title.suffix) {
      console.log(
        `  ${c.name} title: ours ${JSON.stringify(s.ours.title)} want ${JSON.stringify(c.expected.title)}`,
      );
    }
    if (s.author === false) {
      console.log(
        `  ${c.name} author: ours ${JSON.stringify(s.ours.author)} want ${JSON.stringify(c.expected.byline)}`,
      );
    }
    if (c.published === false) {
      console.log(
        `  ${c.name} published: ours ${JSON.stringify(c.oursPublished)} want ${JSON.stringify(c.expected.publishedTime)}`,
      );
    }
    if (c.excerpt && !c.excerpt.partial) {
      console.log(
        `  ${c.name} excerpt: ours ${JSON.stringify(c.oursExcerpt?.slice(0, 80))} want ${JSON.stringify(c.expected.excerpt?.slice(0, 80))}`,
      );
    }
  }
}
