// An HTML page to the text a reader sees: the browser's innerText rules (hast-util-to-text), with a
// line break between blocks so that the blocks stage sees the page's structure.
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

export function htmlToText(html: string): string {
  const tree = fromHtml(html);
  return toText(tree, { whitespace: 'normal' })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a text file is really an HTML page. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}
