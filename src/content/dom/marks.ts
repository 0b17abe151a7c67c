import { marksOf } from '@shared/protocol/frame-snapshot';
import { randomHex } from './random';

/**
 * This content script's id and frame marks. The nonce lives in the isolated world and in the
 * snapshot the service worker reads, never in the page, so page text cannot forge a mark.
 */
export const MARKS = marksOf(randomHex(8));
