// A tiny "framework": the controlled input's value lives in a model and is re-rendered on input,
// upper-casing nothing, so only a real input event through the value setter keeps the text.
const state = { controlled: '', count: 0, file: null, keys: [], submitted: null, colour: null };
const render = () => {
  document.getElementById('state').textContent = JSON.stringify({
    ...state,
    email: document.getElementById('email').value,
    news: document.getElementById('news').checked,
    plan: document.querySelector('input[name=plan]:checked')?.value,
    dark: document.querySelector('[role=switch]').getAttribute('aria-checked'),
    cabin: document.getElementById('cabin').value,
    editor: document.getElementById('editor').textContent,
    notes: document.getElementById('notes').value,
  });
  document.getElementById('controlled').value = state.controlled;
};
const controlled = document.getElementById('controlled');
let tracked = '';
// Like React's value tracker: the instance's value property records every value set through it,
// and an input event whose value equals the recorded one is ignored as "no change". A plain
// `input.value = x` followed by an input event is therefore lost; the prototype setter is not.
const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
Object.defineProperty(controlled, 'value', {
  configurable: true,
  get() {
    return native.get.call(this);
  },
  set(v) {
    tracked = String(v);
    native.set.call(this, v);
  },
});
controlled.addEventListener('input', () => {
  if (controlled.value !== tracked) {
    tracked = controlled.value;
    state.controlled = controlled.value;
  }
  render();
});
document.querySelector('[role=switch]').addEventListener('click', (e) => {
  const on = e.currentTarget.getAttribute('aria-checked') === 'true';
  e.currentTarget.setAttribute('aria-checked', String(!on));
  render();
});
const color = document.getElementById('color');
const colors = document.getElementById('colors');
color.addEventListener('click', () => {
  colors.hidden = false;
  color.setAttribute('aria-expanded', 'true');
});
colors.addEventListener('click', (e) => {
  const option = e.target.closest('[role=option]');
  if (option) {
    state.colour = option.textContent;
    color.textContent = option.textContent;
    colors.hidden = true;
    color.setAttribute('aria-expanded', 'false');
    render();
  }
});
document.getElementById('file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  state.file = file ? `${file.name}: ${await file.text()}` : null;
  render();
});
document.getElementById('counter').addEventListener('click', (e) => {
  state.count += 1;
  state.clickAt = [Math.round(e.clientX), Math.round(e.clientY), e.isTrusted];
  render();
});
document.getElementById('accept').addEventListener('click', () => {
  document.getElementById('modal').remove();
});
document.addEventListener('keydown', (e) => {
  state.keys.push(`${e.ctrlKey ? 'Control+' : ''}${e.key}:${e.keyCode}`);
  document.getElementById('keys').textContent = state.keys.join(' ');
});
for (const id of ['email', 'cabin', 'news', 'notes', 'editor']) {
  document.getElementById(id).addEventListener('change', render);
  document.getElementById(id).addEventListener('input', render);
}
document.querySelectorAll('input[name=plan]').forEach((r) => r.addEventListener('change', render));
render();
