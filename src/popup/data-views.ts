import type { PopupObservation } from '@shared/protocol/popup';
import { copyButton } from './copy-button';
import { h } from './dom';

function toolbar(...items: HTMLElement[]): HTMLElement {
  return h('div', { class: 'toolbar' }, ...items);
}

/** The page markdown (`data.markdown`), as text. */
export function markdownView(observation: PopupObservation): HTMLElement {
  const markdown = observation.data?.markdown ?? '';
  return h(
    'div',
    { class: 'view' },
    toolbar(
      h('span', { class: 'hint' }, 'data.markdown'),
      copyButton('Copy markdown', () => markdown),
    ),
    markdown
      ? h('pre', { class: 'text', tabindex: 0 }, markdown)
      : h('p', { class: 'empty' }, 'This page has no text content.'),
  );
}

/**
 * The page's images (`data.images`). Listed as text, not loaded: fetching them from the popup
 * would send requests the page never made.
 */
export function imagesView(observation: PopupObservation): HTMLElement {
  const images = observation.data?.images ?? [];
  return h(
    'div',
    { class: 'view' },
    toolbar(
      h('span', { class: 'hint' }, `data.images (${images.length})`),
      copyButton('Copy JSON', () => JSON.stringify(images, null, 2)),
    ),
    images.length
      ? h(
          'ul',
          { class: 'images', tabindex: 0 },
          ...images.map((image) =>
            h(
              'li',
              {},
              h('span', { class: 'badge' }, image.category ?? 'image'),
              h('span', { class: 'desc' }, image.description ?? '(no description)'),
              h('div', { class: 'img-url' }, image.url ?? '(inline)'),
            ),
          ),
        )
      : h('p', { class: 'empty' }, 'No images on this page.'),
  );
}

/** The whole observation as JSON, the way the popup received it. */
export function jsonView(observation: PopupObservation): HTMLElement {
  const json = JSON.stringify(observation, null, 2);
  return h(
    'div',
    { class: 'view' },
    toolbar(
      h('span', { class: 'hint' }, 'Observation (popup view)'),
      copyButton('Copy JSON', () => json),
    ),
    h('pre', { class: 'text', tabindex: 0 }, json),
  );
}
