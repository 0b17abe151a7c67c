import type { ActOutcome } from '@shared/protocol/runtime';

/**
 * A failure the agent can act on. Act modules throw it with a message that says what to do next;
 * the dispatcher turns it into `{success: false, message}` instead of an error reply.
 */
export class ActFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActFailure';
  }
}

export const fail = (message: string): never => {
  throw new ActFailure(message);
};

export const done = (message: string): ActOutcome => ({ success: true, message });
