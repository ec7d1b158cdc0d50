import { describe, expect, it } from 'vitest';
import { assembleText } from '../../pipeline/core/document.ts';
import { removalsOf } from '../../pipeline/core/decisions.ts';
import { stripChromeFromText } from './index.ts';

function strip(text: string) {
  const { tree, file } = stripChromeFromText(text, { lang: 'eng' });
  return { text: assembleText(tree).text, title: file.data.title, removed: removalsOf(file) };
}

describe('chrome on texts without a page around them', () => {
  it('keeps a one-line document whole', () => {
    expect(strip('Hi guys, the match starts at eight').removed).toEqual([]);
  });

  it('keeps the results table of a wire story that shows no page chrome', () => {
    const story = [
      'SQUASH - HONG KONG OPEN RESULTS.',
      'HONG KONG 1996-08-29',
      'Results of the Hong Kong Open on Thursday:',
      'Anthony Hill (Australia) beat Dan Jenson (Australia) 15-9 15-8 15-17 17-15',
      'Peter Nicol (Scotland) beat Chris Walker (England) 15-8 15-13 13-15 15-4',
      'Rodney Eyles (Australia) beat Derek Ryan (Ireland) 15-6 15-9 11-15 15-10',
    ].join('\n\n');
    const out = strip(story);
    expect(out.removed).toEqual([]);
    expect(out.text).toContain('Chris Walker (England)');
  });

  it('still removes chrome that is recognised by itself in such a text', () => {
    const story = [
      'SQUASH - HONG KONG OPEN RESULTS.',
      'Anthony Hill (Australia) beat Dan Jenson (Australia) 15-9 15-8 15-17 17-15',
      'Peter Nicol (Scotland) beat Chris Walker (England) 15-8 15-13 13-15 15-4',
    ];
    const out = strip([...story, '1_1462.JPG'].join('\n\n'));
    expect(out.removed.map((r) => r.reason)).toEqual(['image-token']);
    expect(out.text).toBe(story.join('\n\n'));
  });

  it('does not take a wire dateline for the headline', () => {
    const page = [
      'Share this article',
      'NAIROBI, Kenya (AP) _',
      'Rescue teams searched the rubble on Saturday for survivors of the blast that tore through the city centre, officials said.',
      'The government declared three days of mourning and asked residents to give blood at the main hospital.',
    ].join('\n\n');
    expect(strip(page).title).toBeNull();
  });

  it('keeps the only paragraph of a short brief between a menu and a footer', () => {
    const brief = 'In Beijing on Tuesday, Russian Security Council Secretary Sergey Shoigu met Wang Yi. Shoigu said ties were strong.';
    const out = strip(['Τελευταία Νέα', 'Deep trust', brief, 'www.bankingnews.gr'].join('\n\n'));
    expect(out.text).toContain(brief);
    expect(out.removed.map((r) => r.reason)).toContain('site-name');
  });
});
