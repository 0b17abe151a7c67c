import { describe, expect, it } from 'vitest';
import { addressOf, createIdMapState, globalIdOf } from './id-map';

describe('tab-wide id map', () => {
  it('keeps the top frame numbering when it is seen first', () => {
    const state = createIdMapState('top');
    expect(globalIdOf(state, 'top', 'B1')).toBe('B1');
    expect(globalIdOf(state, 'top', 'B2')).toBe('B2');
    expect(globalIdOf(state, 'top', 'L1')).toBe('L1');
  });

  it('gives equal local ids of two frames different tab-wide ids, stable on repeat', () => {
    const state = createIdMapState('top');
    const a = globalIdOf(state, 'top', 'B1');
    const b = globalIdOf(state, 'child', 'B1');
    expect(a).not.toBe(b);
    expect(globalIdOf(state, 'child', 'B1')).toBe(b);
    expect(globalIdOf(state, 'top', 'B1')).toBe(a);
  });

  it('maps a tab-wide id back to its frame and local id', () => {
    const state = createIdMapState('top');
    globalIdOf(state, 'top', 'I1');
    const id = globalIdOf(state, 'child', 'I1');
    expect(addressOf(state, id)).toEqual({ documentId: 'child', localId: 'I1' });
    expect(addressOf(state, 'I99')).toBeUndefined();
  });
});
