import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from './html.ts';

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
