import { describe, expect, it } from 'vitest';
import { extractStructured } from './structured';

function structuredOf(head: string, body = '', lang = 'en') {
  document.documentElement.setAttribute('lang', lang);
  document.head.innerHTML = head;
  document.body.innerHTML = body;
  return extractStructured(document);
}

describe('structured data', () => {
  it('reads JSON-LD, OpenGraph, Twitter and standard meta', () => {
    const result = structuredOf(`
      <title>Doc title</title>
      <meta name="description" content="A page">
      <meta name="keywords" content="a, b">
      <meta name="theme-color" content="#fff">
      <meta property="og:title" content="OG title"><meta property="og:site_name" content="Site">
      <meta property="og:image" content="/1.jpg"><meta property="og:image" content="/2.jpg">
      <meta name="twitter:card" content="summary">
      <meta property="article:published_time" content="2024-05-01T10:00:00Z">
      <link rel="canonical" href="/canonical">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"Ada"}}</script>`);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      title: 'OG title',
      description: 'A page',
      author: 'Ada',
      published_time: '2024-05-01T10:00:00Z',
      canonical: new URL('/canonical', document.baseURI).href,
      lang: 'en',
      site_name: 'Site',
      open_graph: { title: 'OG title', site_name: 'Site', image: ['/1.jpg', '/2.jpg'] },
      twitter: { card: 'summary' },
      json_ld: [{ '@type': 'NewsArticle', headline: 'H', author: { name: 'Ada' } }],
      meta: { description: 'A page', keywords: 'a, b', 'theme-color': '#fff' },
    });
  });

  it('reports a malformed JSON-LD block by number and keeps the rest', () => {
    const result = structuredOf(`
      <script type="application/ld+json">{"@type":"Organization","name":"Org"}</script>
      <script type="application/ld+json">{"@type": oops}</script>`);
    expect(result.success).toBe(false);
    expect(result.error).toMatch(/JSON-LD block 2 of 2 is malformed/);
    expect(result.data).toMatchObject({ json_ld: [{ name: 'Org' }], site_name: 'Org' });
  });

  it('falls back to <time datetime> and reads microdata items', () => {
    const result = structuredOf(
      '<title> Plain </title>',
      `<article><time datetime="2023-01-02">Jan 2</time></article>
       <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lamp</span>
         <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="9.99"></div>
       </div>`,
    );
    expect(result.data).toMatchObject({
      title: 'Plain',
      description: null,
      author: null,
      published_time: '2023-01-02',
      microdata: [
        {
          type: 'https://schema.org/Product',
          properties: {
            name: ['Lamp'],
            offers: [{ type: 'https://schema.org/Offer', properties: { price: ['9.99'] } }],
          },
        },
      ],
    });
  });

  it('prefers og:description, cleans bylines and undoes double escaping', () => {
    const result = structuredOf(
      `<meta name="description" content="SEO line">
       <meta property="og:description" content="Say &amp;quot;hi&amp;quot;">
       <meta name="author" content="By Jane Doe">
       <meta property="article:modified_time" content="2024-06-01">
       <meta property="x:title og:title" content="Shared title">`,
    );
    expect(result.data).toMatchObject({
      title: 'Shared title',
      description: 'Say "hi"',
      author: 'Jane Doe',
      modified_time: '2024-06-01',
    });
  });

  it('takes title, author and date from the page when no meta has them', () => {
    const result = structuredOf(
      '<meta name="author" content="https://facebook.com/jane">',
      `<h1>Only heading</h1><p class="byline">ByJohn Smith -</p><time>March 3, 2021</time>`,
    );
    expect(result.data).toMatchObject({
      title: 'Only heading',
      author: 'John Smith',
      published_time: '2021-03-03',
    });
  });

  it('uses the main-content excerpt only when the page has no description', () => {
    document.head.innerHTML = '<meta name="parsely-title" content="Parsely title">';
    document.body.innerHTML = '';
    expect(extractStructured(document, { excerpt: 'First paragraph.' }).data).toMatchObject({
      title: 'Parsely title',
      description: 'First paragraph.',
    });
  });

  it('reads JSON-LD wrapped in a bare CDATA section, and microdata authors of the article', () => {
    const result = structuredOf(
      `<script type="application/ld+json"><![CDATA[
        {"@type":"BlogPosting","headline":"Gauge fixed","datePublished":"2024-05-02"}
      ]]></script>`,
      `<article itemscope itemtype="https://schema.org/BlogPosting"><h1>Gauge fixed</h1>
        <aside><span itemprop="author" itemscope itemtype="https://schema.org/Person">
        <span itemprop="name">Mara Quinn</span></span></aside></article>`,
    );
    expect(result.success).toBe(true);
    const data = result.data as Record<string, unknown>;
    expect(data.published_time).toBe('2024-05-02');
    expect(data.author).toBe('Mara Quinn');
  });
});
