import type { KeyChord } from '@shared/key-chord';
import { parseKeyChord } from '@shared/key-chord';
import {
  fireInput,
  insertIntoEditable,
  insertIntoField,
  isContentEditable,
  isTextField,
  setNativeValue,
} from './editing';
import { moveFocus } from './focus-order';

const LINE_PX = 40;

function keyEvent(type: string, chord: KeyChord): KeyboardEvent {
  return new KeyboardEvent(type, {
    key: chord.key,
    code: chord.code,
    // keyCode/which are not in KeyboardEventInit's spec but Chromium honours them, and pages
    // written for old browsers still test `e.keyCode === 13`.
    keyCode: chord.keyCode,
    which: chord.keyCode,
    charCode: type === 'keypress' ? (chord.text ?? '').charCodeAt(0) || chord.keyCode : 0,
    ctrlKey: chord.ctrl,
    shiftKey: chord.shift,
    altKey: chord.alt,
    metaKey: chord.meta,
    bubbles: true,
    cancelable: true,
    composed: true,
    view: window,
  });
}

/** Enter in a single-line field submits its form (HTML "implicit submission"). */
function submitImplicitly(field: HTMLInputElement): void {
  const form = field.form;
  if (!form) {
    return;
  }
  const submitter = form.querySelector<HTMLElement>(
    'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]',
  );
  form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
}

function scrollPage(chord: KeyChord): boolean {
  const page = window.innerHeight * 0.9;
  const moves: Record<string, number> = {
    ArrowDown: LINE_PX,
    ArrowUp: -LINE_PX,
    PageDown: page,
    PageUp: -page,
    ' ': chord.shift ? -page : page,
  };
  if (chord.key === 'Home' || chord.key === 'End') {
    window.scrollTo({ top: chord.key === 'Home' ? 0 : document.documentElement.scrollHeight });
    return true;
  }
  const by = moves[chord.key];
  if (by === undefined) {
    return false;
  }
  window.scrollBy({ top: by, behavior: 'instant' });
  return true;
}

function stepSelect(select: HTMLSelectElement, chord: KeyChord): boolean {
  const step = chord.key === 'ArrowDown' ? 1 : chord.key === 'ArrowUp' ? -1 : 0;
  const next = select.selectedIndex + step;
  if (step === 0 || next < 0 || next >= select.options.length) {
    return false;
  }
  select.selectedIndex = next;
  fireInput(select, null);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/**
 * What the browser would do for a key the page did not cancel. Script-made key events are not
 * trusted, so the browser does none of it by itself; we cover what agents rely on.
 */
function defaultAction(target: Element, chord: KeyChord): string {
  const modified = chord.ctrl || chord.meta;
  if (modified && chord.key.toLowerCase() === 'a') {
    if (isTextField(target)) {
      target.select();
    } else {
      document.execCommand('selectAll');
    }
    return 'selected all';
  }
  if (chord.key === 'Tab' && !modified && !chord.alt) {
    return moveFocus(target, chord.shift ? -1 : 1) ? 'moved focus' : '';
  }
  if (chord.key === 'Enter' && !modified) {
    if (target instanceof HTMLInputElement && isTextField(target)) {
      submitImplicitly(target);
      return target.form ? 'submitted the form' : '';
    }
    if (target instanceof HTMLTextAreaElement) {
      insertIntoField(target, '\n');
      return 'inserted a line break';
    }
    if (isContentEditable(target)) {
      document.execCommand('insertParagraph');
      return 'inserted a paragraph';
    }
    if (target.matches('a[href], button, [role="button"], [role="link"], summary')) {
      (target as HTMLElement).click();
      return 'activated it';
    }
    return '';
  }
  if (chord.key === 'Backspace' || chord.key === 'Delete') {
    if (isTextField(target)) {
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? target.value.length;
      const from = start === end && chord.key === 'Backspace' ? Math.max(0, start - 1) : start;
      const to = start === end && chord.key === 'Delete' ? end + 1 : end;
      setNativeValue(target, target.value.slice(0, from) + target.value.slice(to));
      fireInput(
        target,
        null,
        chord.key === 'Backspace' ? 'deleteContentBackward' : 'deleteContentForward',
      );
      return 'deleted';
    }
    if (isContentEditable(target)) {
      document.execCommand(chord.key === 'Backspace' ? 'delete' : 'forwardDelete');
      return 'deleted';
    }
    return '';
  }
  if (chord.text !== null) {
    if (isTextField(target)) {
      insertIntoField(target, chord.text);
      return `typed "${chord.text}"`;
    }
    if (isContentEditable(target)) {
      insertIntoEditable(target, chord.text, false);
      return `typed "${chord.text}"`;
    }
  }
  if (target instanceof HTMLSelectElement && stepSelect(target, chord)) {
    return `selected "${target.selectedOptions[0]?.text ?? ''}"`;
  }
  if (!isTextField(target) && !isContentEditable(target) && scrollPage(chord)) {
    return 'scrolled the page';
  }
  return '';
}

/**
 * Presses a key or chord on an element: keydown, keypress (characters only), the default action
 * unless the page cancelled the keydown, keyup. Returns what happened, for the agent.
 */
export function pressKey(target: Element, input: string | KeyChord): string {
  const chord = typeof input === 'string' ? parseKeyChord(input) : input;
  let allowed = target.dispatchEvent(keyEvent('keydown', chord));
  if (allowed && chord.text !== null) {
    allowed = target.dispatchEvent(keyEvent('keypress', chord));
  }
  const effect = allowed ? defaultAction(target, chord) : 'the page handled it';
  target.dispatchEvent(keyEvent('keyup', chord));
  return effect;
}
