import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ValidationIssue } from '@shared/schema/errors';
import { BridgeHttpError, BridgeUnreachableError } from '../client';

export const textResult = (text: string, structured?: Record<string, unknown>): CallToolResult => ({
  content: [{ type: 'text', text }],
  ...(structured ? { structuredContent: structured } : {}),
});

/** Validation details name the offending field, e.g. `body.action.id: an element id is …`. */
function detailText(detail: unknown): string {
  const issues = ValidationIssue.array().safeParse(detail);
  if (issues.success) {
    return issues.data.map((i) => `- ${i.loc.join('.')}: ${i.msg}`).join('\n');
  }
  const hint = (detail as { hint?: unknown } | null)?.hint;
  return typeof hint === 'string' ? hint : '';
}

/**
 * A failed call becomes a tool error (isError) the model can read and act on; the bridge's own
 * message already says what to do next (docs/SPEC.md section 1), so it is passed on unchanged.
 */
export function errorResult(err: unknown): CallToolResult {
  let text: string;
  if (err instanceof BridgeHttpError) {
    const detail = detailText(err.body.detail);
    text = `Tabsight bridge answered ${err.status}: ${err.body.message}${detail ? `\n${detail}` : ''}`;
  } else if (err instanceof BridgeUnreachableError) {
    text = err.message;
  } else {
    text = `Tabsight MCP error: ${err instanceof Error ? err.message : String(err)}`;
  }
  return { content: [{ type: 'text', text }], isError: true };
}
