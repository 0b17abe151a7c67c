/** Input types a person types text into (docs/SPEC.md: text-like inputs get `fill`). */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'email',
  'password',
  'search',
  'tel',
  'url',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  'color',
]);

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export function isTextField(element: Element): element is TextField {
  if (element instanceof HTMLTextAreaElement) {
    return true;
  }
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}

export function isContentEditable(element: Element): element is HTMLElement {
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Sets a field's value through the setter on its prototype rather than the instance. React and
 * Vue wrap the instance property to track the value they rendered; going around the wrapper makes
 * the following input event look like a real edit, so their onChange/v-model fire.
 */
export function setNativeValue(field: TextField, value: string): void {
  let proto: object | null = Object.getPrototypeOf(field) as object | null;
  while (proto) {
    if (Object.getOwnPropertyDescriptor(proto, 'value')?.set) {
      // Runs the prototype's setter with the field as receiver.
      Reflect.set(proto, 'value', value, field);
      return;
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  field.value = value;
}

export function fireInput(element: Element, data: string | null, inputType = 'insertText'): void {
  element.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType, data }),
  );
}

export function fireChange(element: Element): void {
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Puts text into a contenteditable the way the browser's own editing does (beforeinput, the DOM
 * change, input), so editors built on those events (ProseMirror, Lexical, Slate) follow along.
 */
export function insertIntoEditable(element: HTMLElement, text: string, replaceAll: boolean): void {
  element.focus({ preventScroll: true });
  const selection = window.getSelection();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(element);
    if (!replaceAll) {
      range.collapse(false);
    }
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const command = text === '' ? 'delete' : 'insertText';
  // execCommand is deprecated but still the only call that runs the browser's editing pipeline
  // with trusted beforeinput/input events; fall back to a plain DOM edit where it is refused.
  if (document.execCommand(command, false, text)) {
    return;
  }
  const allowed = element.dispatchEvent(
    new InputEvent('beforeinput', {
      bubbles: true,
      cancelable: true,
      composed: true,
      inputType: 'insertText',
      data: text,
    }),
  );
  if (allowed) {
    element.textContent = replaceAll ? text : `${element.textContent ?? ''}${text}`;
    fireInput(element, text);
  }
}

/** Inserts text at the caret of a text field (what typing one key does), with an input event. */
export function insertIntoField(field: TextField, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? field.value.length;
  const next = field.value.slice(0, start) + text + field.value.slice(end);
  setNativeValue(field, next);
  try {
    field.setSelectionRange(start + text.length, start + text.length);
  } catch {
    // Types such as email and number have no selection API; the caret stays at the end.
  }
  fireInput(field, text);
}
