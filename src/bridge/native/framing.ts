/**
 * Chrome native messaging framing: a 4-byte little-endian length, then that many bytes of UTF-8
 * JSON, in both directions (docs/TOOLCHAIN.md section 5).
 */

const HEADER_BYTES = 4;

/**
 * Chrome rejects host→browser messages over 1 MB and drops the port ("Error when communicating
 * with the native messaging host."); we stay well below to keep a margin for the JSON encoding.
 * https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
 */
export const HOST_TO_BROWSER_MAX_BYTES = 900_000;

/** Chrome caps browser→host messages at 64 MiB; a larger length means a corrupt stream. */
export const BROWSER_TO_HOST_MAX_BYTES = 64 * 1024 * 1024;

export class FrameTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`native message of ${bytes} bytes exceeds the ${maxBytes}-byte limit`);
    this.name = 'FrameTooLargeError';
  }
}

/** Encodes one message; throws FrameTooLargeError when Chrome would refuse it. */
export function encodeFrame(message: unknown, maxBytes = HOST_TO_BROWSER_MAX_BYTES): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > maxBytes) {
    throw new FrameTooLargeError(body.length, maxBytes);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

export interface FrameDecoderOptions {
  onMessage: (message: unknown) => void;
  /** A well-framed message whose body is not JSON; the stream stays usable. */
  onInvalid?: (error: Error) => void;
  maxBytes?: number;
}

export interface FrameDecoder {
  /** Feeds bytes; throws FrameTooLargeError on an absurd length (the stream is then unusable). */
  push(chunk: Buffer): void;
  /** Bytes received that do not yet form a whole message. */
  readonly pendingBytes: number;
}

/**
 * Streaming decoder over a list of chunks, so a large message split across many reads is joined
 * once rather than re-concatenated on every chunk.
 */
export function createFrameDecoder(options: FrameDecoderOptions): FrameDecoder {
  const maxBytes = options.maxBytes ?? BROWSER_TO_HOST_MAX_BYTES;
  const chunks: Buffer[] = [];
  let buffered = 0;
  let expected: number | null = null;

  const take = (count: number): Buffer => {
    const out = Buffer.allocUnsafe(count);
    let filled = 0;
    while (filled < count) {
      const head = chunks[0];
      if (!head) {
        throw new Error('framing: took more bytes than buffered');
      }
      const needed = count - filled;
      if (head.length <= needed) {
        head.copy(out, filled);
        filled += head.length;
        chunks.shift();
      } else {
        head.copy(out, filled, 0, needed);
        chunks[0] = head.subarray(needed);
        filled += needed;
      }
    }
    buffered -= count;
    return out;
  };

  const deliver = (body: Buffer) => {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch (err) {
      options.onInvalid?.(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    options.onMessage(message);
  };

  return {
    push(chunk) {
      if (chunk.length > 0) {
        chunks.push(chunk);
        buffered += chunk.length;
      }
      for (;;) {
        if (expected === null) {
          if (buffered < HEADER_BYTES) {
            return;
          }
          const length = take(HEADER_BYTES).readUInt32LE(0);
          if (length > maxBytes) {
            throw new FrameTooLargeError(length, maxBytes);
          }
          expected = length;
        }
        if (buffered < expected) {
          return;
        }
        const body = take(expected);
        expected = null;
        deliver(body);
      }
    },
    get pendingBytes() {
      return buffered + (expected === null ? 0 : HEADER_BYTES);
    },
  };
}
