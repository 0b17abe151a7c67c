import { h } from './dom';

/** WAI-ARIA tabs: one tab stop, arrows move between tabs, each tab shows its panel. */
export function createTabs<T extends string>(names: readonly T[], initial: T) {
  const tabs = new Map<T, HTMLButtonElement>();
  const panels = new Map<T, HTMLElement>();
  const bar = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Views' });

  const select = (name: T, focus = false) => {
    for (const [n, tab] of tabs) {
      const on = n === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels.get(n)!.hidden = !on;
    }
    if (focus) {
      tabs.get(name)?.focus();
    }
  };

  for (const name of names) {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${name.toLowerCase()}`,
        'aria-controls': `panel-${name.toLowerCase()}`,
      },
      name,
    );
    tab.addEventListener('click', () => select(name));
    tabs.set(name, tab);
    panels.set(
      name,
      h('div', {
        role: 'tabpanel',
        id: `panel-${name.toLowerCase()}`,
        'aria-labelledby': `tab-${name.toLowerCase()}`,
        class: 'panel',
      }),
    );
    bar.append(tab);
  }
  bar.addEventListener('keydown', (event) => {
    const index = names.findIndex((n) => tabs.get(n) === document.activeElement);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (index >= 0 && step) {
      event.preventDefault();
      select(names[(index + step + names.length) % names.length]!, true);
    }
  });
  select(initial);

  return {
    bar,
    panel: (name: T) => panels.get(name)!,
    select,
  };
}
