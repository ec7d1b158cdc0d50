import { francAll } from 'franc-all';
import { describe, expect, it } from 'vitest';
import { francRank } from './franc-rank.ts';

describe("franc-all's ranking through an index of trigrams", () => {
  it("gives franc-all's languages, scores and order", () => {
    const texts = [
      "O'zbekiston Respublikasi Prezidenti bugun xalqaro hamkorlik masalalari bo'yicha yig'ilish o'tkazdi.",
      'Perezida wa Repubulika yakiriye abashyitsi baturutse mu bihugu bitandukanye by’Afurika.',
      'The ministers agreed to deepen their cooperation on security and trade.',
      'Министры договорились углубить сотрудничество в сфере безопасности.',
      'ქართული ენა და დამწერლობა',
      '两国部长同意加强安全合作',
      // Repeated trigrams (counts above one), punctuation and digits cleaned away.
      'aaa aaa aaa bbb!!! 2026-01-27 ccc ccc',
      '1234567890123',
      'short',
      '',
    ];
    for (const text of texts) expect([text, francRank(text)]).toEqual([text, francAll(text)]);
  });
});
