import { describe, expect, it } from 'vitest';
import { articleFirst, firstString, jsonLdNodes, namesOf, typesOf } from './json-ld';

describe('JSON-LD walking', () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'The Courier' },
      { '@type': 'Person', '@id': '#ada', name: 'Ada Lovelace' },
      {
        '@type': 'WebPage',
        name: 'Page name',
        mainEntity: {
          '@type': ['NewsArticle', 'https://schema.org/Article'],
          headline: 'River plan delayed',
          author: [
            { '@id': '#ada' },
            { '@type': 'Person', givenName: 'Alan', familyName: 'Turing' },
          ],
        },
      },
    ],
  };

  it('finds the article in @graph, arrays and mainEntity, article nodes first', () => {
    const nodes = jsonLdNodes([graph, [{ '@type': 'BlogPosting', headline: 'Other' }]]);
    expect(nodes.map((node) => typesOf(node)[0])).toEqual([
      'WebSite',
      'Person',
      'WebPage',
      'NewsArticle',
      'BlogPosting',
    ]);
    const ordered = articleFirst(nodes);
    expect(firstString(ordered, 'headline')).toBe('River plan delayed');
    expect(ordered.some((node) => typesOf(node).includes('Person'))).toBe(false);
  });

  it('reads authors as strings, objects, @id references and lists', () => {
    const nodes = jsonLdNodes([graph]);
    const article = articleFirst(nodes)[0]!;
    expect(namesOf(article.author, nodes)).toEqual([
      { name: 'Ada Lovelace', kind: 'person' },
      { name: 'Alan Turing', kind: 'person' },
    ]);
    expect(namesOf('Jane Doe', nodes)).toEqual([{ name: 'Jane Doe', kind: 'unknown' }]);
    expect(namesOf({ '@type': 'NewsMediaOrganization', name: 'Courier' }, nodes)).toEqual([
      { name: 'Courier', kind: 'organization' },
    ]);
    expect(namesOf(42, nodes)).toEqual([]);
  });

  it('stops on deep or cyclic-looking input', () => {
    let deep: Record<string, unknown> = { '@type': 'Article', headline: 'deep' };
    for (let n = 0; n < 50; n += 1) {
      deep = { '@graph': [deep] };
    }
    expect(jsonLdNodes([deep])).toEqual([]);
  });
});
