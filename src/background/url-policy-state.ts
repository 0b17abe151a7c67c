import type { UrlPolicy } from '@shared/url-policy';

/**
 * The bridge tells the extension the user's start-up choice in its host-status frame; until it
 * has, and with a bridge that does not say, file: pages stay off.
 */
let policy: UrlPolicy = { allowFileUrls: false };

export const currentUrlPolicy = (): UrlPolicy => policy;

export function setUrlPolicy(next: UrlPolicy): void {
  policy = next;
}
