import { secrecyOf } from '../dom/sensitive-fields';
import { accessibleNameOf, perceive } from '../perceive';
import { isDisabled } from './click';
import { nameOf } from './describe-element';
import { isTextField } from './editing';
import { fillElement } from './fill';
import { matchFields, type FieldFacts } from './form-fields';
import { ActFailure } from './outcome';
import { selectOption } from './select-option';

export interface FormFillResult {
  /** This frame's origin, which every filled field belongs to. */
  origin: string;
  filled: { key: string; field: string }[];
  failed: { key: string; message: string }[];
}

export interface FormFillScope {
  /** Only a frame of this origin fills anything (the page's own, or the one the agent named). */
  origin: string;
  /** The top frame's origin: password values go to no other. */
  top_origin: string;
}

type Fillable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The fields an observation would list: perception's verdict (shown, not covered, not clipped
 * away) rather than a box check of our own, so a 1 px field or one under an overlay, which the
 * user cannot see, never receives a value.
 */
function fillableFields(): Fillable[] {
  const perception = perceive(document, { scope: 'page', selectors: false });
  return [...document.querySelectorAll<Fillable>('input, textarea, select')].filter(
    (el) =>
      (isTextField(el) || el instanceof HTMLSelectElement) &&
      !isDisabled(el) &&
      !(el instanceof HTMLInputElement && el.readOnly) &&
      perception.idOf(el) !== undefined &&
      !tooSmallToSee(el),
  );
}

/** A field narrower or lower than this is not one a user could read or type into. */
const MIN_FIELD_SIDE_PX = 4;

function tooSmallToSee(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width < MIN_FIELD_SIDE_PX || box.height < MIN_FIELD_SIDE_PX;
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
 * form_fill in one frame: matches the keys to this frame's listed fields (autocomplete, name/id,
 * label) and fills each one as `fill` or `select_dropdown_option` would. A frame of another
 * origin than `scope.origin` fills nothing (the service worker asks only the right frames; this
 * is checked again here, where the document's real origin is known); a password field fills
 * only in the top frame's origin.
 */
export async function formFill(
  values: Record<string, string>,
  scope: FormFillScope,
): Promise<FormFillResult> {
  const origin = self.origin;
  const result: FormFillResult = { origin, filled: [], failed: [] };
  if (origin !== scope.origin) {
    return result;
  }
  const fields = fillableFields();
  const matched = matchFields(Object.keys(values), fields.map(factsOf));
  for (const [key, indexes] of matched) {
    const value = values[key] ?? '';
    for (const index of indexes) {
      const field = fields[index]!;
      const label = nameOf(field);
      if (secrecyOf(field) === 'password' && origin !== scope.top_origin) {
        result.failed.push({
          key,
          message: `${label} is a password field in a frame of ${origin}, not the page's origin ${scope.top_origin}; passwords are filled only in the page's own origin`,
        });
        continue;
      }
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
