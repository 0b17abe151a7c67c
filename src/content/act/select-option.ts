import { normalizeSpace } from '@shared/text';
import { accessibleNameOf } from '../perceive';
import { clickElement, isDisabled } from './click';
import { nameOf } from './describe-element';
import { fireChange, fireInput } from './editing';
import { matchOption, optionNotFound, type OptionFacts } from './option-match';
import { fail } from './outcome';

const POPUP_WAIT_MS = 1_500;
const POLL_MS = 50;

function selectNative(select: HTMLSelectElement, id: string, wanted: string): string {
  const label = `${nameOf(select)} (${id})`;
  const options = [...select.options];
  const facts = options.map((o) => ({ text: o.text, value: o.value }));
  const index = matchOption(facts, wanted);
  const option = options[index];
  if (!option) {
    return fail(`${optionNotFound(wanted, facts)} (in ${label})`);
  }
  if (option.disabled) {
    return fail(`option "${option.text}" of ${label} is disabled; pick another option`);
  }
  if (option.selected && (select.multiple || select.selectedIndex === index)) {
    return `"${option.text}" is already selected in ${label}; nothing to do`;
  }
  option.selected = true;
  fireInput(select, null);
  fireChange(select);
  return `selected "${option.text}" in ${label}`;
}

const textOf = (el: Element): string => {
  const name = accessibleNameOf(el).trim();
  return name || normalizeSpace(el.textContent ?? '');
};

function idrefs(element: Element, attribute: string): Element[] {
  const root = element.getRootNode() as Document | ShadowRoot;
  return (element.getAttribute(attribute) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((ref) => {
      const found = root.getElementById(ref) ?? document.getElementById(ref);
      return found ? [found] : [];
    });
}

const visible = (el: Element): boolean => el.getClientRects().length > 0;

/** The options an ARIA listbox or combobox offers right now (its popup must be open). */
function ariaOptions(control: Element): Element[] {
  const owned = [control, ...idrefs(control, 'aria-controls'), ...idrefs(control, 'aria-owns')];
  for (const container of owned) {
    const options = [...container.querySelectorAll('[role="option"]')].filter(visible);
    if (options.length > 0) {
      return options;
    }
  }
  // Many widgets render the popup at the end of <body> without linking it.
  const popups = [...document.querySelectorAll('[role="listbox"]')].filter(visible);
  return popups.flatMap((p) => [...p.querySelectorAll('[role="option"]')].filter(visible));
}

async function waitForOptions(control: Element): Promise<Element[]> {
  const deadline = performance.now() + POPUP_WAIT_MS;
  let options = ariaOptions(control);
  while (options.length === 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    options = ariaOptions(control);
  }
  return options;
}

/** ARIA combobox/listbox: open it when it is closed, then click the option like a person would. */
async function selectAria(control: Element, id: string, wanted: string): Promise<string> {
  const label = `${nameOf(control)} (${id})`;
  if (isDisabled(control)) {
    return fail(`${label} is disabled; wait until it is enabled, or observe again`);
  }
  const role = control.getAttribute('role');
  const closed = role !== 'listbox' && control.getAttribute('aria-expanded') !== 'true';
  if (closed) {
    clickElement(control, id);
  }
  const options = await waitForOptions(control);
  const facts: OptionFacts[] = options.map((o) => ({
    text: textOf(o),
    value: o.getAttribute('data-value') ?? o.getAttribute('value') ?? textOf(o),
  }));
  const option = options[matchOption(facts, wanted)];
  if (!option) {
    return fail(`${optionNotFound(wanted, facts)} (in ${label})`);
  }
  if (option.getAttribute('aria-disabled') === 'true') {
    return fail(`option "${textOf(option)}" of ${label} is disabled; pick another option`);
  }
  option.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  clickElement(option, id);
  return `selected "${textOf(option)}" in ${label}`;
}

export async function selectOption(element: Element, id: string, wanted: string): Promise<string> {
  if (element instanceof HTMLSelectElement) {
    if (isDisabled(element)) {
      return fail(
        `${nameOf(element)} (${id}) is disabled; wait until it is enabled, or observe again`,
      );
    }
    return selectNative(element, id, wanted);
  }
  const role = element.getAttribute('role') ?? '';
  const nested = element.querySelector('select');
  if (nested) {
    return selectNative(nested, id, wanted);
  }
  if (
    ['combobox', 'listbox'].includes(role) ||
    element.getAttribute('aria-haspopup') === 'listbox'
  ) {
    return selectAria(element, id, wanted);
  }
  return fail(
    `${nameOf(element)} (${id}) is not a dropdown (select, combobox or listbox); click it to open it, then click the option`,
  );
}
