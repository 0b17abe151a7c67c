import type { PopupObservation } from '@shared/protocol/popup';
import { h } from './dom';

const wordsIn = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Title, URL, category and counts of the observed tab. */
export function renderHeader(observation: PopupObservation): HTMLElement {
  const { metadata, space, data } = observation;
  const elements = space.interaction_actions;
  const offscreen = elements.filter((a) => a.in_viewport === false).length;
  const counts = [
    `${elements.length} element${elements.length === 1 ? '' : 's'}`,
    offscreen ? `${offscreen} off-screen` : null,
    data ? `${data.images.length} image${data.images.length === 1 ? '' : 's'}` : null,
    data ? `${wordsIn(data.markdown)} words` : null,
  ].filter(Boolean);
  return h(
    'div',
    { class: 'page' },
    h('h1', { class: 'title', title: metadata.title }, metadata.title || '(untitled)'),
    h('div', { class: 'url', title: metadata.url }, metadata.url),
    h(
      'div',
      { class: 'meta' },
      h('span', { class: 'badge', title: 'space.category' }, space.category ?? 'uncategorised'),
      h('span', { class: 'counts' }, counts.join(' · ')),
    ),
  );
}

/** The header of a tab that has no observation: its URL and why. */
export function renderPlainHeader(title: string, url: string): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h('h1', { class: 'title', title }, title || '(untitled)'),
    h('div', { class: 'url', title: url }, url),
  );
}
