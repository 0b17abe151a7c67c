import { normalizeSpace } from '@shared/text';
import { getRole } from 'dom-accessibility-api';
import { accessibleNameOf } from '../perceive';

const TEXT_CHARS = 40;

const clip = (text: string, max = TEXT_CHARS): string => {
  const flat = normalizeSpace(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** `div#modal.cookie-banner "Accept cookies…"`: enough for an agent to recognise a blocker. */
export function briefOf(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  const text = clip(element.textContent ?? '');
  return `${tag}${id}${classes}${text ? ` "${text}"` : ''}`;
}

/** `button "Pay"`: how failure messages name the element acted on. */
export function nameOf(element: Element): string {
  const role = getRole(element) ?? element.tagName.toLowerCase();
  let name: string;
  try {
    name = clip(accessibleNameOf(element), 60);
  } catch {
    name = clip(element.textContent ?? '', 60);
  }
  return name ? `${role} "${name}"` : role;
}
