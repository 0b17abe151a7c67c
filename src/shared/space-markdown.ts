import type { Space } from './schema/observation';

/** `space.markdown`: the actions grouped by category, one `* <id or type>: <description>` each. */
export function actionsMarkdown(actions: Space['actions']): string {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const label = 'id' in action && typeof action.id === 'string' ? action.id : action.type;
    const lines = groups.get(action.category) ?? [];
    lines.push(`* ${label}: ${action.description}`);
    groups.set(action.category, lines);
  }
  return [...groups].map(([category, lines]) => `# ${category}\n${lines.join('\n')}`).join('\n\n');
}
