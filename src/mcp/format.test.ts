import { describe, expect, it } from 'vitest';
import { nestPageHeadings } from './format';

describe('page headings in the MCP text', () => {
  it('sit below the `##` sections, capped at level 6, with code blocks untouched', () => {
    const markdown = [
      '# Title',
      '## Interaction actions',
      '##### Deep',
      'text # not a heading',
      '```',
      '# a comment in code',
      '```',
      '#',
    ].join('\n');
    expect(nestPageHeadings(markdown)).toBe(
      [
        '### Title',
        '#### Interaction actions',
        '###### Deep',
        'text # not a heading',
        '```',
        '# a comment in code',
        '```',
        '###',
      ].join('\n'),
    );
  });
});
