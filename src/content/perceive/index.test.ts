import { MARKS } from '../dom/marks';
import { beforeEach, describe, expect, it } from 'vitest';
import { elementById, perceive } from './index';

// happy-dom has no layout: geometry is off, so these tests cover what does not need it.
const observe = (selectors = false) =>
  perceive(document, { scope: 'page', selectors }, { layout: false });

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('what is listed', () => {
  it('lists native controls with prefix, type and role', () => {
    document.body.innerHTML = `
      <a href="/x">Home</a>
      <button>Go</button>
      <input aria-label="Email" type="email" required value="a@b.c">
      <input type="checkbox" aria-label="Remember" checked>
      <select aria-label="Cabin"><option>Economy</option><option>Business</option></select>
      <input type="file" aria-label="CV" accept=".pdf" multiple>
      <textarea aria-label="Notes"></textarea>
      <input type="hidden" name="token" value="x">`;
    const summary = observe().elements.map((e) => [e.local_id[0], e.type, e.role, e.name]);
    expect(summary).toEqual([
      ['L', 'click', 'link', 'Home'],
      ['B', 'click', 'button', 'Go'],
      ['I', 'fill', 'textbox', 'Email'],
      ['B', 'check', 'checkbox', 'Remember'],
      ['I', 'select_dropdown_option', 'combobox', 'Cabin'],
      ['I', 'upload_file', 'file', 'CV'],
      ['I', 'fill', 'textbox', 'Notes'],
    ]);
  });

  it('describes state an agent needs, never a password', () => {
    document.body.innerHTML = `
      <input aria-label="Email" type="email" required value="a@b.c">
      <select aria-label="Cabin"><option>Economy</option><option>Business</option></select>
      <button disabled>Pay</button>
      <input type="password" aria-label="Password" value="hunter2">
      <input type="file" aria-label="CV" accept=".pdf" multiple>
      <div role="button" aria-expanded="false">Menu</div>`;
    const elements = observe().elements;
    expect(elements.map((e) => e.description)).toEqual([
      'textbox "Email" (type=email, required, value="a@b.c")',
      'combobox "Cabin" (selected="Economy"; options: Economy, Business)',
      'button "Pay" (disabled)',
      'textbox "Password" (type=password)',
      'file "CV" (type=file, accept=.pdf, multiple)',
      'button "Menu" (collapsed)',
    ]);
    const password = elements[3]!;
    expect(password.value).toBeUndefined();
    expect(JSON.stringify(password)).not.toContain('hunter2');
    expect(elements[0]!.value).toBe('a@b.c');
    expect(elements[1]!.value).toBe('Economy');
  });

  it('caps long option lists', () => {
    const options = Array.from({ length: 25 }, (_, i) => `<option>o${i}</option>`).join('');
    document.body.innerHTML = `<select aria-label="Many">${options}</select>`;
    expect(observe().elements[0]!.description).toMatch(/o19, … 5 more\)$/);
  });

  it('reports checked state as a boolean value', () => {
    document.body.innerHTML = `<div role="switch" aria-checked="true" tabindex="0">Wifi</div>
      <input type="radio" aria-label="Small">`;
    const [wifi, small] = observe().elements;
    expect([wifi?.local_id[0], wifi?.type, wifi?.value]).toEqual(['B', 'check', true]);
    expect(wifi?.description).toBe('switch "Wifi" (checked)');
    expect([small?.type, small?.value]).toEqual(['check', false]);
  });

  it('maps ARIA widgets and editables to their prefixes', () => {
    document.body.innerHTML = `
      <div role="tab">Tab</div><div role="menuitemradio">Radio item</div>
      <div role="searchbox" aria-label="Find"></div><div role="slider" aria-label="Volume" aria-valuenow="3"></div>
      <div role="listbox" aria-label="Pick"><div role="option" aria-selected="true">One</div></div>
      <div contenteditable="true" aria-label="Editor"><p contenteditable="true">Hi</p></div>
      <div tabindex="0">Focusable</div><div onclick="go()">Handler</div>
      <div onclick="go()"><img alt="Logo" src="x.png"></div>`;
    expect(observe().elements.map((e) => `${e.local_id[0]} ${e.type} ${e.role}`)).toEqual([
      'B click tab',
      'B click menuitemradio',
      'I fill searchbox',
      'I fill slider',
      'I select_dropdown_option listbox',
      'O click option',
      'I fill textbox',
      'M click clickable',
      'M click clickable',
      'F click image',
    ]);
  });

  it('lists a label-wrapped control once and text inside a button not at all', () => {
    document.body.innerHTML = `
      <label onclick="x()"><input type="checkbox"> Remember me</label>
      <button><span onclick="y()">Buy</span> now</button>`;
    const elements = observe().elements;
    expect(elements.map((e) => e.name)).toEqual(['Remember me', 'Buy now']);
  });

  it('keeps a clickable card around one link as the link only', () => {
    document.body.innerHTML = `<div onclick="open()"><a href="/a">Article</a></div>
      <div onclick="open()"><a href="/b">B</a><button>Save</button></div>`;
    expect(observe().elements.map((e) => e.role)).toEqual(['link', 'clickable', 'link', 'button']);
  });

  it('skips hidden, inert, aria-hidden and closed-details content', () => {
    document.body.innerHTML = `
      <button style="display:none">None</button>
      <div style="display:none"><button>Inside none</button></div>
      <button style="visibility:hidden">Invisible</button>
      <div inert><button>Inert</button></div>
      <div aria-hidden="true"><button>Aria hidden</button></div>
      <details><summary>More</summary><button>Folded</button></details>
      <details open><summary>Open</summary><button>Unfolded</button></details>`;
    expect(observe().elements.map((e) => e.name)).toEqual(['More', 'Open', 'Unfolded']);
  });

  it('reaches open shadow roots and counts slotted content once', () => {
    document.body.innerHTML = `<x-card><button>Slotted</button></x-card>`;
    const host = document.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = `<button>Inner</button><slot></slot>`;
    const elements = observe(true).elements;
    expect(elements.map((e) => e.name)).toEqual(['Inner', 'Slotted']);
    expect(elements[0]!.selector).toMatchObject({
      in_shadow_root: true,
      shadow_host_css_selectors: ['body > x-card'],
    });
    expect(elements[1]!.selector?.in_shadow_root).toBe(false);
  });
});

describe('names', () => {
  it('names a field by its placeholder and a button by its title, as Chromium does', () => {
    document.body.innerHTML = `<input placeholder="Search"><button title="Close"></button>`;
    expect(observe().elements.map((e) => e.name)).toEqual(['Search', 'Close']);
  });

  it('gives a generic clickable no name but its text as a hint', () => {
    document.body.innerHTML = `<div onclick="x()">Open <b>menu</b></div>`;
    expect(observe().elements.map((e) => [e.name, e.description])).toEqual([
      ['', 'clickable (hint="Open menu")'],
    ]);
  });

  it('lists a child with its own handler inside a clickable row, not inside a button', () => {
    document.body.innerHTML = `<div onclick="open()">Alice <span onclick="star()" title="Star"></span>
        <span onclick="trash()" class="fa fa-trash"></span></div>
      <button>Buy <span onclick="y()">now</span></button>`;
    expect(observe().elements.map((e) => e.description)).toEqual([
      'clickable (hint="Alice Star")',
      'clickable (hint="Star")',
      'clickable (hint="trash")',
      'button "Buy now"',
    ]);
  });
});

describe('stable ids', () => {
  it('keeps ids across observations and insertions elsewhere', () => {
    document.body.innerHTML = `<ul><li><button>A</button></li><li><button>B</button></li></ul>`;
    const first = observe().elements.map((e) => e.local_id);
    const row = document.createElement('li');
    row.innerHTML = '<button>New</button>';
    document.querySelector('ul')!.prepend(row);
    const second = observe().elements;
    expect(second.map((e) => [e.name, e.local_id])).toEqual([
      ['New', expect.not.stringMatching(new RegExp(`^(${first.join('|')})$`)) as string],
      ['A', first[0]],
      ['B', first[1]],
    ]);
  });

  it('never reuses a number after removal, and returns the old id to a re-render', () => {
    document.body.innerHTML = `<main><button>Keep</button><div id="list"><button>Row</button></div></main>`;
    const [keep, rowId] = observe().elements.map((e) => e.local_id);
    const list = document.getElementById('list')!;
    list.innerHTML = '<button>Row</button>';
    const again = observe().elements.map((e) => e.local_id);
    expect(again).toEqual([keep, rowId]);
    list.innerHTML = '<button>Other</button>';
    const other = observe().elements[1]!.local_id;
    expect(other).not.toBe(rowId);
    expect([keep, rowId, other].map((id) => id?.[0])).toEqual(['B', 'B', 'B']);
  });

  it('resolves ids to live elements only', () => {
    document.body.innerHTML = `<button>Gone soon</button>`;
    const id = observe().elements[0]!.local_id;
    const button = document.querySelector('button')!;
    expect(elementById(id)).toBe(button);
    button.remove();
    expect(elementById(id)).toBeUndefined();
  });
});

describe('selectors', () => {
  it('resolve to exactly the element, anchored on a unique id', () => {
    document.body.innerHTML = `<div id="f"><p><a href="#">x</a></p><p><a href="#">y</a></p></div>
      <div><span><button>b1</button><button>b2</button></span></div>`;
    for (const element of observe(true).elements) {
      const { css_selector, xpath_selector } = element.selector!;
      const byCss = document.querySelectorAll(css_selector);
      expect(byCss).toHaveLength(1);
      expect(byCss[0]!.textContent).toBe(element.name);
      expect(xpath_selector.startsWith('/html[1]/body[1]/')).toBe(true);
    }
    expect(observe(true).elements[0]!.selector?.css_selector).toBe('#f > p:nth-of-type(1) > a');
  });
});

describe('outline', () => {
  it('has headings, text and every element inline with its marked id', () => {
    document.body.innerHTML = `<h1>Flights</h1><p>Find a <b>cheap</b> flight.</p>
      <button>Search flights</button><iframe src="about:blank"></iframe>`;
    const { outline, elements, frames } = observe();
    const id = elements[0]!.local_id;
    expect(frames).toHaveLength(1);
    // The frame's document has not claimed a token (its content script would): no slot yet.
    expect(frames[0]!.token).toBeNull();
    expect(outline).toBe(
      `# Flights\nFind a cheap flight.\n${MARKS.id(id)} button "Search flights"`,
    );
    expect(frames[0]).toMatchObject({ css_selector: 'body > iframe' });
  });
});

describe('signals', () => {
  it('counts fields and spots consent banners', () => {
    document.body.innerHTML = `
      <form><input type="password" aria-label="pw"><input name="user" aria-label="u">
      <input autocomplete="cc-number" aria-label="card"></form>
      <div id="cookie-banner">We use cookies <button>Accept all</button></div>`;
    expect(observe().signals).toMatchObject({
      password_fields: 1,
      text_fields: 2,
      payment_fields: 1,
      cookie_banner: true,
      captcha: false,
    });
  });

  it('detects captchas and articles', () => {
    document.body.innerHTML = `<iframe src="https://www.google.com/recaptcha/api2/anchor?k=x"></iframe>
      <article>${'Long text. '.repeat(80)}</article>`;
    expect(observe().signals).toMatchObject({ captcha: true, article: true, feed_items: 1 });
  });
});
