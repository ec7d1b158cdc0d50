// The language stage's answers as chrome's tests need them, without its models: a test of one
// stage loads no other stage's models (Lingua's take a gigabyte and seconds to load). The
// document's language from its function words, as `removeChrome` guesses it; each block's from its
// own function words, else from a script that one language owns, else the document's.
import type { Plugin } from 'unified';
import type { Root } from '../../../pipeline/core/document.ts';
import { stopwordLanguage } from '../../../pipeline/core/stopwords.ts';
import { scriptOf } from '../../../pipeline/core/text.ts';

const OWNED: Record<string, string> = { Greek: 'ell', Hangul: 'kor', Hebrew: 'heb', Thai: 'tha', Armenian: 'hye', Georgian: 'kat', Hiragana: 'jpn', Katakana: 'jpn' };

/** The language of the script most of the text's letters are in, when one language owns it. */
function scriptLanguage(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0) as number);
    if (script !== 'Common' && script !== 'Other') counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top ? (OWNED[top[0]] ?? null) : null;
}

const language: Plugin<[], Root> = () => (tree, file) => {
  const lang = stopwordLanguage(tree.children.map((b) => b.value).join('\n'));
  file.data.lang = lang;
  for (const block of tree.children) {
    const own = stopwordLanguage(block.value, 300, 2);
    block.data = { ...block.data, lang: own !== 'und' ? own : (scriptLanguage(block.value) ?? lang) };
  }
};

export default language;
