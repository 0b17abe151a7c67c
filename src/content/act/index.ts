import { isInteractionAction, type Action } from '@shared/schema/actions';
import type { ActOutcome } from '@shared/protocol/runtime';
import { elementById } from '../perceive';
import { checkElement } from './check';
import { clickElement } from './click';
import { nameOf } from './describe-element';
import { fillElement } from './fill';
import { noteTarget } from './effect';
import { ActFailure, done } from './outcome';
import { selectOption } from './select-option';
import { uploadFile } from './upload';

/**
 * Runs one element action on the element behind a frame-local id. `id` is the tab-wide id the
 * agent used, so messages name what it knows.
 */
export async function act(localId: string, action: Action, id: string): Promise<ActOutcome> {
  const element = elementById(localId);
  if (!element) {
    return { success: false, message: `element ${id} is gone; observe again` };
  }
  if (!isInteractionAction(action)) {
    return {
      success: false,
      message: `${action.type} is not an element action; send it without an id`,
    };
  }
  noteTarget(element);
  try {
    switch (action.type) {
      case 'click':
        clickElement(element, id);
        return done(`clicked ${nameOf(element)} (${id})`);
      case 'fill':
      case 'multi_factor_fill':
      case 'fallback_fill':
        return done(fillElement(element, id, action));
      case 'check':
        return done(await checkElement(element, id, action.value));
      case 'select_dropdown_option':
        return done(await selectOption(element, id, action.value));
      case 'upload_file':
        return done(uploadFile(element, id, action.file));
    }
  } catch (err) {
    if (err instanceof ActFailure) {
      return { success: false, message: err.message };
    }
    throw err;
  }
}
