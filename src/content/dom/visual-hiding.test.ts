import { describe, expect, it } from 'vitest';
import {
  boxHiding,
  contrast,
  createPaintCheck,
  effectiveOpacity,
  isTransparent,
  parseColor,
  screenReaderText,
} from './visual-hiding';

const style = (values: Partial<Record<string, string>>) =>
  ({
    position: 'static',
    clip: 'auto',
    clipPath: 'none',
    overflow: 'visible',
    overflowX: 'visible',
    overflowY: 'visible',
    display: 'block',
    opacity: '1',
    ...values,
  }) as unknown as CSSStyleDeclaration;
const box =
  (width: number, height: number, left = 10, top = 10) =>
  () => ({
    left,
    top,
    right: left + width,
    bottom: top + height,
  });
const scroll = { x: 0, y: 0 };

describe('visual hiding', () => {
  it('multiplies opacities down the tree', () => {
    const nested = effectiveOpacity(
      style({ opacity: '0.2' }),
      effectiveOpacity(style({ opacity: '0.3' }), 1),
    );
    expect(nested).toBeCloseTo(0.06);
    expect(isTransparent(nested)).toBe(true);
    expect(isTransparent(effectiveOpacity(style({ opacity: '0.5' }), 1))).toBe(false);
  });

  it('tells sr-only idioms, collapsed boxes and ordinary boxes apart', () => {
    const srOnly = style({ position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' });
    expect(boxHiding(srOnly, box(1, 1), scroll)).toBe('sr-only');
    expect(boxHiding(style({ clipPath: 'inset(100%)' }), box(200, 20), scroll)).toBe('sr-only');
    expect(boxHiding(style({ clipPath: 'inset(10%)' }), box(200, 20), scroll)).toBe('shown');
    const offPage = style({ position: 'absolute' });
    expect(boxHiding(offPage, box(200, 20, -10000), scroll)).toBe('sr-only');
    const clipped = { overflow: 'hidden', overflowX: 'hidden', overflowY: 'hidden' };
    expect(boxHiding(style(clipped), box(2, 2), scroll)).toBe('sr-only');
    expect(boxHiding(style(clipped), box(300, 0), scroll)).toBe('hidden');
    expect(boxHiding(style(clipped), box(300, 40), scroll)).toBe('shown');
    // An inline box ignores width and overflow.
    expect(boxHiding(style({ ...clipped, display: 'inline' }), box(0, 0), scroll)).toBe('shown');
  });

  it('reads colours and their contrast', () => {
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(26, 43, 60)')).toEqual([26, 43, 60, 1]);
    expect(parseColor('oklch(0.5 0.1 200)')).toBeNull();
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21);
    const unreadable = createPaintCheck();
    expect(unreadable('rgb(255, 255, 255)', 'rgb(255, 255, 255)')).toBe(true);
    expect(unreadable('rgb(254, 254, 254)', 'rgb(255, 255, 255)')).toBe(true);
    expect(unreadable('rgba(0, 0, 0, 0)', null)).toBe(true);
    expect(unreadable('rgb(238, 238, 238)', 'rgb(255, 255, 255)')).toBe(false);
    expect(unreadable('rgb(34, 34, 34)', null)).toBe(false);
    // Low luminance contrast with a hue of its own is still seen: yellow on white (1.07).
    expect(unreadable('rgb(255, 255, 0)', 'rgb(255, 255, 255)')).toBe(false);
    expect(unreadable('rgb(245, 245, 250)', 'rgb(255, 255, 255)')).toBe(true);
  });

  it('quotes screen-reader text so it cannot close its annotation', () => {
    expect(screenReaderText('a ") visible')).toBe('(screen-reader only: "a \\") visible")');
  });
});
