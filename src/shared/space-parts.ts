import type { Space } from './schema/observation';

/** What a space is made of; `actions` and `markdown` follow from it (docs/SPEC.md section 2). */
export type SpaceParts = Pick<
  Space,
  'description' | 'interaction_actions' | 'category' | 'browser_actions'
>;

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

/**
 * The whole space from its parts, keys in the contract's order: `actions` is
 * `interaction_actions` followed by `browser_actions`, and `markdown` lists them. Every answer
 * that lists elements (whole, `since`, cut by `max_tokens`, rebuilt by the bridge) makes its
 * space here, so the two derived keys cannot disagree with the list.
 */
export function spaceOf(parts: SpaceParts): Space {
  const { description, interaction_actions, category, browser_actions } = parts;
  const actions = [...interaction_actions, ...browser_actions];
  return {
    description,
    interaction_actions,
    category,
    actions,
    browser_actions,
    markdown: actionsMarkdown(actions),
  };
}
