import { describe, expect, it } from 'vitest';
import { articleFirst, firstString, jsonLdNodes, mainAuthors, namesOf, typesOf } from './json-ld';

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

describe("the main article's authors", () => {
  const names = (items: unknown[]) => {
    const nodes = jsonLdNodes(items);
    return mainAuthors(articleFirst(nodes), nodes).map((n) => n.name);
  };

  it('takes author, else creator, of the main article only', () => {
    expect(
      names([
        {
          '@type': 'NewsArticle',
          headline: 'Main story',
          editor: { '@type': 'Person', name: 'Edna Editor' },
          publisher: { '@type': 'Organization', name: 'The Courier' },
          creator: ['Ada Lovett'],
        },
        { '@type': 'Review', author: { '@type': 'Person', name: 'Rev Reviewer' } },
        { '@type': 'NewsArticle', headline: 'Another story', author: 'Sid Sidebar' },
      ]),
    ).toEqual(['Ada Lovett']);
    // The same story stated twice (AMP and canonical nodes): the second may carry the authors.
    expect(
      names([
        { '@type': 'NewsArticle', headline: 'Main story' },
        { '@type': 'Article', headline: 'Main story', author: { name: 'Ben Okafor' } },
      ]),
    ).toEqual(['Ben Okafor']);
    // With no article, the page's main work (a video) names them.
    expect(
      names([
        { '@type': 'VideoObject', name: 'A film', author: { '@type': 'Person', name: 'Vi Deo' } },
      ]),
    ).toEqual(['Vi Deo']);
    expect(names([{ '@type': 'Person', name: 'Nobody' }])).toEqual([]);
  });
});
