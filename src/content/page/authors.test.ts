import { describe, expect, it } from 'vitest';
import { cleanAuthor, joinAuthors, looksLikeName, splitNames } from './authors';

describe('author cleaning', () => {
  it('keeps names and drops bylines words, dates, URLs, handles and the publisher', () => {
    expect(cleanAuthor('By Jane Doe')).toBe('Jane Doe');
    expect(cleanAuthor('Written by Jane Doe |')).toBe('Jane Doe');
    expect(cleanAuthor('Jane Doe May 3, 2016, 2:58 p.m.')).toBe('Jane Doe');
    expect(cleanAuthor('Jane Doe • Updated 3 hours ago')).toBe('Jane Doe');
    expect(cleanAuthor('Byron Smith')).toBe('Byron Smith');
    for (const value of ['https://facebook.com/jane', '@jane', 'jane@courier.test', '03/05/2016']) {
      expect(cleanAuthor(value)).toBeNull();
    }
    expect(cleanAuthor('The Courier', ['the courier'])).toBeNull();
    expect(cleanAuthor('word '.repeat(30))).toBeNull();
  });

  it('joins several authors once each', () => {
    expect(
      joinAuthors(['By Ada Lovelace', 'Alan Turing', 'ada lovelace', 'Courier'], ['Courier']),
    ).toBe('Ada Lovelace, Alan Turing');
    expect(joinAuthors([null, ''])).toBeNull();
  });

  it('splits several people, and keeps a name with no role after it', () => {
    expect(cleanAuthor('Stella Kim and Jennifer Jett')).toBe('Stella Kim, Jennifer Jett');
    expect(cleanAuthor('By Ada Lovett & Ben Okri; Chen Wei')).toBe(
      'Ada Lovett, Ben Okri, Chen Wei',
    );
    // A job title or desk after the name is cut, not taken for a second author.
    expect(
      cleanAuthor(
        'Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project',
      ),
    ).toBe('Daniel Kahn Gillmor');
    expect(cleanAuthor('Jane Doe | Staff Writer')).toBe('Jane Doe');
    expect(cleanAuthor('Jane Doe, The Washington Post')).toBe('Jane Doe');
    // What is no list of people stays whole: a desk, or a surname and a given name.
    expect(cleanAuthor('Staff and wire reports')).toBe('Staff and wire reports');
    expect(cleanAuthor('Doe, Jane')).toBe('Doe, Jane');
    expect(cleanAuthor('Richard (R.J.) Eskow')).toBe('Richard (R.J.) Eskow');
    expect(splitNames('Ludwig van Beethoven and Ana de la Cruz')).toEqual([
      'Ludwig van Beethoven',
      'Ana de la Cruz',
    ]);
    expect(looksLikeName('Senior Editor')).toBe(false);
    expect(looksLikeName('Иван Петров')).toBe(true);
  });
});
