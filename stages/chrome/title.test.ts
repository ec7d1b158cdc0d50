import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assembleText, createDocumentFile, parseDocument, type PageMetadata, type Root } from '../../pipeline/core/document.ts';
import { removalsOf } from '../../pipeline/core/decisions.ts';
import blocks from '../blocks/index.ts';
import language from './test/language.ts';
import chrome from './index.ts';
import { contentWords, slugWords } from './title.ts';

const story = [
  'Defence ministers of China and Russia met in Beijing on Tuesday and agreed to hold more joint exercises, officials of both ministries said.',
  'The ministers also discussed arms sales and the situation on the Korean peninsula, according to a statement published after the talks.',
  'The next meeting of the two ministers is planned for the autumn, when they are expected to sign a wider agreement on military cooperation.',
];
const menu = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Contact'];

function run(text: string, meta: { url?: string | null; page?: PageMetadata } = {}) {
  const file = createDocumentFile(text, { source: { path: 'test.txt', url: meta.url ?? null }, ...(meta.page ? { page: meta.page } : {}) });
  const tree = parseDocument(text);
  unified().use(blocks).use(language).use(chrome).runSync(tree as never, file);
  return { file, text: assembleText(tree as Root).text, removed: removalsOf(file) };
}

describe('title', () => {
  it('keeps the headline of a one-paragraph article among page chrome', () => {
    const { file, removed } = run([...menu, 'Ministers meet in Beijing', story[0], 'Share this article', ...menu].join('\n\n'));
    expect(file.data.title).toBe('Ministers meet in Beijing');
    expect(file.data.titleSource).toBe('text');
    expect(removed).toContainEqual({ text: 'Ministers meet in Beijing', reason: 'title', stage: 'chrome' });
  });

  it('takes the headline above a byline and a date, not the byline', () => {
    const { file } = run([...menu, 'China and Russia agree on more joint exercises', 'By John Smith', '27 January 2026, 10:15', ...story].join('\n\n'));
    expect(file.data.title).toBe('China and Russia agree on more joint exercises');
  });

  it('never takes a share bar, a breadcrumb or a menu line for the headline', () => {
    const { file } = run([...menu, 'Home > World > Asia', 'Share on Facebook', ...story].join('\n\n'));
    expect(file.data.title).toBeNull();
  });

  it("prefers the story's own headline to a related story's that stands nearer", () => {
    const page = [...menu, 'China and Russia defence ministers agree on joint exercises in Beijing', 'Related', 'Floods hit southern England after heavy rain', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('China and Russia defence ministers agree on joint exercises in Beijing');
  });

  it('has no headline when the story opens with its first paragraph', () => {
    expect(run(story.join('\n\n')).file.data.title).toBeNull();
  });

  it('takes the headline above its standfirst, though the standfirst retells the first paragraph', () => {
    const page = [...menu, 'China and Russia defence ministers plan joint drills', 'Defence ministers of China and Russia agreed to hold more joint exercises', 'By John Smith', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('China and Russia defence ministers plan joint drills');
  });

  it('takes the headline below a kicker naming the section', () => {
    const page = [...menu, 'Joint exercises', 'Russia and China Plan Joint Drills Near Beijing', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('Russia and China Plan Joint Drills Near Beijing');
  });

  it('takes the headline, not a breadcrumb that ends in it', () => {
    const page = [...menu, 'NewsWorldAsiaChina and Russia agree on more joint exercises', '27 January 2026', 'Share on Facebook', 'China and Russia agree on more joint exercises', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('China and Russia agree on more joint exercises');
  });

  it('never takes a byline with its source for the headline', () => {
    const page = [...menu, 'Ministers agree on joint exercises in Beijing', 'John Smith | The Daily Planet', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('Ministers agree on joint exercises in Beijing');
  });

  it('keeps a headline that holds an abbreviation with full stops', () => {
    const page = [...menu, 'U.S.A. and China: ministers agree on joint exercises', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('U.S.A. and China: ministers agree on joint exercises');
  });

  it('takes the headline signed with a date over the items of a news feed above it', () => {
    const feed = ['20:42', 'Floods in the south', '19:03', 'Defence ministers of China and Russia met in Beijing', '18:10', 'Storm warning for the coast'];
    const page = [...menu, ...feed, 'China and Russia defence ministers plan joint drills', 'Tuesday, 27 January 2026 10:15', ...story];
    expect(run(page.join('\n\n')).file.data.title).toBe('China and Russia defence ministers plan joint drills');
  });

  it("takes the page's metadata title and removes its copy from the body", () => {
    const page: PageMetadata = { title: 'Ministers meet in Beijing', h1: 'Ministers meet in Beijing', published: null, siteName: 'Example News', byline: 'John Smith' };
    const { file, text, removed } = run([...menu, 'Ministers meet in Beijing', ...story].join('\n\n'), { page });
    expect([file.data.title, file.data.titleSource]).toEqual(['Ministers meet in Beijing', 'metadata']);
    expect(text).not.toContain('Ministers meet in Beijing');
    expect(removed).toContainEqual({ text: 'Ministers meet in Beijing', reason: 'title', stage: 'chrome' });
    expect(file.data.publisher).toBe('Example News');
    expect(file.data.byline).toBe('John Smith');
  });

  it("gives the site's own domain standing alone on the page as the publisher", () => {
    const { file, removed } = run(['www.bankingnews.gr', ...menu, ...story].join('\n\n'), { url: 'https://www.bankingnews.gr/oikonomia/12345' });
    expect(file.data.publisher).toBe('www.bankingnews.gr');
    expect(removed.find((r) => r.text === 'www.bankingnews.gr')?.reason).toBe('site-name');
  });
});

describe('title signals', () => {
  it('compares words by their first letters, without stopwords or accents', () => {
    expect(contentWords('Ο υπουργός της Παιδείας', new Set(['ο', 'τησ']))).toEqual(['υπουρ', 'παιδε']);
    expect(contentWords('建校30周年', new Set())).toEqual(['建', '校', '周', '年']);
  });

  it("reads the words of a URL's path, not of a numeric one", () => {
    expect([...slugWords('https://example.com/2019/11/18/thousands-of-wework-employees-laid-off/', new Set(['of']))]).toEqual(['thous', 'wewor', 'emplo', 'laid', 'off']);
    expect(slugWords('https://example.com/news/12345', new Set()).size).toBe(0);
  });
});
