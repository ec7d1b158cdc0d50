import { describe, expect, it } from 'vitest';
import { foldWord, stopwordLanguage, stopwordVote } from './stopwords.ts';

describe('stopwordLanguage', () => {
  it('names the language of prose from its function words', () => {
    expect(stopwordLanguage('The minister said on Monday that the talks would go on, and that he was hopeful of an agreement before the end of the year.')).toBe('eng');
    expect(stopwordLanguage('Der Minister sagte am Montag, dass die Gespräche weitergehen würden und dass er auf eine Einigung vor dem Ende des Jahres hoffe.')).toBe('deu');
    expect(stopwordLanguage('El ministro dijo el lunes que las conversaciones continuarían y que esperaba un acuerdo antes de fin de año.')).toBe('spa');
    expect(stopwordLanguage('Министр заявил в понедельник, что переговоры продолжатся и что он надеется на соглашение до конца года.')).toBe('rus');
  });

  it('says und without enough function words: a menu, a list of names, a script without spaces', () => {
    expect(stopwordLanguage('Home World Politics Business Sport')).toBe('und');
    expect(stopwordLanguage('Dong Jun, Andrey Belousov, Wang Yi')).toBe('und');
    expect(stopwordLanguage('中国和俄罗斯同意在两国国防部长视频通话期间加强军事协调。')).toBe('und');
  });
});

describe('foldWord', () => {
  it('folds a word letter by letter as it folds the whole word: accents, marks and final sigma go, Hangul and astral letters stay whole', () => {
    expect(foldWord('ещё')).toBe('еще');
    expect(foldWord('της')).toBe('τησ');
    expect(foldWord('αλλά')).toBe('αλλα');
    expect(foldWord('cafe\u0301')).toBe('cafe');
    expect(foldWord('Ångström')).toBe('Angstrom');
    expect(foldWord('Привет')).toBe('Привет');
    expect(foldWord('\u1100\u1161')).toBe('가');
    expect(foldWord('𝒜é')).toBe('𝒜e');
  });
});

describe('stopwordVote', () => {
  it('reads words as runs of letters and marks, an apostrophe between two runs joining them', () => {
    // "l'état" is one word (no stopword), "de" and "la" are two; a quote after a word ends it.
    expect(stopwordVote("l'état de la 'nation' 42", 'fra')).toEqual({ words: 4, own: 2, other: 2 });
    expect(stopwordVote('the’s the', 'eng').words).toBe(2);
    expect(stopwordVote('the the the', 'eng', 2)).toMatchObject({ words: 2, own: 2 });
  });
});

describe('foldWord', () => {
  it('leaves a plain ASCII word as it is and takes the marks off an accented one', () => {
    expect(foldWord('minister')).toBe('minister');
    expect(foldWord('αλλά')).toBe('αλλα');
    expect(foldWord('ещё')).toBe('еще');
  });
});
