import type { ExecuteResponse } from '@shared/schema/execute';
import type { Observation } from '@shared/schema/observation';
import type { ScrapeResponse } from '@shared/schema/scrape';
import type { Session } from '@shared/schema/session';

/**
 * Model-facing text of the tool results. It is compact on purpose: the fixed browser-action list
 * is in tabsight_execute's description once, not in every observation, and the full JSON goes to
 * `structuredContent` for programs.
 */
export function observationText(observation: Observation): string {
  const { metadata, space, data, progress, session } = observation;
  const tabIndex = metadata.tabs.findIndex((t) => t.url === metadata.url);
  const lines = [
    `# ${metadata.title || '(untitled)'}`,
    `URL: ${metadata.url}`,
    [
      `session ${session.session_id} (${session.status})`,
      `step ${progress.current_step}/${progress.max_steps}`,
      `page category: ${space.category ?? 'unknown'}`,
      `tabs: ${metadata.tabs.length}${tabIndex >= 0 ? ` (current: ${tabIndex})` : ''}`,
    ].join(' · '),
    '',
    '## Page outline (element ids inline)',
    space.description,
    '',
    '## Interaction actions (use the id with tabsight_execute)',
    space.interaction_actions.length > 0
      ? space.interaction_actions.map((a) => `* ${a.id}: ${a.type} ${a.description}`).join('\n')
      : '(none in view: scroll_down, or observe with scope "page")',
  ];
  if (data) {
    lines.push('', '## Page content (markdown)', data.markdown);
  }
  return lines.join('\n');
}

export function executeText(result: ExecuteResponse): string {
  const lines = [
    `${result.success ? 'OK' : 'FAILED'}: ${result.action.type}${'id' in result.action ? ` ${result.action.id}` : ''}: ${result.message}`,
  ];
  if (result.exception) {
    lines.push(`exception: ${result.exception}`);
  }
  if (result.effect) {
    lines.push(`effect: ${result.effect.summary}`);
  }
  if (result.data) {
    lines.push('', result.data.markdown);
  }
  lines.push(
    '',
    result.success
      ? 'Call tabsight_observe to see the page after this action.'
      : 'Nothing was done; call tabsight_observe for fresh ids before retrying.',
  );
  return lines.join('\n');
}

export function scrapeText(result: ScrapeResponse): string {
  const images = result.images.filter((i) => i.url !== null && i.category === 'content_image');
  const lines = [result.markdown];
  if (images.length > 0) {
    lines.push('', '## Images', ...images.map((i) => `* ${i.url} ${i.description ?? ''}`.trim()));
  }
  return lines.join('\n');
}

export function sessionLine(session: Session): string {
  const closed = session.closed_at ? `, closed ${session.closed_at}` : '';
  const error = session.error ? `, error: ${session.error}` : '';
  return `${session.session_id}: ${session.status} (created ${session.created_at}, last used ${session.last_accessed_at}${closed}${error})`;
}
