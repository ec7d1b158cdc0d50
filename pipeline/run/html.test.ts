import { describe, expect, it } from 'vitest';
import { cutSiteSuffix, htmlToText, looksLikeHtml, readHtmlPage } from './html.ts';
import { StageRunner } from './process.ts';
import type { InputDocument } from './read.ts';
import { validateRecord } from '../core/record.ts';
import { blocksStage } from '../../stages/blocks/index.ts';
import { chromeStage } from '../../stages/chrome/index.ts';
import { datesStage } from '../../stages/dates/index.ts';

describe('HTML pages', () => {
  it('gives the visible text, a line break between blocks, nothing from scripts or styles', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{}</style></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <h1>Headline here</h1><p>First   paragraph <b>bold</b>.</p><p>Second.</p>
      <script>var x = 1;</script></body></html>`;
    expect(htmlToText(html)).toBe('Home World\nHeadline here\n\nFirst paragraph bold.\n\nSecond.');
  });

  it('recognises a page saved under another extension', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('Plain text with <b> in it')).toBe(false);
  });
});

describe("an HTML page's own metadata", () => {
  it('reads og:title, the publication time, the site name and the author', () => {
    const html = `<!doctype html><html><head><title>Ministers meet in Beijing | Example News</title>
      <meta property="og:title" content="Ministers meet in Beijing | Example News">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2026-01-27T08:00:00Z">
      <meta name="author" content="John Smith"></head>
      <body><h1>Ministers meet in Beijing</h1><p>Text.</p></body></html>`;
    expect(readHtmlPage(html).page).toEqual({ title: 'Ministers meet in Beijing', h1: 'Ministers meet in Beijing', published: '2026-01-27T08:00:00Z', siteName: 'Example News', byline: 'John Smith' });
  });

  it('falls back on JSON-LD, <time datetime>, <title> without its site suffix, and <h1>', () => {
    const ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', datePublished: '2026-01-27', author: [{ name: 'Anna Nowak' }] }] });
    const html = `<html><head><title>Apteki w Czechach przyjmują polskie recepty - Wiadomości - example.pl</title>
      <script type="application/ld+json">${ld}</script></head><body><p>Text.</p></body></html>`;
    const page = readHtmlPage(html, 'https://www.example.pl/a/1').page;
    expect(page).toMatchObject({ published: '2026-01-27', byline: 'Anna Nowak', siteName: null });
    expect(page.title).toBe('Apteki w Czechach przyjmują polskie recepty'); // the section goes with the site
    expect(readHtmlPage('<html><body><h1>Only a heading</h1><time datetime="2026-02-03">3 Feb</time></body></html>').page).toMatchObject({ title: 'Only a heading', published: '2026-02-03' });
  });

  it("cuts the site's name after a headline, and only that", () => {
    expect(cutSiteSuffix('Major WeWork layoffs to begin today | The Real Deal', null, null)).toBe('Major WeWork layoffs to begin today');
    expect(cutSiteSuffix('Home Depot stock falls - Barron’s', 'Barron’s', null)).toBe('Home Depot stock falls');
    expect(cutSiteSuffix('Violetta Villas - "Ja już taka jestem"', null, 'www.example.pl')).toBe('Violetta Villas - "Ja już taka jestem"');
  });

  it('says nothing when the page has no metadata, and survives broken JSON-LD', () => {
    const html = '<html><head><script type="application/ld+json">{broken</script></head><body><p>Text.</p></body></html>';
    expect(readHtmlPage(html).page).toEqual({ title: null, h1: null, published: null, siteName: null, byline: null });
  });
});

describe('the record of an HTML page', () => {
  it('takes its header from the metadata and says so, in the record and in the stage lines', () => {
    const html = `<!doctype html><html><head><meta property="og:title" content="Ministers meet in Beijing | Example News">
      <meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2026-02-03T08:00:00Z">
      <meta name="author" content="John Smith"></head><body><nav>Home</nav><h1>Ministers meet in Beijing</h1>
      <p>Defence ministers met in Beijing on Tuesday and agreed to meet again on Friday, officials said after the talks ended.</p></body></html>`;
    const doc: InputDocument = { id: 'p', source: { path: 'p.html', url: 'https://example.com/a' }, text: null, html, date: null, langHint: null, error: null };
    const { record, stageLines } = new StageRunner([blocksStage, chromeStage, datesStage]).process(doc, { referenceDate: null });
    expect(record).toMatchObject({ title: 'Ministers meet in Beijing', titleSource: 'metadata', published: '2026-02-03', publishedSource: 'metadata', publisher: 'Example News', byline: 'John Smith' });
    expect(record.text).not.toContain('Ministers meet in Beijing');
    expect(validateRecord(record)).toEqual([]);
    expect(JSON.parse(stageLines[1] as string)).toMatchObject({ titleSource: 'metadata', byline: 'John Smith' });
    expect(JSON.parse(stageLines[2] as string)).toMatchObject({ published: '2026-02-03', publishedSource: 'metadata' });
  });
});
