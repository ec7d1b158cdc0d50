import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assembleText, createDocumentFile, parseDocument, type Root } from '../../pipeline/core/document.ts';
import { removalsOf } from '../../pipeline/core/decisions.ts';
import blocks from '../blocks/index.ts';
import language from './test/language.ts';
import chrome, { chromeStage, stripChromeFromText, type ChromeOptions } from './index.ts';

const story = [
  'The council approved the new budget on Tuesday after a long debate about schools, roads and the cost of public transport in the city.',
  'Members of the opposition said that the plan would raise taxes for families, while the mayor argued that it was the only way to repair the bridges.',
  'The vote was close, and several members said they would ask for changes when the budget comes back to the council in the spring.',
];

/** Runs blocks, language and chrome on a text, as the pipeline does. */
function run(text: string, options: ChromeOptions = {}, url: string | null = null) {
  const file = createDocumentFile(text, { source: { path: 'test.txt', url } });
  const tree = parseDocument(text);
  unified().use(blocks).use(language).use(chrome, options).runSync(tree as never, file);
  const { text: body } = assembleText(tree as Root);
  return { tree: tree as Root, file, text: body, removed: removalsOf(file) };
}

const nonSpace = (s: string) => [...s.replace(/\s+/gu, '')].sort().join('');

describe('chrome', () => {
  it('removes an image token glued to a sentence', () => {
    const { text, removed } = run(`${story[0]}\n\n${story[1]} It is the only legitimate framework.3_621.JPG\n\n${story[2]}`);
    expect(text).toContain('the only legitimate framework.');
    expect(text).not.toContain('3_621.JPG');
    expect(removed).toContainEqual({ text: '3_621.JPG', reason: 'image-token', stage: 'chrome' });
  });

  it('removes image file names on their own line', () => {
    const { text, removed } = run(`${story[0]}\nphoto_12.jpeg\n\n${story[1]}\n\n${story[2]}`);
    expect(text).not.toContain('photo_12.jpeg');
    expect(removed.map((r) => r.reason)).toContain('image-token');
  });

  it('removes a wire tail and glued metadata, keeping the date for the dates stage', () => {
    const { text, removed, file } = run(` date 2026-01-27 Beijing, Jan 27 (PTI) ${story[0]}\n\n${story[1]}\n\n${story[2]} PTI KJV ZH ZH`);
    expect(text.startsWith('Beijing, Jan 27 (PTI) The council')).toBe(true);
    expect(text.endsWith('in the spring.')).toBe(true);
    expect(file.data.metadata).toEqual({ date: '2026-01-27' });
    expect(file.data.dateline).toEqual({ text: 'Beijing, Jan 27 (PTI)', place: 'Beijing', agency: 'PTI' });
    expect(removed.map((r) => r.reason).sort()).toEqual(['glued-metadata', 'wire-tail']);
  });

  it('moves a publisher prefix out of the body into `publisher`, with a removal', () => {
    const { text, file, removed } = run(`NextFin News - ${story[0]}\n\n${story[1]}\n\n${story[2]}`);
    expect(file.data.publisher).toBe('NextFin News');
    expect(text.startsWith(story[0] as string)).toBe(true);
    expect(removed).toContainEqual(expect.objectContaining({ text: 'NextFin News -', reason: 'publisher' }));
  });

  it('removes navigation, promo and site names under their own rules', () => {
    const { text, removed } = run(
      ['Home', 'No time to read?', 'Get a summary', ...story, 'www.example-news.com', 'Previous Article', 'Markets rally as oil prices fall sharply', 'Explore more exclusive insights at example.ai.'].join('\n\n'),
    );
    expect(text).toBe(story.join('\n\n'));
    const reasons = Object.fromEntries(removed.map((r) => [r.text, r.reason]));
    expect(reasons).toMatchObject({
      'No time to read?': 'promo',
      'Get a summary': 'promo',
      'www.example-news.com': 'site-name',
      'Previous Article': 'navigation',
      'Markets rally as oil prices fall sharply': 'nav-teaser',
      'Explore more exclusive insights at example.ai.': 'promo',
    });
  });

  it('keeps in-body headings as heading blocks', () => {
    const { tree } = run([story[0], 'The role of the mayor', story[1], 'What comes next', story[2]].join('\n\n'));
    expect(tree.children.filter((b) => b.type === 'heading').map((b) => b.value)).toEqual(['The role of the mayor', 'What comes next']);
  });

  it('takes the headline to title once and removes its repetition', () => {
    const headline = 'Council approves budget after long debate';
    const { file, text, removed } = run([headline, headline, ...story].join('\n\n'));
    expect(file.data.title).toBe(headline);
    expect(text).not.toContain(headline);
    expect(removed.map((r) => r.reason).sort()).toEqual(['repeated-headline', 'title']);
  });

  it('does not take a menu line for the title', () => {
    const menu = 'Politics Business Markets Technology Science Health Sports Culture Travel Opinion Video Weather Podcasts';
    const { file } = run([menu, ...story].join('\n\n'));
    expect(file.data.title).toBeNull();
    const gaps = 'Home  News  Politics  Council approves budget';
    expect(run([gaps, ...story].join('\n\n')).file.data.title).toBeNull();
  });

  it('has no title when the story opens with its first paragraph', () => {
    expect(run(story.join('\n\n')).file.data.title).toBeNull();
  });

  it('removes navigation in another script than the body', () => {
    const { text, removed } = run(['Κεντρική Σελίδα Πολιτισμός', ...story, 'Ακολουθήστε μας στο Facebook'].join('\n\n'));
    expect(text).toBe(story.join('\n\n'));
    expect(removed.every((r) => r.stage === 'chrome')).toBe(true);
    expect(removed).toHaveLength(2);
  });

  it('removes comment and cookie blocks', () => {
    const { text } = run([...story, 'Comments (3)', 'We use cookies to improve your experience on our site.'].join('\n\n'));
    expect(text).toBe(story.join('\n\n'));
  });

  it('cuts a news feed of timed headlines off the story', () => {
    const feed = ['10:17   Markets open higher on Wednesday', 'Shares rose in early trading, led by banks and energy companies, as investors waited for the central bank decision.', '10:05   Storm closes the main highway', 'The road will stay closed until Friday while crews clear fallen trees and repair the power lines along the route.'];
    const { text, removed } = run([...story, ...feed].join('\n\n'));
    expect(text).toBe(story.join('\n\n'));
    expect(removed.filter((r) => r.reason === 'teaser-list')).toHaveLength(2);
  });

  it('cuts a list of timed headlines run into one block, but keeps a wire agenda whose timed items are sentences', () => {
    const headlines = '09:40 Markets open higher on Wednesday 10:05 Storm closes the main highway 10:17 Council votes on the new budget 10:32 Club signs a young striker';
    const agenda =
      '10:30 h. - Mérida. - The regional minister presents the tomato harvest plan to the growers. 11:00 h. - Badajoz. - The council reports on the emergency service. 12:00 h. - Cáceres. - The university opens its new library to the public.';
    const cut = run([...story, headlines].join('\n\n'));
    expect(cut.text).toBe(story.join('\n\n'));
    expect(cut.removed.map((r) => r.reason)).toEqual(['teaser-list']);
    expect(run([...story, agenda].join('\n\n')).text).toBe([...story, agenda].join('\n\n'));
  });

  it('keeps prose of a script written without full stops, even without stopwords', () => {
    const thai = 'ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอนหรือวรรณยุกต์เช่นเดียวกับภาษาจีน และออกเสียงแยกคำต่อคำ ทำให้ผู้เรียนต้องฝึกฟังอย่างตั้งใจ';
    const { tree, file } = stripChromeFromText(`หน้าแรก\n\n${thai}\n\nข่าว`, { lang: 'und' });
    // The prose stays and the closing menu word goes. The opening one ("Home") stays too: it was
    // once taken for the headline, which a one-word line never is.
    expect(tree.children.map((b) => b.value)).toEqual(['หน้าแรก', thai]);
    expect(file.data.title).toBeNull();
  });

  it('removes reader comments signed with a date and time', () => {
    const comment = 'I think the council should have asked the people first. - Anne, Birmingham, 12/1/2012 11:53';
    const { text, removed } = run([...story, comment].join('\n\n'));
    expect(text).toBe(story.join('\n\n'));
    expect(removed).toContainEqual({ text: comment, reason: 'comments', stage: 'chrome' });
  });

  it('gives an empty text for a document that is all chrome, with everything in removed', () => {
    const input = ['Home', 'News', 'Sport', 'Contact us', 'www.example.com', 'Share on Facebook'].join('\n');
    const { text, removed } = run(input);
    expect(text).toBe('');
    expect(nonSpace(removed.map((r) => r.text).join(''))).toBe(nonSpace(input));
  });

  it('accounts for every non-space character of the input', () => {
    const input = ` date 2026-01-27 Home\nNews\n\nHeadline of the day here\n\n${story[0]} pic_1.png\n\n${story.slice(1).join('\n\n')} PTI AB CD\n\nShare`;
    const { text, removed } = run(input);
    expect(nonSpace(text + removed.map((r) => r.text).join(''))).toBe(nonSpace(input));
  });

  it('handles a 1 MB line without breaks', () => {
    const line = 'word '.repeat(200_000) + 'x'.repeat(100_000);
    const { tree, file } = stripChromeFromText(line, { lang: 'eng' });
    const kept = tree.children.map((b) => b.value).join('');
    const gone = removalsOf(file).map((r) => r.text).join('');
    expect(nonSpace(kept + gone)).toBe(nonSpace(line));
  });
});

describe('site templates', () => {
  const page = (i: number) => ['Subscribe to our newsletter today', 'Top picks from our editors', `Story number ${i} begins here.`, ...story.map((s) => s.replace('council', `council of town ${i}`)), 'Weather outlook for the region'].join('\n\n');
  const docs = [0, 1, 2, 3].map((i) => ({ id: `d${i}`, text: page(i), url: `https://news.example.com/story/${i}` }));

  function learn(order: typeof docs) {
    const learner = chromeStage.createLearner?.();
    if (!learner) throw new Error('no learner');
    for (const d of order) learner.add(d);
    return learner.result();
  }

  it('learns lines repeated across documents of a site and removes them', () => {
    const learned = learn(docs) as ChromeOptions['learned'];
    const { text, removed } = run(docs[0]?.text as string, { learned }, docs[0]?.url ?? null);
    expect(text).not.toContain('Top picks from our editors');
    expect(text).not.toContain('Weather outlook');
    expect(removed.filter((r) => r.reason === 'template').length).toBeGreaterThan(0);
  });

  it('learns the same templates whatever the order of the documents', () => {
    expect(JSON.stringify(learn(docs))).toBe(JSON.stringify(learn([...docs].reverse())));
  });

  it('does not turn a page crawled twice into a template', () => {
    const learned = learn([docs[0], docs[0]] as typeof docs) as ChromeOptions['learned'];
    expect(run(docs[0]?.text as string, { learned }, docs[0]?.url ?? null).text).toContain('council of town 0');
  });

  it('works on a single document without a batch pass', () => {
    expect(run(docs[1]?.text as string, {}, docs[1]?.url ?? null).text).toContain('council of town 1');
  });

  it('removes headline-and-snippet teasers inside the story, keeping a story paragraph under a heading', () => {
    const teasers = [
      ['Floods close the northern railway', 'Trains between the two cities will not run until the water falls, the operator said on its website and'],
      ['New museum opens its doors downtown', 'The building, designed by a local firm, holds the collection that was kept in storage for more than'],
      ['Farmers protest against the price of fuel', 'Hundreds of tractors blocked the ring road on Monday morning as farmers asked the government to'],
      ['School year to start a week later', 'Pupils will go back to their classes on the second Monday of September, after the ministry agreed with'],
    ];
    const page = [story[0], story[1], ...teasers.flat(), 'What comes next', story[2]].join('\n\n');
    const { text, removed } = run(page);
    expect(text).toContain(story[2]);
    expect(text).toContain('What comes next');
    for (const [headline, snippet] of teasers) {
      expect(text).not.toContain(snippet);
      expect(text).not.toContain(headline);
    }
    expect(removed.map((r) => r.reason)).toContain('teaser-list');
  });
});
