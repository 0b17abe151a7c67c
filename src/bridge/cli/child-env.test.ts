import { describe, expect, it } from 'vitest';
import { keepsVariable, scrubbedEnv } from './child-env';

describe('scrubbedEnv', () => {
  it('drops API keys, tokens, secrets and cloud credentials', () => {
    for (const name of [
      'OPENAI_API_KEY',
      'ANTHROPIC_API_KEY',
      'GITHUB_TOKEN',
      'NPM_TOKEN',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'GOOGLE_APPLICATION_CREDENTIALS',
      'DB_PASSWORD',
      'MY_SECRET',
      'SSH_AUTH_SOCK',
      'TABSIGHT_TOKEN',
      'XDG_SECRET_KEY',
    ]) {
      expect(keepsVariable(name), name).toBe(false);
    }
  });

  it('keeps what Chromium and the bridge read', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/u',
      DISPLAY: ':0',
      XAUTHORITY: '/home/u/.Xauthority',
      XDG_RUNTIME_DIR: '/run/user/1000',
      XDG_SESSION_TYPE: 'x11',
      LC_ALL: 'C.UTF-8',
      TABSIGHT_PORT: '7410',
      https_proxy: 'http://proxy:3128',
      OPENAI_API_KEY: 'sk-planted',
      UNRELATED: 'x',
    };
    expect(scrubbedEnv(env, { TABSIGHT_CONFIG_DIR: '/c' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/u',
      DISPLAY: ':0',
      XAUTHORITY: '/home/u/.Xauthority',
      XDG_RUNTIME_DIR: '/run/user/1000',
      XDG_SESSION_TYPE: 'x11',
      LC_ALL: 'C.UTF-8',
      TABSIGHT_PORT: '7410',
      https_proxy: 'http://proxy:3128',
      TABSIGHT_CONFIG_DIR: '/c',
    });
  });
});
