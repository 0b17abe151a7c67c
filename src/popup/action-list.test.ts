import { describe, expect, it, vi } from 'vitest';
import { BROWSER_ACTIONS } from '@shared/browser-actions';
import { INTERACTION_CATEGORY, type InteractionActionOut } from '@shared/schema/observation';
import { createActionList, groupActions, matchesFilter } from './action-list';

const button: InteractionActionOut = {
  type: 'click',
  category: INTERACTION_CATEGORY,
  description: 'button "Find trips"',
  id: 'B1',
};
const city: InteractionActionOut = {
  type: 'fill',
  category: INTERACTION_CATEGORY,
  description: 'textbox "City"',
  id: 'I1',
  value: '<sample_value>',
  clear_before_fill: true,
};
const actions = [button, city, ...BROWSER_ACTIONS];

describe('the action list', () => {
  it('matches every word of the filter against id, type and description', () => {
    expect(matchesFilter(button, 'b1')).toBe(true);
    expect(matchesFilter(button, 'click trips')).toBe(true);
    expect(matchesFilter(button, 'fill trips')).toBe(false);
  });

  it('groups by category in order of first appearance, as space.markdown does', () => {
    expect(groupActions(actions).map(([category, group]) => [category, group.length])).toEqual([
      ['Interaction Actions', 2],
      ['Special Browser Actions', BROWSER_ACTIONS.length],
    ]);
  });

  it('renders rows, returns the listed ids, and moves with the arrow keys', () => {
    const onFocus = vi.fn();
    const onChoose = vi.fn();
    const list = createActionList({ onFocus, onChoose });
    document.body.append(list.element);
    expect(list.render(actions, '')).toEqual(['B1', 'I1']);
    expect(list.render(actions, 'city')).toEqual(['I1']);
    expect(list.render(actions, '')).toEqual(['B1', 'I1']);
    list.focusFirst();
    expect(onFocus).toHaveBeenLastCalledWith('B1');
    list.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(onFocus).toHaveBeenLastCalledWith('I1');
    list.element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onChoose).toHaveBeenCalledWith('I1');
    list.element.remove();
  });
});
