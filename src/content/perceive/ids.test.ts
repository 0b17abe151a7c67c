import { beforeEach, describe, expect, it } from 'vitest';
import { createIdRegistry, RECLAIM_PASSES, type Fingerprint, type IdRegistry } from './ids';

// The registry on its own, driven the way perceive() drives it: one beginPass() per pass, then
// idOf() for every listed element. Fingerprints are kept aside (no DOM reads), so a thousand
// passes run fast in happy-dom.
const fingerprints = new WeakMap<Element, Fingerprint>();
const fingerprint = (button: Element) => () => fingerprints.get(button)!;

const buttonsNamed = (names: string[]): HTMLButtonElement[] =>
  names.map((name, index) => {
    const button = document.createElement('button');
    fingerprints.set(button, {
      prefix: 'B',
      role: 'button',
      name,
      exact: `li[${index}]`,
      anchor: '#list',
    });
    return button;
  });

let list: HTMLElement;

const pass = (registry: IdRegistry, listed: Element[] = [...list.children]): string[] => {
  registry.beginPass();
  return listed.map((element) => registry.idOf(element, fingerprint(element)));
};

// Replaces every button by new ones with names never seen before, as an endless feed does.
let churned = 0;
const churn = (count: number) => {
  // Cheaper in happy-dom than replaceChildren, which a thousand passes feel.
  list.textContent = '';
  list.append(...buttonsNamed(Array.from({ length: count }, () => `Post ${(churned += 1)}`)));
};

const numberOf = (id: string) => Number(id.slice(1));

beforeEach(() => {
  document.body.innerHTML = '<ul id="list"></ul>';
  list = document.getElementById('list')!;
});

describe('id registry', () => {
  it('keeps ids across passes, listed or not, while sweeps run', () => {
    const registry = createIdRegistry();
    const keep = buttonsNamed(['Save', 'Undo']);
    document.body.append(...keep);
    const first = pass(registry, keep);
    for (let i = 0; i < 100; i++) {
      churn(100);
      // Only every tenth pass lists the kept buttons (they sit outside a viewport otherwise).
      const listed = i % 10 === 0 ? [...keep, ...list.children] : [...list.children];
      pass(registry, listed);
    }
    expect(pass(registry, keep)).toEqual(first);
    expect(first.map((id) => registry.elementById(id))).toEqual(keep);
  });

  it('gives a re-render within RECLAIM_PASSES passes its old id back, across sweeps', () => {
    const registry = createIdRegistry();
    const replies: string[] = [];
    let sweeps = 0;
    for (let i = 0; i < 300; i++) {
      churn(100);
      // Each pass shows a new reply once, and re-renders the one shown RECLAIM_PASSES ago, the
      // latest pass the contract covers: every sweep hits one such reply at its boundary.
      const shown = buttonsNamed([`Reply ${i}`, `Reply ${i - RECLAIM_PASSES}`]);
      list.append(...(i >= RECLAIM_PASSES ? shown : shown.slice(0, 1)));
      const before = registry.stats().entries;
      const ids = pass(registry);
      sweeps += registry.stats().entries < before ? 1 : 0;
      replies.push(ids[100]!);
      if (i >= RECLAIM_PASSES) {
        expect(ids[101]).toBe(replies[i - RECLAIM_PASSES]);
      }
    }
    expect(sweeps).toBeGreaterThan(10);
  });

  // A hundred thousand elements through happy-dom take a few seconds.
  it('stays bounded under churn and never reuses a number', { timeout: 30_000 }, () => {
    const registry = createIdRegistry();
    const issued: number[] = [];
    let largest = 0;
    let unbalanced = 0;
    for (let i = 0; i < 1000; i++) {
      churn(100);
      issued.push(...pass(registry).map(numberOf));
      const { entries, indexed } = registry.stats();
      largest = Math.max(largest, entries);
      // Each remembered id sits once in each fingerprint index, and no forgotten id lingers.
      unbalanced += indexed === 2 * entries ? 0 : 1;
    }
    // Live (100) plus the recent history, with the sweep's doubling slack.
    expect(largest).toBeLessThan(2 * 100 * (RECLAIM_PASSES + 1) + 256 + 100);
    expect(unbalanced).toBe(0);
    // Every element here is new with a new name: each got a number never used before.
    expect(issued).toEqual(Array.from({ length: 100_000 }, (_, k) => k + 1));
  });

  it('gives a new number to a look-alike that comes after its id was forgotten', () => {
    const registry = createIdRegistry();
    list.replaceChildren(...buttonsNamed(['Reply']));
    const [reply] = pass(registry);
    for (let i = 0; i < 50; i++) {
      churn(100);
      pass(registry);
    }
    list.replaceChildren(...buttonsNamed(['Reply']));
    const [late] = pass(registry);
    expect(late).not.toBe(reply);
    expect(numberOf(late!)).toBeGreaterThan(100 * 50);
    expect(registry.elementById(reply!)).toBeUndefined();
  });

  it('moves a re-rendered id to its new place in the indexes', () => {
    const registry = createIdRegistry();
    list.replaceChildren(...buttonsNamed(['Edit']));
    const [edit] = pass(registry);
    // Same name under the same anchor, another position: reclaimed through the anchor key.
    list.replaceChildren(...buttonsNamed(['Other', 'Edit']));
    expect(pass(registry)[1]).toBe(edit);
    expect(registry.stats()).toEqual({ entries: 2, indexed: 4 });
  });
});
