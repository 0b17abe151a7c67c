import type { PopupObservation } from '@shared/protocol/popup';
import { h } from './dom';

type AnyAction = PopupObservation['space']['actions'][number];

export interface ActionListEvents {
  /** The row under the pointer or the keyboard focus changed; null when none is. */
  onFocus(id: string | null): void;
  /** The row was chosen (click or Enter). */
  onChoose(id: string): void;
}

const idOf = (action: AnyAction): string | null =>
  'id' in action && typeof action.id === 'string' ? action.id : null;

/** Whether an action matches every word of the filter, against its id, type and description. */
export function matchesFilter(action: AnyAction, filter: string): boolean {
  const haystack = `${idOf(action) ?? ''} ${action.type} ${action.description}`.toLowerCase();
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** Actions grouped by category in order of first appearance, as `space.markdown` groups them. */
export function groupActions(actions: AnyAction[]): [string, AnyAction[]][] {
  const groups = new Map<string, AnyAction[]>();
  for (const action of actions) {
    groups.set(action.category, [...(groups.get(action.category) ?? []), action]);
  }
  return [...groups];
}

function row(action: AnyAction): HTMLElement {
  const id = idOf(action);
  const offscreen = 'in_viewport' in action && action.in_viewport === false;
  return h(
    'div',
    {
      role: 'option',
      class: `row${id ? '' : ' browser'}`,
      tabindex: -1,
      'data-id': id,
      'aria-selected': 'false',
      title: offscreen ? 'Outside the viewport' : null,
    },
    h('span', { class: 'id' }, id ?? '·'),
    h('span', { class: 'type', title: action.type }, action.type),
    h('span', { class: 'desc' }, action.description),
    offscreen ? h('span', { class: 'offscreen', 'aria-label': 'outside the viewport' }, '↓') : null,
  );
}

/** The action list: grouped rows, one roving tab stop, arrows and Enter to move and choose. */
export function createActionList(events: ActionListEvents) {
  const list = h('div', { role: 'listbox', class: 'actions', 'aria-label': 'Actions' });
  let rows: HTMLElement[] = [];

  const focusRow = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) {
      return;
    }
    for (const r of rows) {
      r.tabIndex = r === target ? 0 : -1;
      r.setAttribute('aria-selected', String(r === target));
    }
    target.focus();
  };

  list.addEventListener('keydown', (event) => {
    const index = rows.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const id = rows[index]?.dataset.id;
      if (id) {
        event.preventDefault();
        events.onChoose(id);
      }
    }
  });
  list.addEventListener('focusin', (event) => {
    events.onFocus((event.target as HTMLElement).dataset.id ?? null);
  });
  list.addEventListener('focusout', (event) => {
    if (!list.contains(event.relatedTarget as Node | null)) {
      events.onFocus(null);
    }
  });
  list.addEventListener('mouseover', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('.row');
    events.onFocus(target?.dataset.id ?? null);
  });
  list.addEventListener('mouseleave', () => events.onFocus(null));
  list.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('.row');
    if (target) {
      focusRow(rows.indexOf(target));
      if (target.dataset.id) {
        events.onChoose(target.dataset.id);
      }
    }
  });

  return {
    element: list,
    /** Renders the actions that match the filter; returns the ids of the listed elements. */
    render(actions: AnyAction[], filter: string): string[] {
      const shown = actions.filter((a) => matchesFilter(a, filter));
      const children: HTMLElement[] = [];
      rows = [];
      for (const [category, group] of groupActions(shown)) {
        const groupRows = group.map(row);
        rows.push(...groupRows);
        children.push(
          h(
            'div',
            { role: 'group', 'aria-label': category, class: 'group' },
            h(
              'div',
              { class: 'group-title', 'aria-hidden': 'true' },
              `${category} (${group.length})`,
            ),
            ...groupRows,
          ),
        );
      }
      if (children.length === 0) {
        children.push(
          h('p', { class: 'empty' }, filter ? `Nothing matches “${filter}”.` : 'No actions.'),
        );
      }
      list.replaceChildren(...children);
      if (rows[0]) {
        rows[0].tabIndex = 0;
      }
      return shown.flatMap((a) => idOf(a) ?? []);
    },
    focusFirst: () => focusRow(0),
  };
}
