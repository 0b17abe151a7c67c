import type browser from 'webextension-polyfill';
import { POPUP_PORT_NAME } from '@shared/protocol/popup';
import { isToolbarPopup } from './dispatch';
import type { OverlayRelay } from './overlay-relay';

/**
 * A popup holds a port named `tabsight.popup:<tabId>` for as long as it is open. A closing popup
 * cannot reliably send a last message (`pagehide` races the page teardown), but its port always
 * disconnects: that is when the page overlay is removed.
 */
export function onPopupConnect(overlay: OverlayRelay) {
  return (port: browser.Runtime.Port): void => {
    const [name, tab] = port.name.split(':');
    if (name !== POPUP_PORT_NAME || !port.sender || !isToolbarPopup(port.sender)) {
      return;
    }
    const tabId = Number(tab);
    if (!Number.isInteger(tabId)) {
      return;
    }
    port.onDisconnect.addListener(() => {
      void overlay.clear(tabId);
    });
  };
}
