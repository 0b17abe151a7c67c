import { parseKeyChord } from '@shared/key-chord';
import { frameTokenOf } from '../dom/frame-tokens';
import { nameOf } from './describe-element';
import { deepActiveElement } from './geometry';
import { pressKey } from './keyboard';

export interface KeyResult {
  handled: boolean;
  message: string;
  /** Focus sits in this child frame: the service worker presses the key there instead. */
  delegate_frame_token: string | null;
}

/** press_key: the key goes to the focused element of this frame (the body when none). */
export function pressKeyOnFocused(key: string): KeyResult {
  const chord = parseKeyChord(key);
  const focused = deepActiveElement() ?? document.body;
  if (focused instanceof HTMLIFrameElement || focused instanceof HTMLFrameElement) {
    const token = frameTokenOf(focused);
    if (token === null) {
      return {
        handled: false,
        message: 'focus is in a frame that has not answered yet; click an element in it first',
        delegate_frame_token: null,
      };
    }
    return { handled: false, message: '', delegate_frame_token: token };
  }
  const target = focused ?? document.documentElement;
  const effect = pressKey(target, chord);
  const where = target === document.body ? 'the page' : nameOf(target);
  return {
    handled: true,
    message: `pressed ${key} on ${where}${effect ? ` (${effect})` : ''}`,
    delegate_frame_token: null,
  };
}
