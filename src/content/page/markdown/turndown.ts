/**
 * The one HTML → markdown converter: turndown with GitHub-flavoured options, the maintained GFM
 * plugin for strikethrough, task lists and highlighted code, our own always-GFM tables, and rules
 * for the placeholder elements the whole-page walk emits (fields, buttons, frame slots, markers).
 */
import { highlightedCodeBlock, strikethrough, taskListItems } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { escapeMarkdownText } from '@shared/page-text';
import { gfmTables } from './tables';
import { BUTTON_TAG, FRAME_TAG, RAW_TAG } from './whole-page';

export const TURNDOWN_OPTIONS: TurndownService.Options = {
  headingStyle: 'atx',
  hr: '---',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  fence: '```',
  emDelimiter: '_',
  strongDelimiter: '**',
  linkStyle: 'inlined',
};

const upper = (tag: string) => tag.toUpperCase();

/** Link text on one line: block content inside a card link would otherwise break the syntax. */
function oneLine(content: string): string {
  return content.replace(/\s*\n+\s*/g, ' ').trim();
}

export function createConverter(): TurndownService {
  const service = new TurndownService(TURNDOWN_OPTIONS);
  // Page text also must not pass for an id or a heading of ours (docs/SPEC.md, "Page text").
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text) => escapeMarkdownText(escapeMarkdown(text));
  service.use([highlightedCodeBlock, strikethrough, taskListItems, gfmTables]);
  service.remove(['script', 'style', 'noscript', 'template', 'head', 'title']);
  service.addRule('tabsightRaw', {
    // Pre-rendered markdown (fields, id markers): must not be escaped.
    filter: (node) => node.nodeName === upper(RAW_TAG),
    replacement: (_content, node) => node.textContent ?? '',
  });
  service.addRule('tabsightFrame', {
    filter: (node) => node.nodeName === upper(FRAME_TAG),
    replacement: (_content, node) => `\n\n${node.textContent ?? ''}\n\n`,
  });
  service.addRule('tabsightButton', {
    filter: (node) => node.nodeName === upper(BUTTON_TAG),
    replacement: (content) => {
      const text = oneLine(content);
      return text ? `[${text}]` : '';
    },
  });
  service.addRule('tabsightLink', {
    filter: (node) => node.nodeName === 'A' && Boolean((node as Element).getAttribute('href')),
    replacement: (content, node) => {
      const href = ((node as Element).getAttribute('href') ?? '').replace(/([()<>\s])/g, (c) =>
        c === ' ' ? '%20' : `\\${c}`,
      );
      const text = oneLine(content);
      return text ? `[${text}](${href})` : '';
    },
  });
  service.addRule('tabsightImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = (node as Element).getAttribute('src') ?? '';
      if (!src || src.startsWith('data:')) {
        return '';
      }
      const alt = oneLine((node as Element).getAttribute('alt') ?? '').replace(
        /([[\]\\])/g,
        '\\$1',
      );
      return `![${alt}](${src.replace(/([()<>\s])/g, (c) => (c === ' ' ? '%20' : `\\${c}`))})`;
    },
  });
  return service;
}

let shared: TurndownService | undefined;

/** Markdown of a DOM subtree (turndown clones it, so the input is never changed). */
export function toMarkdown(root: HTMLElement): string {
  shared ??= createConverter();
  return shared.turndown(root);
}
