import { isDisabled } from './click';
import { nameOf } from './describe-element';
import {
  fireChange,
  fireInput,
  insertIntoEditable,
  isContentEditable,
  isTextField,
  setNativeValue,
} from './editing';
import { visiblePoint } from './geometry';
import { pressKey } from './keyboard';
import { fail } from './outcome';

export interface FillRequest {
  value: string;
  clear_before_fill: boolean;
  press_enter?: boolean;
}

/** The text an element ends up holding, to check the page kept what we typed. */
const currentText = (element: Element): string =>
  isTextField(element) ? element.value : (element.textContent ?? '');

/**
 * Fills a text field or contenteditable: focus, clear when asked, set the value so frameworks see
 * it, input and change events, then Enter when asked. Returns a sentence for the agent.
 */
export function fillElement(element: Element, id: string, request: FillRequest): string {
  const label = `${nameOf(element)} (${id})`;
  if (!isTextField(element) && !isContentEditable(element)) {
    const hint =
      element instanceof HTMLSelectElement
        ? 'use select_dropdown_option'
        : element instanceof HTMLInputElement &&
            (element.type === 'checkbox' || element.type === 'radio')
          ? 'use check'
          : element instanceof HTMLInputElement && element.type === 'file'
            ? 'use upload_file'
            : 'fill works on text inputs, textareas and contenteditable elements; click it or pick another id';
    return fail(`${label} is not editable; ${hint}`);
  }
  if (isDisabled(element)) {
    return fail(`${label} is disabled; wait until it is enabled, or observe again`);
  }
  if (isTextField(element) && element.readOnly) {
    return fail(
      `${label} is read-only and not editable; pick another field, or click it to open its picker`,
    );
  }
  if (!visiblePoint(element)) {
    return fail(`${label} has no visible box (hidden or zero size); observe again`);
  }
  const wanted = request.clear_before_fill ? request.value : currentText(element) + request.value;
  if (isTextField(element)) {
    element.focus({ preventScroll: true });
    setNativeValue(element, wanted);
    fireInput(element, request.value);
    fireChange(element);
  } else {
    insertIntoEditable(element, request.value, request.clear_before_fill);
  }
  const kept = currentText(element);
  const secret = element instanceof HTMLInputElement && element.type === 'password';
  let message = `filled ${label} with ${secret ? 'the password' : `"${request.value}"`}`;
  if (isTextField(element) && kept !== wanted) {
    if (secret) {
      return message;
    }
    if (kept === '' && wanted !== '') {
      return fail(
        `${label} did not accept "${request.value}" (its value stayed empty); check the expected format (type=${element.type})`,
      );
    }
    message += `; the page changed it to "${kept}"`;
  }
  if (request.press_enter) {
    const effect = pressKey(element, 'Enter');
    message += effect ? ` and pressed Enter (${effect})` : ' and pressed Enter';
  }
  return message;
}
