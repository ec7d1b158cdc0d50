import { describe, expect, it } from 'vitest';
import { classifyBlocks, type ClassifiedBlock } from './classify.ts';
import { blockFeatures } from './features.ts';
import { readLead } from './lead.ts';
import { gluedMetadata, imageTokens, isSiteName, wireTail } from './patterns.ts';
import { matchPhrase, normalisePhrase } from './phrases.ts';
import { outsideMainRegion } from './region.ts';
import { createTemplateLearner, lineKey, mayNeedRepair, siteOf, templateCount, templateForm, templateKey } from './template.ts';

const prose =
  'The minister said on Monday that the new rules would apply to all companies, and that the government would review them after a year of experience with the system.';
const block = (text: string, heading = false): ClassifiedBlock => ({ features: blockFeatures(text, 'eng'), forced: null, heading });

describe('block features', () => {
  it('counts CJK characters as fractions of words', () => {
    const f = blockFeatures('中国和俄罗斯同意进一步加强两国之间的军事合作。', 'cmn');
    expect(f.words).toBeGreaterThan(10);
    expect(f.words).toBeLessThan(25);
    expect(f.script).toBe('Han');
    expect(f.stopwordDensity).toBeGreaterThan(0);
  });

  it('finds Greek stopwords written with accents and final sigma', () => {
    const f = blockFeatures('Μέλος της Επιτροπής και του διοικητικού συμβουλίου', 'ell');
    expect(f.stopwordDensity).toBeGreaterThanOrEqual(0.4);
  });

  it('counts single spaces between Chinese characters as seams, except in letter-spaced text', () => {
    expect(blockFeatures('唐飛談大聯合政府 酷酷嫂來了 老阿公血壓直飆 新北推年菜食譜 呷好顧健康', 'cmn').cjkGaps).toBe(4);
    expect(blockFeatures('紅 磡 華 豐 街 一 個 單 位 ， 女 戶 主', 'cmn').cjkGaps).toBe(0);
    expect(blockFeatures('中国和俄罗斯同意进一步加强两国之间的军事合作。', 'cmn').cjkGaps).toBe(0);
  });

  it('finds a Chinese teaser list flattened with single spaces to be chrome', () => {
    const list = Array.from({ length: 6 }, (_, i) => `第${i}條新聞標題在這裡 市長談大聯合政府的教訓 酷酷嫂來了`).join(' ');
    const { classes } = classifyBlocks([{ features: blockFeatures(list, 'cmn'), forced: null, heading: false }]);
    expect(classes[0]).toBe('bad');
  });

  it('counts stopwords the same whether a token is looked up by its hash or folded first', () => {
    // "της" and "και" fold to themselves; "Μέλος" holds an accent, so it is folded and looked up as a string.
    expect(blockFeatures('της και του', 'ell').stopwordDensity).toBe(1);
    expect(blockFeatures('Μέλος μέλος', 'ell').stopwordDensity).toBe(0);
    // A word spelt with a combining accent ("ή" as η and U+0301) folds to the list's "η".
    expect(blockFeatures('\u03b7\u0301 και', 'ell').stopwordDensity).toBe(1);
    expect(blockFeatures('the cat and The dog', 'eng').stopwordDensity).toBeCloseTo(3 / 5);
    // The body's list and the block's own: the larger share counts.
    expect(blockFeatures('der und die', 'eng', 'deu').stopwordDensity).toBe(1);
    // Han characters are tokens alone, each looked up.
    expect(blockFeatures('我的', 'cmn').stopwordDensity).toBe(1);
  });

  it('measures URL density and wide seams', () => {
    expect(blockFeatures('www.example.com/news http://example.org/a', 'eng').urlDensity).toBeGreaterThan(0.9);
    expect(blockFeatures('First headline here  Second headline there  Third one now  Fourth at last', 'eng').seams).toBe(3);
  });
});

describe('block features: script and URLs', () => {
  it('names the script most letters are in, the first in alphabetical order on a tie', () => {
    expect(blockFeatures('Москва and Paris', 'eng').script).toBe('Latin');
    expect(blockFeatures('ab αβ', 'eng').script).toBe('Greek');
    expect(blockFeatures('2026 — 14:30', 'eng').script).toBe('none');
  });

  it('measures URLs written without a dot after the scheme, and none in text without a dot', () => {
    expect(blockFeatures('http://localhost/news', 'eng').urlDensity).toBe(1);
    expect(blockFeatures('Home News Sport Weather', 'eng').urlDensity).toBe(0);
  });

  it('finds addresses and domains by their "@" or a dot before a letter, and none after a full stop and a space', () => {
    expect(blockFeatures('write to desk@example.org', 'eng').urlDensity).toBeGreaterThan(0.5);
    expect(blockFeatures('Reuters.com', 'eng').urlDensity).toBe(1);
    expect(blockFeatures('It ended. Com on.', 'eng').urlDensity).toBe(0);
  });
});

describe('block features: how a block ends', () => {
  it('reads the last character but spaces and line breaks', () => {
    expect(blockFeatures('It rained.  \n', 'eng').endsLikeSentence).toBe(true);
    expect(blockFeatures('He said: «yes»', 'eng').endsLikeSentence).toBe(true);
    expect(blockFeatures('Home News', 'eng').endsLikeSentence).toBe(false);
    expect(blockFeatures('   ', 'eng').endsLikeSentence).toBe(false);
  });

  it('is cut short by "…" or "..." after a word, not by a full stop or four dots', () => {
    expect(blockFeatures('The minister said that …', 'eng').truncated).toBe(true);
    expect(blockFeatures('The minister said that... ', 'eng').truncated).toBe(true);
    expect(blockFeatures('The minister said that.', 'eng').truncated).toBe(false);
    expect(blockFeatures('The minister said that....', 'eng').truncated).toBe(false);
  });

  it('counts clock times and notes tabs', () => {
    expect(blockFeatures('10:30 Opening 12:45 Lunch 18:00 Close', 'eng').timestamps).toBe(3);
    expect(blockFeatures('Opening at ten', 'eng').timestamps).toBe(0);
    expect(blockFeatures('Name\tScore', 'eng').tabbed).toBe(true);
    expect(blockFeatures('Name Score', 'eng').tabbed).toBe(false);
  });
});

describe('phrase forms', () => {
  it('trims spaces, punctuation and symbols from both edges, keeping a copyright sign', () => {
    expect(normalisePhrase('  «Read  more»  ')).toBe('read more');
    expect(normalisePhrase('© 2024 Example News.')).toBe('©2024 example news');
    expect(normalisePhrase('All rights reserved ©')).toBe('all rights reserved©');
    expect(normalisePhrase('— © —')).toBe('©');
    expect(normalisePhrase('...')).toBe('');
    expect(normalisePhrase('👍 Like 👍')).toBe('like');
  });
});

describe('classification in context', () => {
  it('keeps a short block between good blocks and drops one between bad blocks', () => {
    const blocks = [block(prose), block('See the figures'), block(prose), block('Home'), block('Contact'), block('About us'), block('Log in')];
    const { classes } = classifyBlocks(blocks);
    expect(classes[1]).toBe('good');
    expect(classes.slice(3)).toEqual(['bad', 'bad', 'bad', 'bad']);
  });

  it('joins a short whole sentence to the story but not a snippet cut short', () => {
    const menu = [block('Home'), block('World'), block('Sport')];
    const whole = classifyBlocks([...menu, block('The mayor did not answer.'), block(prose)]).classes;
    expect(whole[3]).toBe('good');
    const snippet = classifyBlocks([...menu, block('The mayor did not answer the questions of the…'), block(prose)]).classes;
    expect(snippet[3]).toBe('bad');
  });

  it('reads a long paragraph trailing off in an ellipsis as prose, a short one as a snippet', () => {
    const long = `${prose} ${prose} And the rest of the story went on like this, from one year to the next…`;
    expect(blockFeatures(long, 'eng').truncated).toBe(true);
    expect(classifyBlocks([block(long)]).initial[0]).toBe('good');
    expect(classifyBlocks([block('The minister said on Monday that the new rules would apply to all the companies that…')]).initial[0]).toBe('short');
  });

  it('finds a long list with commas but no function words to be chrome', () => {
    const archive = `Archive ${Array.from({ length: 14 }, (_, i) => `January, ${2000 + i} December, ${1999 + i}`).join(' ')}`;
    const { initial } = classifyBlocks([block(prose), block(prose), block(archive)]);
    expect(initial[2]).toBe('bad');
  });

  it('keeps a heading that introduces the story', () => {
    const { classes } = classifyBlocks([block(prose), block('What comes next', true), block(prose)]);
    expect(classes).toEqual(['good', 'good', 'good']);
  });

  it('keeps a list in the story whose items are written in words', () => {
    const items = ['Speaking to someone on the phone', 'Writing a post for the blog', 'Sending an email to the team', 'Talking to a friend in the office', 'Answering a call from the bank'].map((t) => block(t));
    const { classes } = classifyBlocks([block(prose), ...items, block(prose)]);
    expect(classes).toEqual(new Array(7).fill('good'));
  });

  it('drops a long stretch of short blocks whatever lies beyond it', () => {
    const menu = ['News', 'Sport', 'Weather', 'Travel', 'Culture', 'Money', 'Opinion', 'Video'].map((t) => block(t));
    const { classes } = classifyBlocks([block(prose), ...menu, block(prose)]);
    expect(classes.slice(4, 6)).toEqual(['bad', 'bad']);
  });
});

describe('the article region', () => {
  it('drops a small run far from the main one', () => {
    const classes = ['good', 'good', 'good', 'bad', 'bad', 'bad', 'bad', 'good'] as const;
    const outside = outsideMainRegion([...classes], [40, 40, 40, 1, 1, 1, 1, 10], new Set(), new Set());
    expect([...outside]).toEqual([7]);
  });

  it('keeps a smaller run near the article and drops one as small far from it (a home page teaser)', () => {
    const bad = (n: number) => Array.from({ length: n }, () => 'bad' as const);
    // A teaser far up the page, 30 blocks of chrome, a caption-sized run, 3 blocks of chrome, the article.
    const classes = ['good', ...bad(30), 'good', ...bad(3), 'good', 'good'] as const;
    const weights = classes.map((c, i) => (c !== 'good' ? 0 : i >= 35 ? 25 : 20));
    const outside = outsideMainRegion([...classes], weights, new Set(), new Set());
    expect([...outside].sort((a, b) => a - b)).toEqual([0]);
  });

  it('keeps the lead cut off from the article by a related-stories heading alone', () => {
    const classes = ['bad', 'good', 'bad', 'good', 'good', 'good'] as const;
    const weights = [0, 25, 0, 40, 40, 40];
    expect(outsideMainRegion([...classes], weights, new Set([2]), new Set()).size).toBe(0);
    // The same lead behind five blocks of chrome is too small to count.
    const far = ['bad', 'good', 'bad', 'bad', 'bad', 'bad', 'bad', 'good', 'good', 'good'] as const;
    expect([...outsideMainRegion([...far], [0, 25, 0, 0, 0, 0, 0, 40, 40, 40], new Set([2]), new Set())]).toEqual([1]);
  });

  it('drops what follows a comments heading placed after the article', () => {
    const classes = ['good', 'good', 'bad', 'good', 'good'] as const;
    const outside = outsideMainRegion([...classes], [40, 40, 1, 40, 40], new Set([2]), new Set([2]));
    expect([...outside].sort()).toEqual([3, 4]);
  });
});

describe('patterns', () => {
  it('finds image file names without eating the sentence before them', () => {
    const text = 'the only legitimate framework.3_621.JPG';
    expect(imageTokens(text).map((s) => text.slice(s.start, s.end))).toEqual(['3_621.JPG']);
    expect(imageTokens('version 3.5 of the plan')).toEqual([]);
  });

  it('recognises wire tails only after an agency code', () => {
    const text = 'the ministry said. PTI KJV ZH ZH';
    const tail = wireTail(text);
    expect(tail && text.slice(tail.start, tail.end)).toBe(' PTI KJV ZH ZH');
    expect(wireTail('He met the CEO of IBM')).toBeNull();
  });

  it('reads glued metadata', () => {
    expect(gluedMetadata(' date 2026-01-27 Beijing').map((m) => [m.key, m.value])).toEqual([['date', '2026-01-27']]);
  });

  it('tells site names from abbreviations', () => {
    expect(isSiteName('www.bankingnews.gr')).toBe(true);
    expect(isSiteName('realtor.com')).toBe(true);
    expect(isSiteName('U.S.')).toBe(false);
    expect(isSiteName('3.5')).toBe(false);
  });

  it('matches phrases across look-alike letters and punctuation', () => {
    expect(matchPhrase('Ρoή Ειδήσεων')?.category).toBe('navigation');
    expect(matchPhrase('No time to read?')?.category).toBe('promo');
    expect(matchPhrase('Комментарии (12)')?.category).toBe('comments');
    expect(matchPhrase(prose)).toBeNull();
  });
});

describe('lead', () => {
  it('reads datelines and publisher prefixes', () => {
    expect(readLead('Beijing, Jan 27 (PTI) Close allies China and Russia').dateline).toEqual({ text: 'Beijing, Jan 27 (PTI)', place: 'Beijing', agency: 'PTI' });
    expect(readLead('WASHINGTON (Reuters) - The Senate voted').dateline).toMatchObject({ place: 'WASHINGTON', agency: 'Reuters' });
    expect(readLead('NextFin News - In a significant escalation').publisher).toBe('NextFin News');
    expect(readLead('The Senate voted on Tuesday - narrowly - to pass it')).toEqual({ dateline: null, publisher: null, publisherEnd: 0 });
  });
});

describe('sites', () => {
  it('learns template lines as the repair stage will leave them', () => {
    const learner = createTemplateLearner();
    learner.add({ id: 'a', url: 'https://news.example.com/a', text: 'CafÃ© &amp; Culture\nFirst story.' });
    learner.add({ id: 'b', url: 'https://news.example.com/b', text: 'CafÃ© &amp; Culture\nSecond story.' });
    const learned = learner.result() as Parameters<typeof templateCount>[0];
    expect(templateCount(learned, 'example.com', 'Café & Culture').count).toBe(2);
  });

  it('keys a line by its template form without making the form', () => {
    for (const line of ['  Home | News  ', '© 2024 Example News.', 'Updated 12:30, 3 May 2024', 'ΟΔΟΣ 12\tΑθήνα', '👍 Like 👍', '𝟏𝟐 apples', 'Cafe\u0301 ©']) {
      expect(templateKey(line)).toBe(lineKey(templateForm(line)));
    }
    expect(templateForm('Updated 12:30, 3 May 2024')).toBe('updated 0:0, 0 may 0');
    expect(templateKey('— © —')).toBe(lineKey('©'));
    expect(templateKey('...')).toBeNull();
    expect(templateKey('Read more about it', 10)).toBeNull();
  });

  it('repairs a line only where repair has something to do: a bare ampersand is not a reference', () => {
    expect(mayNeedRepair('News & Events')).toBe(false);
    expect(mayNeedRepair('5 & 6 &')).toBe(false);
    expect(mayNeedRepair('Q&A')).toBe(true);
    expect(mayNeedRepair('News &amp; Events')).toBe(true);
    expect(mayNeedRepair('l&#8217s')).toBe(true);
    expect(mayNeedRepair('d&eacute;j&agrave;')).toBe(true);
    expect(mayNeedRepair('AT&T & CafÃ©')).toBe(true);
  });

  it('groups subdomains under their registrable domain', () => {
    expect(siteOf('http://saratov.kp.ru/daily/1')).toBe('kp.ru');
    expect(siteOf('https://www.bbc.co.uk/news/1')).toBe('bbc.co.uk');
    expect(siteOf(null)).toBeNull();
  });
});
