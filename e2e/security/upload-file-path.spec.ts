import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, type Launched } from '../support/launch';
import {
  bridgeCall,
  serveHostileSite,
  TEST_HOSTS_FLAG,
  type HostileSite,
} from './support/hostile-site';

// A page that asks for a file and shows whatever it receives (what an attacker's form would post).
const UPLOAD_PAGE = `<!doctype html><html lang="en"><head><title>Attach a document</title></head><body>
<label>Attachment <input type="file" id="file"></label>
<pre id="received">nothing</pre>
<script>
document.getElementById('file').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  document.getElementById('received').textContent = f.name + ': ' + (await f.text());
});
</script></body></html>`;

let site: HostileSite;
test.beforeAll(async () => {
  site = await serveHostileSite({ '/upload': UPLOAD_PAGE });
});
test.afterAll(async () => site.close());

async function openUpload(ext: Launched): Promise<{ sid: string; id: string; page: Page }> {
  const url = site.url('shop.test', '/upload');
  const start = await bridgeCall(ext, 'POST', '/sessions/start', { url });
  expect(start.status).toBe(200);
  const sid = start.body.session_id as string;
  const observed = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {});
  expect(observed.status).toBe(200);
  const actions = (observed.body.space as { interaction_actions: { id: string; type: string }[] })
    .interaction_actions;
  const id = actions.find((a) => a.type === 'upload_file')!.id;
  const page = ext.context.pages().find((p) => p.url() === url)!;
  return { sid, id, page };
}

const upload = (ext: Launched, sid: string, action: Record<string, unknown>) =>
  bridgeCall(ext, 'POST', `/sessions/${sid}/page/execute`, { type: 'upload_file', ...action });

test.describe('upload_file file_path with an upload folder', () => {
  let ext: Launched;
  test.beforeAll(async () => {
    ext = await launchWithExtension({ chromiumArgs: [TEST_HOSTS_FLAG] });
  });
  test.afterAll(async () => ext.close());

  test('the token, system files, links, devices and the profile never reach the page', async () => {
    const { sid, id, page } = await openUpload(ext);
    const uploads = ext.uploadDir!;
    const tokenFile = path.join(ext.configDir, 'token');
    symlinkSync(tokenFile, path.join(uploads, 'innocent.txt'));
    symlinkSync(ext.configDir, path.join(uploads, 'config-link'));
    const profileCookies = path.join(path.dirname(ext.configDir), 'profile', 'Default', 'Cookies');
    const attacks: [string, RegExp][] = [
      [tokenFile, /outside the upload folder/],
      ['/etc/passwd', /outside the upload folder/],
      ['/proc/self/environ', /outside the upload folder/],
      [profileCookies, /outside the upload folder|cannot open/],
      [path.join(uploads, 'innocent.txt'), /symbolic link/],
      [path.join(uploads, 'config-link', 'token'), /outside the upload folder/],
      [path.join(uploads, '..', 'config', 'token'), /outside the upload folder/],
      ['/dev/zero', /not a regular file|outside the upload folder/],
      ['/dev/stdin', /symbolic link|not a regular file|outside the upload folder/],
    ];
    for (const [filePath, reason] of attacks) {
      const res = await upload(ext, sid, { id, file_path: filePath });
      expect(res.status, filePath).toBe(422);
      expect(res.body.message as string, filePath).toMatch(reason);
    }
    await expect(page.locator('#received')).toHaveText('nothing');

    // The honest use: a file in the folder arrives, and the answer names who received it.
    writeFileSync(path.join(uploads, 'cv.txt'), 'my cv');
    const ok = await upload(ext, sid, { id, file_path: path.join(uploads, 'cv.txt') });
    expect(ok.status).toBe(200);
    expect(ok.body.message).toContain(`origin ${new URL(site.url('shop.test', '/')).origin}`);
    await expect(page.locator('#received')).toHaveText('cv.txt: my cv');
    expect(readFileSync(tokenFile, 'utf8').trim()).not.toBe('');

    // The native pipe was not eaten by /dev/stdin: observe still answers.
    const again = await bridgeCall(ext, 'POST', `/sessions/${sid}/page/observe`, {});
    expect(again.status).toBe(200);
  });
});

test.describe('upload_file file_path without an upload folder (the default)', () => {
  let ext: Launched;
  test.beforeAll(async () => {
    ext = await launchWithExtension({ chromiumArgs: [TEST_HOSTS_FLAG], uploadFolder: false });
  });
  test.afterAll(async () => ext.close());

  test('file_path is a 422 that says how to configure a folder; base64 still works', async () => {
    const { sid, id, page } = await openUpload(ext);
    const tokenFile = path.join(ext.configDir, 'token');
    const res = await upload(ext, sid, { id, file_path: tokenFile });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/no upload folder is configured/);
    expect((res.body.detail as { hint: string }).hint).toMatch(/--upload-dir.*TABSIGHT_UPLOAD_DIR/);
    await expect(page.locator('#received')).toHaveText('nothing');

    const base64 = Buffer.from('hello from the agent').toString('base64');
    const ok = await upload(ext, sid, { id, file: { name: 'note.txt', base64 } });
    expect(ok.status).toBe(200);
    expect(ok.body.message).toContain('origin http://shop.test');
    await expect(page.locator('#received')).toHaveText('note.txt: hello from the agent');
  });
});
