// An HTML page to the text a reader sees: the browser's innerText rules (hast-util-to-text), with a
// line break between blocks so that the blocks stage sees the page's structure. The page's own
// metadata (its headline, date, site name and author, from the meta tags, JSON-LD, <title>, <h1>
// and <time>) is read from the same parse.
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { PageMetadata } from '../core/document.ts';

// The page's tree, its nodes and elements, as hast-util-from-html gives them.
type Root = ReturnType<typeof fromHtml>;
type Nodes = Root | Root['children'][number];
type Element = Extract<Nodes, { type: 'element' }>;

export function htmlToText(html: string): string {
  return readHtmlPage(html).text;
}

/** The visible text of a page and what its metadata says about its header. */
export function readHtmlPage(html: string, url: string | null = null): { text: string; page: PageMetadata } {
  const tree = fromHtml(html);
  const text = toText(tree, { whitespace: 'normal' })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, page: pageMetadata(tree, url) };
}

/** Whether a text file is really an HTML page. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}

interface Found {
  meta: Map<string, string>;
  title: string | null;
  h1: string | null;
  time: string | null;
  jsonLd: string[];
}

/** One walk over the page: meta tags by name or property, the first <title>, <h1> and <time datetime>, the JSON-LD scripts. */
function collect(tree: Root): Found {
  const found: Found = { meta: new Map(), title: null, h1: null, time: null, jsonLd: [] };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'element') visitElement(node, found);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return found;
}

function visitElement(el: Element, found: Found): void {
  const p = el.properties;
  if (el.tagName === 'meta') {
    const key = String(p.property ?? p.name ?? p.itemProp ?? '').toLowerCase();
    const content = p.content;
    if (key && typeof content === 'string' && content.trim() && !found.meta.has(key)) found.meta.set(key, clean(content));
  } else if (el.tagName === 'title' && found.title === null) found.title = clean(toText(el));
  else if (el.tagName === 'h1' && found.h1 === null) found.h1 = clean(toText(el)) || null;
  else if (el.tagName === 'time' && found.time === null && typeof p.dateTime === 'string') found.time = p.dateTime.trim();
  else if (el.tagName === 'script' && String(p.type ?? '').toLowerCase() === 'application/ld+json') found.jsonLd.push(toText(el));
}

function clean(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The first value of `key` in any JSON-LD object of the page (objects, arrays and @graph searched in order). */
function jsonLdValue(scripts: string[], key: string): unknown {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue; // a page's broken JSON-LD says nothing
    }
    const queue: unknown[] = [data];
    for (let n = 0; n < queue.length && n < 200; n++) {
      const item = queue[n];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (o[key] !== undefined) return o[key];
        if (o['@graph']) queue.push(o['@graph']);
      }
    }
  }
  return undefined;
}

/** An author as JSON-LD gives it: a name, an object with a name, or a list of those. */
function authorName(value: unknown): string | null {
  if (typeof value === 'string') return clean(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return clean((value as { name: string }).name) || null;
  return null;
}

// A site's name after the headline: "Headline | Site", "Headline - Site", "Headline — Site".
const SUFFIX = /\s+(?:[|•·»]|::|[-–—])\s+([^|•·»]{1,60})$/u;

/**
 * A headline without the site's name after it. The part after the last separator goes when it is
 * the site's name (or its domain), or, after a bar, when it is short and the headline long.
 */
export function cutSiteSuffix(title: string, siteName: string | null, host: string | null): string {
  const m = SUFFIX.exec(title);
  if (!m) return title;
  const suffix = (m[1] as string).trim().toLowerCase();
  const rest = title.slice(0, m.index).trim();
  const site = siteName?.toLowerCase() ?? null;
  const hostName = host?.replace(/^www\./, '').toLowerCase() ?? null;
  const named = (site !== null && (suffix === site || suffix.includes(site) || site.includes(suffix))) || (hostName !== null && (hostName.startsWith(suffix.replace(/\s+/g, '')) || suffix.includes(hostName)));
  const barred = /\|/.test(title.slice(m.index)) && suffix.split(/\s+/).length <= 4 && rest.split(/\s+/).length >= 3;
  return (named || barred) && rest.length > 0 ? rest : title;
}

/** The header a page's own metadata gives, in order of trust; null fields where it says nothing. */
function pageMetadata(tree: Root, url: string | null = null): PageMetadata {
  const f = collect(tree);
  const meta = (...keys: string[]) => keys.map((k) => f.meta.get(k)).find((v) => v !== undefined) ?? null;
  const siteName = meta('og:site_name', 'application-name');
  let host: string | null = null;
  try {
    host = url ? new URL(url).hostname : null;
  } catch {
    host = null;
  }
  const social = meta('og:title', 'twitter:title');
  const ld = jsonLdValue(f.jsonLd, 'headline');
  const rawTitle = social ?? (typeof ld === 'string' ? clean(ld) : null) ?? f.title ?? f.h1;
  const title = rawTitle ? cutSiteSuffix(rawTitle, siteName, host) || null : null;
  const ldDate = jsonLdValue(f.jsonLd, 'datePublished');
  const published = meta('article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date') ?? (typeof ldDate === 'string' ? ldDate.trim() : null) ?? f.time;
  const byline = meta('author', 'article:author', 'byl', 'dc.creator') ?? authorName(jsonLdValue(f.jsonLd, 'author'));
  return { title, h1: f.h1, published, siteName, byline: byline && !/^https?:\/\//.test(byline) ? byline : null };
}
