/**
 * The peer extractors of the content eval: Mozilla Readability and Defuddle, injected into the
 * same loaded page after our observe, so all three read one DOM in one run. Readability reads a
 * clone (it rewrites what it reads); Defuddle reads the live document (it needs computed styles)
 * and runs last, because it removes the page's scripts as it goes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

export interface PeerResult {
  /** Main content as HTML (scored through the same HTML-to-text as the expectations). */
  html: string;
  title: string | null;
  author: string | null;
  excerpt: string | null;
  published: string | null;
  /** In-page time of the extraction alone, after the library is loaded. */
  ms: number;
}

export type PeerName = 'readability' | 'defuddle';
export const PEERS: readonly PeerName[] = ['readability', 'defuddle'];
export type PeerResults = Partial<Record<PeerName, PeerResult>>;

const require = createRequire(import.meta.url);
let source: string | undefined;

/**
 * One script that defines both libraries in a function scope (a page's own `module`, `exports`
 * or AMD `define` must not capture them) and returns both results.
 */
function peerScript(): string {
  source ??= [
    '(() => {',
    'var module, exports, define;',
    readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8'),
    readFileSync(require.resolve('defuddle'), 'utf8'),
    'const DefuddleClass = self.Defuddle && (self.Defuddle.default || self.Defuddle);',
    'const text = (v) => (typeof v === "string" && v.trim() ? v.trim() : null);',
    'const out = {};',
    'try {',
    '  const t0 = performance.now();',
    '  const r = new Readability(document.cloneNode(true)).parse();',
    '  out.readability = { html: r?.content ?? "", title: text(r?.title), author: text(r?.byline),',
    '    excerpt: text(r?.excerpt), published: text(r?.publishedTime), ms: performance.now() - t0 };',
    '} catch (e) { out.readabilityError = String(e); }',
    'try {',
    '  const t0 = performance.now();',
    '  const d = new DefuddleClass(document, { url: location.href }).parse();',
    '  out.defuddle = { html: d?.content ?? "", title: text(d?.title), author: text(d?.author),',
    '    excerpt: text(d?.description), published: text(d?.published), ms: performance.now() - t0 };',
    '} catch (e) { out.defuddleError = String(e); }',
    'return out;',
    '})()',
  ].join('\n');
  return source;
}

/** Both peers on the page as it stands; a peer that throws is left out (and logged). */
export async function runPeers(tab: Page, label: string): Promise<PeerResults> {
  // evaluate() goes through the debugger protocol, so a page's CSP cannot block the script.
  const result = (await tab.evaluate(peerScript()).catch((error: unknown) => ({
    evalError: String(error),
  }))) as PeerResults & Record<string, unknown>;
  for (const key of ['readabilityError', 'defuddleError', 'evalError']) {
    const message = result[key];
    if (typeof message === 'string') {
      console.log(`  ${label}: ${key} ${message.slice(0, 160)}`);
    }
  }
  return { readability: result.readability, defuddle: result.defuddle };
}
