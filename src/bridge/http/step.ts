import type { Action } from '@shared/schema/actions';
import type { StepRequest } from '@shared/schema/execute';

/**
 * The short `/page/step` form names only an element, not its action type, and the bridge cannot
 * see the page. The honest rule uses the value's type: a boolean checks, a string fills (with
 * `enter` as press_enter), no value clicks (`enter` is then ignored). To pick a `<select>` option
 * or upload a file, send the full action object to `/page/execute` (or as `{action}` here).
 */
export function stepToAction(step: StepRequest): Action {
  if ('action' in step) {
    return step.action;
  }
  if (typeof step.value === 'boolean') {
    return { type: 'check', id: step.action_id, value: step.value };
  }
  if (typeof step.value === 'string') {
    return {
      type: 'fill',
      id: step.action_id,
      value: step.value,
      clear_before_fill: true,
      ...(step.enter === undefined ? {} : { press_enter: step.enter }),
    };
  }
  return { type: 'click', id: step.action_id };
}
