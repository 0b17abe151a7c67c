import { afterEach, describe, expect, it } from 'vitest';
import { clearOverlay, OVERLAY_ATTRIBUTE, showOverlay } from '.';

const hostOf = () => document.querySelector(`[${OVERLAY_ATTRIBUTE}]`);

describe('the page overlay', () => {
  afterEach(() => {
    clearOverlay();
    document.body.replaceChildren();
  });

  it('adds one marked host to the document element and removes it again', () => {
    const button = document.createElement('button');
    document.body.append(button);
    showOverlay([{ element: button, label: 'B1' }], false);
    expect(hostOf()?.parentElement).toBe(document.documentElement);
    expect(hostOf()?.getAttribute(OVERLAY_ATTRIBUTE)).toBe('B1');
    // Closed: the page cannot reach into it.
    expect((hostOf() as HTMLElement).shadowRoot).toBeNull();
    showOverlay([], false);
    expect(hostOf()).toBeNull();
  });

  it('replaces the labels on each call instead of adding hosts', () => {
    const a = document.createElement('a');
    const b = document.createElement('button');
    document.body.append(a, b);
    showOverlay([{ element: a, label: 'L1' }], false);
    showOverlay(
      [
        { element: a, label: 'L1' },
        { element: b, label: 'B1' },
      ],
      false,
    );
    expect(document.querySelectorAll(`[${OVERLAY_ATTRIBUTE}]`)).toHaveLength(1);
    expect(hostOf()?.getAttribute(OVERLAY_ATTRIBUTE)).toBe('L1 B1');
  });
});
