// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canAptInstall, chromiumArgs, findChromium } from './chromium';

describe('findChromium', () => {
  const runnable = (paths: string[]) => (p: string) => paths.includes(p);

  it('prefers CHROME_PATH', () => {
    expect(
      findChromium(
        { CHROME_PATH: '/opt/c/chrome', PATH: '/usr/bin' },
        runnable(['/opt/c/chrome', '/usr/bin/chromium']),
      ),
    ).toBe('/opt/c/chrome');
    expect(
      findChromium({ CHROME_PATH: '/missing', PATH: '/usr/bin' }, runnable(['/usr/bin/chromium'])),
    ).toBeNull();
  });

  it('looks for the names in order on PATH', () => {
    const env = { PATH: '/a:/b' };
    expect(findChromium(env, runnable(['/b/google-chrome', '/b/chromium-browser']))).toBe(
      '/b/chromium-browser',
    );
    expect(findChromium(env, runnable([]))).toBeNull();
  });
});

describe('canAptInstall', () => {
  it('needs root and a Debian-like system', () => {
    expect(canAptInstall(false, 'ID=debian\n')).toBe(false);
    expect(canAptInstall(true, 'ID=fedora\n')).toBe(false);
  });
});

describe('chromiumArgs', () => {
  const base = { profileDir: '/p', extensionDir: '/repo/dist', headless: false, isRoot: false };

  it('loads only our extension into the dedicated profile', () => {
    expect(chromiumArgs(base)).toEqual([
      '--user-data-dir=/p',
      '--disable-extensions-except=/repo/dist',
      '--load-extension=/repo/dist',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ]);
  });

  it('adds headless flags, and --no-sandbox once as root', () => {
    const args = chromiumArgs({ ...base, headless: true, isRoot: true });
    expect(args).toEqual(expect.arrayContaining(['--headless=new', '--disable-gpu']));
    expect(args.filter((a) => a === '--no-sandbox')).toHaveLength(1);
    expect(chromiumArgs({ ...base, isRoot: true })).toContain('--no-sandbox');
    expect(args.at(-1)).toBe('about:blank');
  });

  it('turns on WebMCP only when asked (start --page-tools)', () => {
    expect(chromiumArgs(base).some((a) => a.includes('WebMCP'))).toBe(false);
    const args = chromiumArgs({ ...base, pageTools: true });
    expect(args).toContain('--enable-features=WebMCP');
    expect(args.at(-1)).toBe('about:blank');
  });

  it('keeps the sandbox for a user that is not root, headless or not', () => {
    expect(chromiumArgs({ ...base, headless: true })).not.toContain('--no-sandbox');
    expect(chromiumArgs(base)).not.toContain('--no-sandbox');
  });
});
