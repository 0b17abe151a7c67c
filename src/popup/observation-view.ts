import type { PopupObservation } from '@shared/protocol/popup';
import { createActionList } from './action-list';
import { copyButton } from './copy-button';
import { h } from './dom';
import type { Highlighter } from './highlighter';
import { callWorker } from './rpc';

export interface ObservationViewOptions {
  tabId: number;
  highlighter: Highlighter;
  scope: 'viewport' | 'page';
  onScope(scope: 'viewport' | 'page'): void;
  /** Whether "show all ids" is on; kept by the caller so a new observation keeps it. */
  showAll: boolean;
  onShowAll(on: boolean): void;
}

/** The Actions panel: filter, scope, "show all ids", copy, and the grouped action list. */
export function actionsView(observation: PopupObservation, options: ObservationViewOptions) {
  const { tabId, highlighter } = options;
  const filter = h('input', {
    type: 'search',
    class: 'filter',
    placeholder: 'Filter (press /)',
    'aria-label': 'Filter actions',
    'aria-keyshortcuts': '/',
  });
  const showAll = h('input', { type: 'checkbox', id: 'show-all', checked: options.showAll });
  const scope = h(
    'select',
    {
      'aria-label': 'Scope',
      title: 'List the elements in view (as agents see by default) or on the whole page',
    },
    h('option', { value: 'viewport', selected: options.scope === 'viewport' }, 'In view'),
    h('option', { value: 'page', selected: options.scope === 'page' }, 'Page'),
  );
  const list = createActionList({
    onFocus: (id) => highlighter.set(id),
    onChoose: (id) => highlighter.set(id, true),
  });
  let listed: string[] = [];

  const syncShowAll = () => {
    void callWorker('popup.showAllIds', {
      tab_id: tabId,
      on: showAll.checked,
      ids: showAll.checked ? listed : [],
    }).catch(() => undefined);
  };
  const render = () => {
    listed = list.render(observation.space.actions, filter.value.trim());
    if (showAll.checked) {
      syncShowAll();
    }
  };

  filter.addEventListener('input', render);
  filter.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.focusFirst();
    }
  });
  showAll.addEventListener('change', () => {
    options.onShowAll(showAll.checked);
    syncShowAll();
  });
  scope.addEventListener('change', () => options.onScope(scope.value as 'viewport' | 'page'));
  render();

  const element = h(
    'div',
    { class: 'view' },
    h(
      'div',
      { class: 'toolbar' },
      filter,
      scope,
      h(
        'label',
        { class: 'toggle', for: 'show-all', title: 'Label every listed element in the page' },
        showAll,
        'Show all ids',
      ),
      copyButton('Copy', () => observation.space.markdown),
    ),
    list.element,
  );
  return { element, focusFilter: () => filter.focus() };
}
