import type { Observation } from '../../src/shared/schema/observation';
import type { TabsightClient } from '../../src/client';

/** The id of the listed element whose description contains `text` (throws with the list if none). */
export function idOf(observation: Observation, text: string): string {
  const found = observation.space.interaction_actions.find((a) => a.description.includes(text));
  if (!found) {
    const listed = observation.space.interaction_actions.map((a) => `${a.id} ${a.description}`);
    throw new Error(`no element described with ${JSON.stringify(text)} in:\n${listed.join('\n')}`);
  }
  return found.id;
}

/** The page's `#state` JSON as the next observation's markdown shows it. */
export function stateOf(observation: Observation): Record<string, unknown> {
  const match = /State:\s*(\{.*\})/.exec(observation.data?.markdown ?? '');
  if (!match) {
    throw new Error(`no state line in:\n${observation.data?.markdown ?? ''}`);
  }
  return JSON.parse(match[1]!.replace(/\\([_*[\]\\])/g, '$1')) as Record<string, unknown>;
}

export async function observePage(client: TabsightClient, sessionId: string): Promise<Observation> {
  return client.observe(sessionId, { scope: 'page' });
}
