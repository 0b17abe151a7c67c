import type { PageData } from '@shared/schema/observation';
import type { PageToolResult } from '@shared/schema/page-tools';
import type { FrameTarget } from '../frame-messaging';

/** What running one action produced, before it becomes an ExecuteResponse. */
export interface StepOutcome {
  success: boolean;
  message: string;
  data?: PageData | null;
  /** A page_tool action's answer (written by the page). */
  pageTool?: PageToolResult;
  /** The frame whose DOM to watch for the page to settle; null: nothing to wait for. */
  settleFrame: FrameTarget | null;
}

export const failed = (message: string): StepOutcome => ({
  success: false,
  message,
  settleFrame: null,
});

export const succeeded = (
  message: string,
  settleFrame: FrameTarget | null = null,
): StepOutcome => ({
  success: true,
  message,
  settleFrame,
});

export const topFrame = (tabId: number): FrameTarget => ({ tabId, frameId: 0 });
