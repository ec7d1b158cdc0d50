import { describe, expect, it } from 'vitest';
import { removeChrome } from './index.ts';

const page = [
  'Home',
  'World',
  'Politics',
  'Talks on the new treaty will go on next week, ministers say',
  'The foreign ministers of both countries said on Monday that the talks on the new treaty would go on next week, and that they were hopeful of an agreement before the end of the year.',
  'Neither side gave details of the remaining disagreements, but officials said that the questions of borders and of trade were still open.',
  'Share on Facebook',
].join('\n');

describe('chrome used alone on a string', () => {
  it('splits the lines into blocks itself: a title and one removal per menu item, not one lump', async () => {
    const out = await removeChrome(page);
    expect(out.title).toBe('Talks on the new treaty will go on next week, ministers say');
    expect(out.removed.map((r) => r.text)).toEqual(['Home', 'World', 'Politics', out.title, 'Share on Facebook']);
    expect(out.blocks).toHaveLength(2);
    expect(out.text.startsWith('The foreign ministers')).toBe(true);
  });

  it('guesses the language from function words when none is given, and takes the one given', async () => {
    expect((await removeChrome(page)).lang).toBe('eng');
    expect((await removeChrome(page, { lang: 'deu' })).lang).toBe('deu');
    expect((await removeChrome('Home\nWorld')).lang).toBe('und');
  });

  it('accounts for every non-space character of the string', async () => {
    const out = await removeChrome(page);
    const kept = (out.text + out.removed.map((r) => r.text).join('')).replace(/\s/g, '');
    expect([...kept].sort().join('')).toBe([...page.replace(/\s/g, '')].sort().join(''));
  });
});
