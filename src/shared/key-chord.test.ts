import { describe, expect, it } from 'vitest';
import { parseKeyChord } from './key-chord';

describe('parseKeyChord', () => {
  it('parses named keys with their code and legacy key code', () => {
    expect(parseKeyChord('Enter')).toMatchObject({ key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(parseKeyChord('ArrowDown')).toMatchObject({ key: 'ArrowDown', keyCode: 40 });
    expect(parseKeyChord('F5')).toMatchObject({ key: 'F5', keyCode: 116, text: null });
  });

  it('accepts aliases and any case', () => {
    expect(parseKeyChord('esc').key).toBe('Escape');
    expect(parseKeyChord('return').key).toBe('Enter');
    expect(parseKeyChord('pagedown').key).toBe('PageDown');
    expect(parseKeyChord('arrowup').key).toBe('ArrowUp');
    expect(parseKeyChord('Space')).toMatchObject({ key: ' ', code: 'Space', text: ' ' });
  });

  it('parses chords with modifiers', () => {
    expect(parseKeyChord('Control+A')).toMatchObject({
      key: 'a',
      code: 'KeyA',
      keyCode: 65,
      ctrl: true,
      shift: false,
      text: null,
    });
    expect(parseKeyChord('Ctrl+Shift+k')).toMatchObject({ key: 'K', ctrl: true, shift: true });
    expect(parseKeyChord('Cmd+c')).toMatchObject({ meta: true, key: 'c' });
    expect(parseKeyChord('Shift+Tab')).toMatchObject({ key: 'Tab', shift: true, text: null });
  });

  it('types printable characters, upper case with Shift', () => {
    expect(parseKeyChord('a')).toMatchObject({ text: 'a', code: 'KeyA' });
    expect(parseKeyChord('Shift+a')).toMatchObject({ key: 'A', text: 'A' });
    expect(parseKeyChord('7')).toMatchObject({ code: 'Digit7', text: '7' });
  });

  it('handles the plus key itself', () => {
    expect(parseKeyChord('+')).toMatchObject({ key: '+', text: '+' });
    expect(parseKeyChord('Control++')).toMatchObject({ key: '+', ctrl: true });
    expect(parseKeyChord('Plus').key).toBe('+');
  });

  it('explains unknown keys and modifiers', () => {
    expect(() => parseKeyChord('Hyper+A')).toThrow(/unknown modifier "Hyper".*Control/);
    expect(() => parseKeyChord('Enterr')).toThrow(/unknown key "Enterr".*Enter, Tab/);
    expect(() => parseKeyChord('Control+')).toThrow(/unknown key/);
  });
});
