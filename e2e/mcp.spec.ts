import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Observation } from '../src/shared/schema/observation';
import { expect, test } from './support/fixtures';
import { connectMcp, mcpTextOf } from './support/mcp-client';

test.describe('the MCP server over the real bridge', () => {
  test('`cli.js mcp` on stdio starts a session, observes, acts and stops', async ({
    ext,
    site,
  }) => {
    // The MCP server finds the bridge from bridge.json and the token file in the config dir.
    const mcp = await connectMcp(ext.configDir);
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
        expect(result.isError, mcpTextOf(result)).toBeFalsy();
        return result;
      };
      const { tools } = await mcp.listTools();
      expect(tools).toHaveLength(7);

      const started = await call('tabsight_start_session', { url: site.url('/act/static.html') });
      const sessionId = (started.structuredContent as { session_id: string }).session_id;

      const observed = await call('tabsight_observe', { session_id: sessionId });
      const text = mcpTextOf(observed);
      expect(text).toContain('# Bench page');
      expect(text).toMatch(/\* B\d+: click button "Press me"/);
      const observation = Observation.parse(observed.structuredContent);
      expect(observation.data).toBeNull();
      const button = observation.space.interaction_actions.find((a) =>
        a.description.includes('Press me'),
      );

      const executed = await call('tabsight_execute', {
        session_id: sessionId,
        action: { type: 'click', id: button?.id },
      });
      expect(mcpTextOf(executed)).toMatch(/^OK: click B\d+/);
      // The effect report is in every execute answer: this button changes nothing visible.
      expect(mcpTextOf(executed)).toContain('effect: nothing visible changed');
      expect(executed.structuredContent).toMatchObject({ effect: { changed: false } });

      // Observing again answers only what changed since the previous observation: here nothing.
      const again = await call('tabsight_observe', { session_id: sessionId });
      expect(mcpTextOf(again)).toContain(
        '## Changes since the previous observation (unchanged since o_',
      );
      expect(mcpTextOf(again)).not.toContain('## Page outline');
      expect(again.structuredContent).toMatchObject({
        delta: { since: observation.observation_id, full: false, added: [], removed: [] },
      });
      const whole = await call('tabsight_observe', { session_id: sessionId, changes_only: false });
      expect(mcpTextOf(whole)).toContain('# Bench page');
      expect(whole.structuredContent).not.toHaveProperty('delta');

      // A cut answer tells how to get the rest of the same capture, and the cursor gives it.
      const cut = await call('tabsight_observe', {
        session_id: sessionId,
        url: site.url('/loop/app.html'),
        scope: 'page',
        max_tokens: 100,
      });
      const cursor = /"cursor": "(c_[0-9a-f]{16})"/.exec(mcpTextOf(cut))?.[1];
      expect(mcpTextOf(cut)).toContain(`call tabsight_observe with {"session_id": "${sessionId}"`);
      expect(cursor).toBeDefined();
      const rest = await call('tabsight_observe', { session_id: sessionId, cursor });
      expect(mcpTextOf(rest)).toContain('[part 2 of the capture');
      expect(rest.structuredContent).toMatchObject({
        observation_id: (cut.structuredContent as { observation_id: string }).observation_id,
        budget: { part: 2 },
      });

      const shot = await call('tabsight_screenshot', { session_id: sessionId });
      expect(shot.content[0]).toMatchObject({ type: 'image', mimeType: 'image/jpeg' });

      const gone = (await mcp.callTool({
        name: 'tabsight_observe',
        arguments: { session_id: 'no-such-session' },
      })) as CallToolResult;
      expect(gone.isError).toBe(true);
      expect(mcpTextOf(gone)).toContain('404');

      await call('tabsight_stop_session', { session_id: sessionId });
    } finally {
      await mcp.close();
    }
  });
});
