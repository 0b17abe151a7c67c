import { describe, expect, it } from 'vitest';
import { toIsoDate } from './dates';

describe('toIsoDate', () => {
  it('keeps the page offset, so the day is the page’s day', () => {
    expect(toIsoDate('2016-05-03 16:26:13 -0400')).toBe('2016-05-03T16:26:13-04:00');
    expect(toIsoDate('2016-04-30T22:30:00-07:00')).toBe('2016-04-30T22:30:00-07:00');
    expect(toIsoDate('2024-05-01T10:00:00.123Z')).toBe('2024-05-01T10:00:00.123Z');
    expect(toIsoDate('Mon, Jan 7 2019 15:37:00 EST')).toBe('2019-01-07T15:37:00-05:00');
  });

  it('keeps a day as a day and a zoneless time without a zone', () => {
    expect(toIsoDate('2020-12-23')).toBe('2020-12-23');
    expect(toIsoDate('March 3, 2021')).toBe('2021-03-03');
    expect(toIsoDate('3rd May 2016')).toBe('2016-05-03');
    expect(toIsoDate('May 3, 2016, 2:58 p.m.')).toBe('2016-05-03T14:58:00');
    expect(toIsoDate('2020-12-18 14:00:00')).toBe('2020-12-18T14:00:00');
  });

  it('reads Unix times and refuses what is no date', () => {
    expect(toIsoDate('1462292773')).toBe('2016-05-03T16:26:13Z');
    for (const value of ['', null, 'yesterday', '2016-13-40', 'Updated', '12345']) {
      expect(toIsoDate(value)).toBeNull();
    }
  });
});
