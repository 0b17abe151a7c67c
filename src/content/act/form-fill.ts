import { accessibleNameOf } from '../perceive';
import { isDisabled } from './click';
import { nameOf } from './describe-element';
import { isTextField } from './editing';
import { fillElement } from './fill';
import { matchFields, type FieldFacts } from './form-fields';
import { ActFailure } from './outcome';
import { selectOption } from './select-option';

export interface FormFillResult {
  filled: { key: string; field: string }[];
  failed: { key: string; message: string }[];
}

type Fillable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function fillableFields(): Fillable[] {
  return [...document.querySelectorAll<Fillable>('input, textarea, select')].filter(
    (el) =>
      (isTextField(el) || el instanceof HTMLSelectElement) &&
      !isDisabled(el) &&
      !(el instanceof HTMLInputElement && el.readOnly) &&
      el.getClientRects().length > 0,
  );
}

function factsOf(el: Fillable): FieldFacts {
  const labels = [...(el.labels ?? [])].map((l) => l.textContent ?? '');
  let name: string;
  try {
    name = accessibleNameOf(el);
  } catch {
    name = '';
  }
  return {
    autocomplete: el.getAttribute('autocomplete') ?? '',
    name: el.getAttribute('name') ?? '',
    id: el.id,
    label: [name, ...labels, el.getAttribute('placeholder') ?? ''].join(' '),
    type: el instanceof HTMLSelectElement ? 'select' : el.type,
  };
}

/**
 * form_fill in one frame: matches the keys to this frame's visible fields (autocomplete, name/id,
 * label) and fills each one as `fill` or `select_dropdown_option` would.
 */
export async function formFill(values: Record<string, string>): Promise<FormFillResult> {
  const fields = fillableFields();
  const matched = matchFields(Object.keys(values), fields.map(factsOf));
  const result: FormFillResult = { filled: [], failed: [] };
  for (const [key, indexes] of matched) {
    const value = values[key] ?? '';
    for (const index of indexes) {
      const field = fields[index]!;
      const label = nameOf(field);
      try {
        if (field instanceof HTMLSelectElement) {
          await selectOption(field, key, value);
        } else {
          fillElement(field, key, { value, clear_before_fill: true });
        }
        result.filled.push({ key, field: label });
      } catch (err) {
        if (!(err instanceof ActFailure)) {
          throw err;
        }
        result.failed.push({ key, message: err.message });
      }
    }
  }
  return result;
}
