import { describe, expect, it } from 'vitest';
import { extractPage } from './index';

describe('form-heavy page', () => {
  it('keeps labels, fields, selections and button texts, never password values', () => {
    document.body.innerHTML = `
      <h1>Create account</h1>
      <form>
        <label for="email">Email</label> <input id="email" type="email" value="a@b.c">
        <label>Password <input type="password" value="hunter2"></label>
        <input type="text" placeholder="Nickname">
        <label for="bio">About you</label><textarea id="bio" placeholder="A few words"></textarea>
        <label for="country">Country:</label>
        <select id="country"><option>Germany</option><option selected>France</option></select>
        <label><input type="checkbox" checked> Send me news</label>
        <input type="radio" name="plan" aria-label="Free"> <input type="radio" name="plan" checked aria-label="Pro">
        <input type="hidden" name="csrf" value="token">
        <button type="submit">Sign <b>up</b></button> <input type="reset">
      </form>`;
    const { markdown } = extractPage(document, {
      onlyMainContent: true,
      idsInMarkdown: false,
      idOf: () => undefined,
    });
    expect(markdown).toContain('# Create account');
    expect(markdown).toContain('[Email: a@b.c]');
    expect(markdown).toContain('[Password: •••]');
    expect(markdown).not.toContain('hunter2');
    expect(markdown).toContain('[Nickname: ___]');
    expect(markdown).toContain('[About you: ___ (A few words)]');
    expect(markdown).toContain('[Country: France ▾]');
    expect(markdown).toContain('[x] Send me news');
    expect(markdown).toContain('( ) Free (x) Pro');
    expect(markdown).toContain('[Sign **up**] [Reset]');
    expect(markdown).not.toContain('token');
    expect(markdown.match(/Email/g)).toHaveLength(1);
  });
});
