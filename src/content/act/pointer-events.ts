import { composedParent, type Point } from './geometry';

const FOCUSABLE =
  'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';

function focusableAncestor(element: Element): HTMLElement | undefined {
  for (let node: Node | null = element; node; node = composedParent(node)) {
    if (node instanceof HTMLElement && node.matches(FOCUSABLE)) {
      return node;
    }
  }
  return undefined;
}

/**
 * The events a real mouse click produces, in order, at the given point: hover, press, focus,
 * release, click. Pages listen to any of them (menus open on pointerdown, drag libraries on
 * mousedown), so sending only `click` misses handlers. The final `click` also runs the element's
 * activation behaviour (follow a link, toggle a checkbox, submit a form).
 */
export function dispatchClick(target: Element, point: Point): void {
  const mouse = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: window,
    clientX: point.x,
    clientY: point.y,
    screenX: window.screenX + point.x,
    screenY: window.screenY + point.y,
    button: 0,
  };
  const pointer = { ...mouse, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  const pressed = { buttons: 1, detail: 1 };
  const released = { buttons: 0, detail: 1 };
  const noBubble = { bubbles: false, cancelable: false };

  target.dispatchEvent(new PointerEvent('pointerover', pointer));
  target.dispatchEvent(new PointerEvent('pointerenter', { ...pointer, ...noBubble }));
  target.dispatchEvent(new MouseEvent('mouseover', mouse));
  target.dispatchEvent(new MouseEvent('mouseenter', { ...mouse, ...noBubble }));
  target.dispatchEvent(new PointerEvent('pointermove', pointer));
  target.dispatchEvent(new MouseEvent('mousemove', mouse));
  const downAllowed = target.dispatchEvent(
    new PointerEvent('pointerdown', { ...pointer, ...pressed, pressure: 0.5 }),
  );
  // A cancelled pointerdown suppresses the compatibility mouse events (Pointer Events spec 11.1).
  const mouseDownAllowed =
    downAllowed && target.dispatchEvent(new MouseEvent('mousedown', { ...mouse, ...pressed }));
  if (mouseDownAllowed) {
    // A person's mousedown moves focus; a click on nothing focusable blurs the focused element.
    const focusable = focusableAncestor(target);
    if (focusable) {
      focusable.focus({ preventScroll: true });
    } else if (document.activeElement instanceof HTMLElement) {
      document.activeElement.blur();
    }
  }
  target.dispatchEvent(new PointerEvent('pointerup', { ...pointer, ...released, pressure: 0 }));
  if (downAllowed) {
    target.dispatchEvent(new MouseEvent('mouseup', { ...mouse, ...released }));
  }
  target.dispatchEvent(new MouseEvent('click', { ...mouse, ...released }));
}
