import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { REPO_ROOT } from './support/launch';

test.describe('doctor against the real bridge', () => {
  test('passes every check for the e2e profile, then names the missing registration', ({ ext }) => {
    // launchWithExtension keeps the profile beside the config dir.
    const profile = path.join(path.dirname(ext.configDir), 'profile');
    const doctor = (profileDir: string) =>
      spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, 'dist-bridge', 'cli.js'), 'doctor', '--profile', profileDir],
        {
          env: { ...process.env, TABSIGHT_CONFIG_DIR: ext.configDir },
          encoding: 'utf8',
        },
      );

    const healthy = doctor(profile);
    expect(healthy.stdout).toContain(`✓ Extension connected: ${ext.extensionId}`);
    expect(healthy.stdout).toContain('All checks passed.');
    expect(healthy.status).toBe(0);

    const unregistered = doctor(path.join(path.dirname(ext.configDir), 'no-such-profile'));
    expect(unregistered.status).toBe(1);
    expect(unregistered.stdout).toMatch(/✗ Host manifest .*: not registered/);
    expect(unregistered.stdout).toContain('fix: npm run register -- --profile');
  });
});
