import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createDocumentFile, parseDocument, type Root } from '../../pipeline/core/document.ts';
import dates, { tagDates } from './index.ts';

/** Runs the stage alone on a one-language text and returns "text=value" pairs, plus the file. */
async function run(
  text: string,
  meta: { lang?: string; dateHint?: string | null; referenceDate?: string | null; dateline?: string; metadata?: Record<string, string> } = {},
) {
  const file = createDocumentFile(text, {
    lang: meta.lang ?? 'eng',
    dateHint: meta.dateHint ?? null,
    referenceDate: meta.referenceDate ?? null,
    dateline: meta.dateline ? { text: meta.dateline, place: null, agency: null } : null,
    metadata: meta.metadata ?? {},
  });
  const tree = parseDocument(text) as Root;
  await unified().use(dates).run(tree, file);
  return { pairs: (file.data.dates ?? []).map((d) => `${d.text}=${d.value}`), file };
}

const ARTICLE_DATE = '2026-01-28'; // a Wednesday

describe('English', () => {
  it('reads full, partial and weekday dates against the document date', async () => {
    const { pairs } = await run('On Tuesday, January 27, 2026, the minister said talks resume On 1 February. Jan 27 was cold.', {
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['Tuesday, January 27, 2026=2026-01-27', '1 February=2026-02-01', 'Jan 27=2026-01-27']);
  });

  it('anchors "on Tuesday" on the most recent Tuesday in past-tense news, the next one in future tense', async () => {
    expect((await run('Prices fell on Tuesday.', { dateHint: ARTICLE_DATE })).pairs).toEqual(['Tuesday=2026-01-27']);
    expect((await run('The board will meet on Friday.', { dateHint: ARTICLE_DATE })).pairs).toEqual(['Friday=2026-01-30']);
  });

  it('reads months, years, relative expressions, decades, seasons and quarters', async () => {
    const { pairs } = await run(
      'Last December sales rose; in 2025 they fell. Earlier this month, two weeks ago, next year, in the 1990s, this summer and in the third quarter.',
      { dateHint: ARTICLE_DATE },
    );
    expect(pairs).toEqual([
      'Last December=2025-12',
      '2025=2025',
      'Earlier this month=2026-01',
      'two weeks ago=2026-W03',
      'next year=2027',
      'the 1990s=199',
      'this summer=2026-SU',
      'the third quarter=2025-Q3',
    ]);
  });

  it('gives durations, sets and the present reference', async () => {
    const { pairs } = await run('The war lasted nearly four years and 16-hour shifts came every year; now, currently, it rains daily.', {
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['nearly four years=P4Y', '16-hour=PT16H', 'every year=P1Y', 'now=PRESENT_REF', 'currently=PRESENT_REF', 'daily=P1D']);
  });

  it('reads times of day with their date', async () => {
    expect((await run('The blast came at 10:35 a.m. Friday.', { dateHint: ARTICLE_DATE })).pairs).toEqual(['10:35 a.m. Friday=2026-01-23T10:35']);
  });

  it('takes a round number for a year only after a word of time', async () => {
    const { pairs } = await run('Some 1500 people came; in 1900 there were none, and 1987 was worse.', { dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['1900=1900', '1987=1987']);
  });

  it('does not take a verb or an age for a date', async () => {
    const { pairs } = await run('Prices may march higher, said the 6-year-old boy.', { dateHint: ARTICLE_DATE });
    expect(pairs).toEqual([]);
  });

  it('gives a report\'s "a year earlier" the quarter it is about', async () => {
    const { pairs } = await run('Profit rose in the third quarter from a year earlier.', { dateHint: '1998-10-20' });
    expect(pairs).toEqual(['the third quarter=1998-Q3', 'a year earlier=1997-Q3']);
  });
});

describe('English, less common forms', () => {
  it('reads holidays, spelled-out years and decades in words', async () => {
    const { pairs } = await run('On Christmas Day, in nineteen ninety-six and in the nineties, and on Thanksgiving Day.', {
      dateHint: '1998-12-01',
    });
    expect(pairs).toEqual(['Christmas Day=1998-12-25', 'nineteen ninety-six=1996', 'the nineties=199', 'Thanksgiving Day=1998-11-26']);
  });

  it('counts "the following year" from the last year named, not from the document date', async () => {
    const { pairs } = await run('The plant opened in 1995 and closed the following year.', { dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['1995=1995', 'the following year=1996']);
  });

  it('reads a season after a preposition and keeps "two more weeks" whole', async () => {
    const { pairs } = await run('Work stopped in the summer and will take two more weeks.', { dateHint: '2025-10-02' });
    expect(pairs).toEqual(['the summer=2025-SU', 'two more weeks=P2W']);
  });

  it('takes "May" as a month only after a word of time', async () => {
    expect((await run('May we go? In May we will.', { dateHint: ARTICLE_DATE })).pairs).toEqual(['May=2026-05']);
  });
});

describe('other languages', () => {
  it('reads written-out dates of a language with CLDR names only', async () => {
    const { pairs } = await run('Minister powiedział 27 stycznia 2026 r. w poniedziałek.', { lang: 'pol', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['27 stycznia 2026=2026-01-27', 'poniedziałek=2026-01-26']);
  });

  it('reads ISO and numeric dates in a language without any table', async () => {
    const { pairs } = await run('Tarehe 2026-01-27 na 27/01/2026.', { lang: 'swh', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['2026-01-27=2026-01-27', '27/01/2026=2026-01-27']);
  });

  it('reads ISO dates in a block of unknown language written in no tabled script', async () => {
    const { pairs } = await run('٢٠٢٦ — 2026-01-27', { lang: 'und', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['2026-01-27=2026-01-27']);
  });

  it('tries the tables of the block\'s script when the language is unknown', async () => {
    const { pairs } = await run('Le 27 janvier 2026; 27 января 2026.', { lang: 'und', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['27 janvier 2026=2026-01-27', '27 января 2026=2026-01-27']);
  });
});

describe('Greek', () => {
  it('reads genitive month names, relative words and a set', async () => {
    const { pairs } = await run('Στις 27 Ιανουαρίου 2026 ο υπουργός είπε ότι χθες, πέρσι και πριν από δύο εβδομάδες, κάθε χρόνο.', {
      lang: 'ell',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27 Ιανουαρίου 2026=2026-01-27', 'χθες=2026-01-27', 'πέρσι=2025', 'πριν από δύο εβδομάδες=2026-W03', 'κάθε χρόνο=P1Y']);
  });

  it('matches month names written without accents, as in headlines', async () => {
    expect((await run('ΣΤΙΣ 27 ΙΑΝΟΥΑΡΙΟΥ', { lang: 'ell', dateHint: ARTICLE_DATE })).pairs).toEqual(['27 ΙΑΝΟΥΑΡΙΟΥ=2026-01-27']);
  });
});

describe('Russian', () => {
  it('reads "27 января 2026 г." and inflected relative phrases without their preposition', async () => {
    const { pairs } = await run('Сообщение от 27 января 2026 г.: в прошлом году и на прошлой неделе, две недели назад, сейчас.', {
      lang: 'rus',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27 января 2026 г.=2026-01-27', 'прошлом году=2025', 'прошлой неделе=2026-W04', 'две недели назад=2026-W03', 'сейчас=PRESENT_REF']);
  });
});

describe('Russian, other cases', () => {
  it('reads prepositional month names and genitive numerals', async () => {
    const { pairs } = await run('В марте 2025 года, в течение трёх лет, год назад.', { lang: 'rus', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['марте 2025 года=2025-03', 'трёх лет=P3Y', 'год назад=2025']);
  });
});

describe('relative words placed after the noun', () => {
  it.each([
    ['fra', 'La semaine dernière et lundi dernier, le mois prochain.', ['La semaine dernière=2026-W04', 'lundi dernier=2026-01-26', 'le mois prochain=2026-02']],
    ['spa', 'La semana pasada y el lunes pasado.', ['La semana pasada=2026-W04', 'el lunes pasado=2026-01-26']],
    ['ita', 'La settimana scorsa e il mese prossimo.', ['La settimana scorsa=2026-W04', 'il mese prossimo=2026-02']],
    ['por', 'A semana passada e o mês que vem.', ['A semana passada=2026-W04', 'o mês que vem=2026-02']],
  ])('reads them in %s', async (lang, text, expected) => {
    expect((await run(text, { lang, dateHint: ARTICLE_DATE })).pairs).toEqual(expected);
  });
});

describe('weekday names that are also words', () => {
  it('reads "в среду" as Wednesday but not "окружающую среду" (the environment)', async () => {
    const { pairs } = await run('Охрана окружающую среду обсуждалась в среду.', { lang: 'rus', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['среду=2026-01-28']);
  });

  it('reads "na quinta" as Thursday but not "a quinta parte" (the fifth part)', async () => {
    const { pairs } = await run('A quinta parte foi votada na quinta.', { lang: 'por', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['quinta=2026-01-22']);
  });
});

describe('German', () => {
  it('reads "am 27. Januar" and a weekday-led full date', async () => {
    const { pairs } = await run('Der Minister sagte am 27. Januar, vor zwei Wochen und jetzt; am Montag, 2. Februar 2026.', {
      lang: 'deu',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27. Januar=2026-01-27', 'vor zwei Wochen=2026-W03', 'jetzt=PRESENT_REF', 'Montag, 2. Februar 2026=2026-02-02']);
  });
});

describe('24-hour clock', () => {
  it.each([
    ['deu', 'Die Sitzung begann um 14.30 Uhr.', '14.30 Uhr=2026-01-28T14:30'],
    ['fra', 'La séance a commencé à 14h30.', '14h30=2026-01-28T14:30'],
    ['rus', 'Заседание началось в 14:30.', '14:30=2026-01-28T14:30'],
  ])('reads a time of day in %s', async (lang, text, expected) => {
    expect((await run(text, { lang, dateHint: ARTICLE_DATE })).pairs).toEqual([expected]);
  });
});

describe('German case', () => {
  it('reads "morgen" as tomorrow but not "am Morgen" (in the morning)', async () => {
    const { pairs } = await run('Am Morgen sagte er, morgen komme er.', { lang: 'deu', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['morgen=2026-01-29']);
  });
});

describe('French', () => {
  it('reads "le 1er février" and postposed relative adjectives', async () => {
    const { pairs } = await run("Le ministre a déclaré le 1er février que l'année dernière, il y a deux semaines, maintenant.", {
      lang: 'fra',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['1er février=2026-02-01', "l'année dernière=2025", 'il y a deux semaines=2026-W03', 'maintenant=PRESENT_REF']);
  });
});

describe('Spanish', () => {
  it('reads "27 de enero de 2026" and "hace dos semanas"', async () => {
    const { pairs } = await run('El ministro dijo el 27 de enero de 2026 que el año pasado, hace dos semanas, cada año.', {
      lang: 'spa',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27 de enero de 2026=2026-01-27', 'el año pasado=2025', 'hace dos semanas=2026-W03', 'cada año=P1Y']);
  });
});

describe('Italian', () => {
  it('reads "27 gennaio 2026", "due settimane fa" and a weekday', async () => {
    const { pairs } = await run("Il ministro ha detto il 27 gennaio 2026 che l'anno scorso, due settimane fa, lunedì.", {
      lang: 'ita',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27 gennaio 2026=2026-01-27', "l'anno scorso=2025", 'due settimane fa=2026-W03', 'lunedì=2026-01-26']);
  });
});

describe('Portuguese', () => {
  it('reads "27 de janeiro de 2026" and "há duas semanas"', async () => {
    const { pairs } = await run('O ministro disse em 27 de janeiro de 2026 que há duas semanas, atualmente, todos os anos.', {
      lang: 'por',
      dateHint: ARTICLE_DATE,
    });
    expect(pairs).toEqual(['27 de janeiro de 2026=2026-01-27', 'há duas semanas=2026-W03', 'atualmente=PRESENT_REF', 'todos os anos=P1Y']);
  });
});

describe('Chinese', () => {
  it('reads 年月日 dates, month-day dates and relative words', async () => {
    const { pairs } = await run('部长2026年1月27日表示，去年和两周前，目前，每年，3月5日。', { lang: 'cmn', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['2026年1月27日=2026-01-27', '去年=2025', '两周前=2026-W03', '目前=PRESENT_REF', '每年=P1Y', '3月5日=2026-03-05']);
  });

  it('reads a month alone and tells a duration of months from it', async () => {
    const { pairs } = await run('12月份的销售额在三个月内下降。', { lang: 'cmn', dateHint: ARTICLE_DATE });
    expect(pairs).toEqual(['12月份=2025-12', '三个月=P3M']);
  });
});

describe('the document date', () => {
  it('takes `published` from the dump date', async () => {
    expect((await run('Nothing dated here.', { dateHint: '2026-01-27T10:00:00Z' })).file.data.published).toBe('2026-01-27');
  });

  it('reads a dateline, borrowing the year from the reference date', async () => {
    const { file, pairs } = await run('Talks resumed on Tuesday.', { dateline: 'Beijing, Jan 27 (PTI)', referenceDate: '2026-03-01' });
    expect(file.data.published).toBe('2026-01-27');
    expect(pairs).toEqual(['Tuesday=2026-01-27']);
  });

  it('takes `published` from glued metadata kept aside by chrome', async () => {
    expect((await run('Talks resumed.', { metadata: { date: '2026-01-27' } })).file.data.published).toBe('2026-01-27');
  });

  it('never gives a dateline without a year a year the body mentions', async () => {
    const { file } = await run('In 2014 the treaty was signed; in 2027 it is renewed, and 2027 talks go on.', { dateline: 'Beijing, Jan 27 (PTI)' });
    expect(file.data.published).toBeNull();
    expect(file.data.publishedSource).toBeNull();
  });

  it('gives a dateline without a year the year of a date stated as the publication date', async () => {
    const { file } = await run('Published: January 20, 2026\n\nTalks resumed on Tuesday.', { dateline: 'Beijing, Jan 27 (PTI)' });
    expect(file.data.published).toBe('2026-01-27');
    expect(file.data.publishedSource).toBe('dateline');
  });

  it('takes a full date labelled as the publication date, in several languages', async () => {
    expect((await run('Dodano: 29 grudnia 2011, 13:45\n\nMinister bada rehabilitację.', { lang: 'pol' })).file.data.published).toBe('2011-12-29');
    expect((await run('Von Moritz Bachmann publiziert am 30. Juli 2018\n\nDie Messe beginnt.', { lang: 'deu' })).file.data.published).toBe('2018-07-30');
    const { file } = await run('Published: January 27, 2026\n\nTalks resumed.');
    expect([file.data.published, file.data.publishedSource]).toEqual(['2026-01-27', 'text']);
  });

  it('anchors relative dates on the latest full date the text states when its own date is unknown, and says so', async () => {
    const { file, pairs } = await run('The summit of Tuesday, January 27, 2026 ended. Talks resumed on Tuesday. The 2019 deal was signed on March 3, 2019.');
    expect(file.data.published).toBeNull();
    expect(pairs).toContain('Tuesday=2026-01-27');
    expect(file.messages.some((m) => m.ruleId === 'narrative-anchor' && m.actual === 'Tuesday, January 27, 2026')).toBe(true);
  });

  it('leaves relative dates unresolved when the text states no full date', async () => {
    const { pairs } = await run('Talks resumed on Tuesday.');
    expect(pairs[0]).toMatch(/^Tuesday=XXXX/);
  });

  it('reads a dateline opening the body when chrome did not run', async () => {
    const { file } = await run('WASHINGTON, Jan. 27, 2026 (Reuters) - Talks resumed.');
    expect(file.data.published).toBe('2026-01-27');
  });

  it('anchors on --reference-date when the document has no date, without setting `published`', async () => {
    const { file, pairs } = await run('Talks resume On 1 February.', { referenceDate: '2026-01-20' });
    expect(file.data.published).toBeNull();
    expect(pairs).toEqual(['1 February=2026-02-01']);
  });

  it('leaves relative dates partly unresolved with no date at all, never using the clock', async () => {
    const { pairs } = await run('Talks resume On 1 February; last year was hard.');
    expect(pairs).toEqual(['1 February=XXXX-02-01', 'last year=XXXX']);
  });
});

describe('inconsistencies and bad input', () => {
  const rules = (file: { messages: { source?: string | null; ruleId?: string | null }[] }) =>
    file.messages.filter((m) => m.source === 'dates').map((m) => m.ruleId);

  it('reports a dump date that is not a date and falls back to the reference date', async () => {
    const { file, pairs } = await run('It rained yesterday.', { dateHint: '2026-13-45', referenceDate: '2026-01-28' });
    expect(file.data.published).toBeNull();
    expect(rules(file)).toContain('invalid-date');
    expect(pairs).toEqual(['yesterday=2026-01-27']);
  });

  it('reports a weekday that does not match its date', async () => {
    const { file } = await run('On Monday, January 27, 2026, nothing happened.', { dateHint: ARTICLE_DATE });
    expect(rules(file)).toContain('weekday-mismatch');
  });

  it('reports a date long after the document date', async () => {
    const { file } = await run('The ruling came on March 3, 2031.', { dateHint: ARTICLE_DATE });
    expect(rules(file)).toContain('date-after-document');
  });

  it('reports "31 February" and "2026-13-45" and gives them no value', async () => {
    const { file, pairs } = await run('It was signed on 31 February and filed as 2026-13-45.', { dateHint: ARTICLE_DATE });
    expect(pairs).toEqual([]);
    expect(rules(file)).toEqual(expect.arrayContaining(['invalid-date']));
    expect(rules(file).filter((r) => r === 'invalid-date')).toHaveLength(2);
  });

  it('reports the year 99999 and a run of 100,000 digits without crashing', async () => {
    const { file, pairs } = await run(`In the year 99999, on January 5, 99999, the code was ${'7'.repeat(100_000)}.`, { dateHint: ARTICLE_DATE });
    expect(pairs).toEqual([]);
    expect(rules(file)).toEqual(expect.arrayContaining(['implausible-year', 'not-a-date']));
  });

  it('emits only valid offsets into the body', async () => {
    const text = 'First paragraph, Jan 27.\n\nSecond one: yesterday and next week.';
    const { file } = await run(text, { dateHint: ARTICLE_DATE });
    const body = 'First paragraph, Jan 27.\n\nSecond one: yesterday and next week.';
    const dates = file.data.dates ?? [];
    expect(dates.map((d) => d.text)).toEqual(['Jan 27', 'yesterday', 'next week']);
    for (const d of dates) expect(body.slice(d.start, d.end)).toBe(d.text);
  });
});

describe('tagDates', () => {
  it('reads each block in its own language and never joins two blocks into one date', () => {
    const blocks = [
      { text: 'Talks ended on 27', start: 0, lang: 'eng' },
      { text: 'January was cold.', start: 19, lang: 'eng' },
      { text: 'Вчера шёл снег.', start: 38, lang: 'rus' },
    ];
    const { dates: found } = tagDates(blocks, { year: 2026, month: 1, day: 28 });
    expect(found.map((d) => `${d.text}=${d.value}@${d.start}`)).toEqual(['January=2026-01@19', 'Вчера=2026-01-27@38']);
  });

  it('works outside unified on blocks with offsets', () => {
    const { dates: found } = tagDates([{ text: 'It rained yesterday.', start: 10, lang: 'eng' }], { year: 2026, month: 1, day: 28 });
    expect(found).toEqual([{ text: 'yesterday', value: '2026-01-27', type: 'DATE', start: 20, end: 29 }]);
  });
});

// A document of Tuesday 2026-02-03: a weekday after a forward preposition ("für Mittwoch"; English
// has none unambiguous enough: "until Thursday, they had not called") or in a future sentence is
// the coming one, a weekday in a past-tense sentence the last one.
describe('tense and direction of weekdays, in the nine tabled languages', () => {
  const tuesday = { year: 2026, month: 2, day: 3 };
  const valueOf = (text: string, lang: string) => tagDates([{ text, start: 0, lang }], tuesday, lang).dates.map((d) => `${d.text}=${d.value}`);
  const cases: [string, string, string, string, string][] = [
    ['eng', 'Flights will resume on Wednesday.', 'Wednesday=2026-02-04', 'On Friday the minister said the talks had failed.', 'Friday=2026-01-30'],
    ['deu', 'Wegen des Streiks sind für Mittwoch alle Flüge gestrichen.', 'Mittwoch=2026-02-04', 'Am Freitag sagte der Minister, die Gespräche seien gescheitert.', 'Freitag=2026-01-30'],
    ['fra', 'Les vols sont annulés pour mercredi.', 'mercredi=2026-02-04', 'Vendredi, le ministre a déclaré que les négociations avaient échoué.', 'Vendredi=2026-01-30'],
    ['spa', 'Los vuelos están cancelados para el miércoles.', 'miércoles=2026-02-04', 'El viernes el ministro dijo que las negociaciones habían fracasado.', 'viernes=2026-01-30'],
    ['ita', 'I voli sono cancellati per mercoledì.', 'mercoledì=2026-02-04', 'Venerdì il ministro ha detto che i negoziati erano falliti.', 'Venerdì=2026-01-30'],
    ['por', 'Os voos estão cancelados para quarta-feira.', 'quarta-feira=2026-02-04', 'Na sexta-feira o ministro disse que as negociações fracassaram.', 'sexta-feira=2026-01-30'],
    ['rus', 'Рейсы на среду отменены.', 'среду=2026-02-04', 'В пятницу министр заявил, что переговоры провалились.', 'пятницу=2026-01-30'],
    ['ell', 'Οι πτήσεις για την Τετάρτη ακυρώθηκαν.', 'Τετάρτη=2026-02-04', 'Την Παρασκευή ο υπουργός δήλωσε ότι οι συνομιλίες απέτυχαν.', 'Παρασκευή=2026-01-30'],
    ['cmn', '航班定于周三恢复。', '周三=2026-02-04', '周五，部长表示谈判已经失败。', '周五=2026-01-30'],
  ];
  for (const [lang, future, futureValue, past, pastValue] of cases) {
    it(`${lang}: a weekday pointed ahead is the coming one, a past one the last one`, () => {
      expect(valueOf(future, lang)).toContain(futureValue);
      expect(valueOf(past, lang)).toContain(pastValue);
    });
  }

  it('finds a weekday with its part of the day glued on ("am Dienstagabend")', () => {
    expect(valueOf('Die Polizei nahm am Dienstagabend zwei Männer fest.', 'deu')).toEqual(['Dienstagabend=2026-02-03TEV']);
  });

  it('takes "30周年" for an anniversary count, not thirty weeks', () => {
    expect(valueOf('学校庆祝建校30周年。', 'cmn')).toEqual([]);
    expect(valueOf('工程用了30周。', 'cmn')).toEqual(['30周=P30W']);
  });

  it('reads 16/01/2012 day first where month first cannot be', () => {
    expect(valueOf('The report was filed on 16/01/2012 in London.', 'eng')).toEqual(['16/01/2012=2012-01-16']);
    expect(valueOf('The report was filed on 1/12/2012 in London.', 'eng')).toEqual(['1/12/2012=2012-01-12']);
  });
});
