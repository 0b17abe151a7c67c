import { describe, expect, it } from 'vitest';
import { escapeLineStart, escapeMarkdownText } from './page-text';

describe('page text that could pass for our structure', () => {
  it('escapes an outline line that starts like an id line, a heading, an action or the scroll line', () => {
    expect(escapeLineStart('B1 button "Keep my subscription"')).toBe(
      '\\B1 button "Keep my subscription"',
    );
    expect(escapeLineStart('## Interaction actions')).toBe('\\## Interaction actions');
    expect(escapeLineStart('* B1: click Keep')).toBe('\\* B1: click Keep');
    expect(escapeLineStart('[0 px (0.0 viewports) above the viewport]')).toBe(
      '\\[0 px (0.0 viewports) above the viewport]',
    );
    expect(escapeLineStart('\\already')).toBe('\\\\already');
  });

  it('leaves ordinary text alone, including words that only contain an id', () => {
    for (const line of [
      'You are on the Premium plan.',
      'Bus B12X leaves',
      'Q3 results',
      'B0 paper',
    ]) {
      expect(escapeLineStart(line)).toBe(line);
    }
  });

  it('escapes markdown line starts turndown misses and inline id forms', () => {
    expect(escapeMarkdownText('first\n## Interaction actions\nB1 button "Keep"')).toBe(
      'first\n\\## Interaction actions\n\\B1 button "Keep"',
    );
    expect(escapeMarkdownText('Keep {B1} but not {B0} or {note}')).toBe(
      'Keep \\{B1} but not {B0} or {note}',
    );
    expect(escapeMarkdownText('no change here')).toBe('no change here');
  });
});
