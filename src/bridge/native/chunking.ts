import {
  CHUNK_MAX_CHARS,
  CHUNKED_MESSAGE_MAX_CHARS,
  type ChunkFrame,
} from '@shared/protocol/bridge-link';
import { FrameTooLargeError, HOST_TO_BROWSER_MAX_BYTES } from './framing';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts a JSON text into slices of at most `maxChars` UTF-16 units, never between the two halves
 * of a surrogate pair: Chrome's JSON reader would turn a lone half into U+FFFD.
 */
export function sliceJson(json: string, maxChars = CHUNK_MAX_CHARS): string[] {
  const slices: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + maxChars, json.length);
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) {
      end -= 1;
    }
    slices.push(json.slice(start, end));
    start = end;
  }
  return slices;
}

export interface ChunkingOptions {
  /** Messages whose UTF-8 JSON is at most this size go whole. */
  maxFrameBytes?: number;
  maxChunkChars?: number;
  maxMessageChars?: number;
}

/**
 * The host→browser writer: a message that fits Chrome's limit goes as one frame, a larger one as
 * a chunk set (`{v: 1, chunk: {id, index, count, data}}`) that the service worker reassembles.
 * Throws FrameTooLargeError over `maxMessageChars`.
 */
export function createChunkingWriter(
  writeFrame: (frame: unknown) => void,
  options: ChunkingOptions = {},
): (message: unknown) => void {
  const maxFrameBytes = options.maxFrameBytes ?? HOST_TO_BROWSER_MAX_BYTES;
  const maxChunkChars = options.maxChunkChars ?? CHUNK_MAX_CHARS;
  const maxMessageChars = options.maxMessageChars ?? CHUNKED_MESSAGE_MAX_CHARS;
  let nextSetId = 1;

  return (message) => {
    const json = JSON.stringify(message);
    if (json.length <= maxChunkChars || Buffer.byteLength(json, 'utf8') <= maxFrameBytes) {
      writeFrame(message);
      return;
    }
    if (json.length > maxMessageChars) {
      throw new FrameTooLargeError(Buffer.byteLength(json, 'utf8'), maxMessageChars);
    }
    const slices = sliceJson(json, maxChunkChars);
    const id = nextSetId++;
    // Written in one synchronous run, so no other frame lands between two chunks of a set.
    slices.forEach((data, index) => {
      const frame: ChunkFrame = { v: 1, chunk: { id, index, count: slices.length, data } };
      writeFrame(frame);
    });
  };
}
