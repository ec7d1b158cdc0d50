// Generates names.json: month and weekday names per language, from the CLDR data that ships
// inside Node's ICU (Intl.DateTimeFormat). Run: npx tsx stages/dates/data/build-names.ts
// The output is committed so that the stage does not depend on the ICU build of the machine.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** ISO 639-3 -> BCP 47 locale used to ask ICU. */
const LOCALES: Record<string, string> = {
  eng: 'en', ell: 'el', rus: 'ru', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', cmn: 'zh',
  nld: 'nl', pol: 'pl', ukr: 'uk', tur: 'tr', swe: 'sv', ron: 'ro', ces: 'cs',
};

const clean = (s: string) => s.normalize('NFC').replace(/\.$/, '').trim().toLowerCase();

function monthForms(locale: string, month: number): string[] {
  const d = new Date(Date.UTC(2001, month - 1, 15));
  const forms = new Set<string>();
  for (const width of ['long', 'short'] as const) {
    // stand-alone form ("январь") and format form inside a day-month date ("15 января").
    forms.add(clean(new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(d)));
    const parts = new Intl.DateTimeFormat(locale, { month: width, day: 'numeric', timeZone: 'UTC' }).formatToParts(d);
    const m = parts.find((p) => p.type === 'month');
    if (m) forms.add(clean(m.value));
  }
  return [...forms].filter((f) => f !== '' && !/^\d+$/.test(f));
}

function weekdayForms(locale: string, isoDay: number): string[] {
  // 2001-01-01 was a Monday (ISO day 1).
  const d = new Date(Date.UTC(2001, 0, isoDay));
  const forms = new Set<string>();
  for (const width of ['long', 'short'] as const) {
    forms.add(clean(new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(d)));
  }
  return [...forms].filter((f) => f !== '');
}

const out: Record<string, { months: string[][]; weekdays: string[][] }> = {};
for (const [code, locale] of Object.entries(LOCALES)) {
  out[code] = {
    months: Array.from({ length: 12 }, (_, i) => monthForms(locale, i + 1)),
    weekdays: Array.from({ length: 7 }, (_, i) => weekdayForms(locale, i + 1)),
  };
}
const target = path.join(import.meta.dirname, 'names.json');
writeFileSync(
  target,
  `${JSON.stringify({ source: `CLDR via Node ${process.versions.node} ICU ${process.versions.icu} (Intl.DateTimeFormat)`, languages: out }, null, 1)}\n`,
);
console.log(`wrote ${target}`);
