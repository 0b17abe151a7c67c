import type { Action } from '@shared/schema/actions';
import { nowIso } from '@shared/schema/common';
import { errorInfoOf, TabsightError } from '@shared/schema/errors';
import type { ExecuteResponse } from '@shared/schema/execute';
import { toWireSession } from '../sessions/session-record';
import type { SessionService } from '../sessions/session-service';
import type { StepOutcome } from './outcome';
import { runAction } from './run-action';
import { checkPageTool } from './page-actions';
import { watchEffect } from './effect';
import { watchRequests } from './requests';
import { settle, watchNavigation, type Settled } from './settle';
import type { Effect } from '@shared/schema/effect';
import { assertTimeToStart } from '../link/deadline';

const LOG = '[tabsight:bg]';

/** The action as the answer echoes it: an uploaded file's bytes are not sent back. */
function echoOf(action: Action): Action {
  if (action.type === 'upload_file' && action.file) {
    return { ...action, file: { ...action.file, base64: '' } };
  }
  return action;
}

/**
 * Executes one action for a session (docs/SPEC.md section 5): counts the step, runs the action in the
 * session's current tab, waits for the page to settle, and answers an ExecuteResponse. A failed
 * action is an answer with `success: false`; only session problems are errors.
 */
export async function execute(
  sessions: SessionService,
  sessionId: string,
  action: Action,
  deadline = Infinity,
): Promise<ExecuteResponse> {
  const startedAt = nowIso();
  // Late is worse than never: an action run after the bridge gave up would happen unseen.
  assertTimeToStart(deadline, `the ${action.type} action`);
  const touched = await sessions.touch(sessionId);
  if (action.type === 'page_tool') {
    // A call the page cannot take is the request's error (422, 501), and costs no step.
    await checkPageTool(touched.active_tab_id, action.name, action.arguments);
  }
  // Counted before running, in one store update, so two concurrent calls cannot both slip in.
  const record = await sessions.save(sessionId, (r) =>
    r.current_step >= r.max_steps ? r : { ...r, current_step: r.current_step + 1 },
  );
  if (!record || record.current_step === touched.current_step) {
    throw new TabsightError(
      'max-steps-reached',
      `session ${sessionId} has used all its ${touched.max_steps} steps`,
      'start a new session with a higher max_steps',
    );
  }
  const watch = watchNavigation(record.active_tab_id);
  const requests = watchRequests(record.active_tab_id);
  const effects = await watchEffect(record);
  let outcome: StepOutcome;
  let exception: string | null = null;
  let effect: Effect | undefined;
  try {
    outcome = await runAction(sessions, record, action, deadline);
    const settled: Settled = await settle(watch, requests, outcome.settleFrame, deadline);
    if (settled.note) {
      outcome = { ...outcome, message: `${outcome.message}; ${settled.note}` };
    }
    effect = await effects.report(sessions, sessionId, settled, outcome.settleFrame);
  } catch (err) {
    const info = errorInfoOf(err);
    console.debug(LOG, 'execute', action.type, err);
    outcome = {
      success: false,
      message: info.hint ? `${info.message}; ${info.hint}` : info.message,
      settleFrame: null,
    };
    exception = `${info.code}: ${info.message}`;
  } finally {
    watch.stop();
    requests.stop();
    effects.stop();
  }
  const latest = await sessions.record(sessionId);
  return {
    action: echoOf(action),
    success: outcome.success,
    message: outcome.message,
    data: outcome.data ?? null,
    exception,
    started_at: startedAt,
    ended_at: nowIso(),
    session: toWireSession(latest),
    ...(effect ? { effect } : {}),
    ...(outcome.pageTool ? { page_tool: outcome.pageTool } : {}),
  };
}
