// The report of the five samples, opened from the disk (file://) in headless Chromium: Debian's
// `chromium` package, driven by playwright-core (.ci/run installs it). Where no browser is
// installed the tests are skipped, saying so; they never pass without one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/run/run.ts';
import { buildReport } from './build.ts';

const CHROMIUM = process.env.NEWSNORM_CHROMIUM ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
if (!hasBrowser) {
  console.warn(`report/browser.test.ts: SKIPPED, no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium, or set NEWSNORM_CHROMIUM)`);
}
const ROOT = path.resolve(import.meta.dirname, '..');
const SCREENSHOTS = path.join(ROOT, 'out', 'report');

describe.skipIf(!hasBrowser)('the run report in a browser', () => {
  let browser: Browser;
  let page: Page;
  let out: string;
  // biome-ignore lint: run.json as written.
  let run: Record<string, any>;

  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'newsnorm-report-')), 'out');
    await runPipeline({ inputs: [path.join(ROOT, 'samples')], out });
    run = JSON.parse(readFileSync(path.join(out, 'run.json'), 'utf8'));
    const report = await buildReport(out);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--allow-file-access-from-files'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Offline: any request that is not a file of the report fails the test.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(report.index).href);
    await page.waitForSelector('#documents tbody tr');
    expect(requests).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the run summary with the counts of run.json, its charts drawn', async () => {
    expect(await page.textContent('[data-figure=documents]')).toBe(String(run.documents));
    expect(await page.textContent('[data-figure=failed]')).toBe(String(run.failed));
    for (const [reason, characters] of Object.entries(run.removedCharacters as Record<string, number>)) {
      const cells = await page.locator(`#table-removed tr[data-key="${reason}"] td`).allTextContents();
      expect(cells[2]?.replace(/,/g, '')).toBe(String(characters));
    }
    // Chart.js drew on every canvas (a canvas it never touched has no chart instance).
    const charts = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart.getChart(c) !== undefined));
    expect(charts).toEqual([true, true, true, true]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'summary.png'), fullPage: true });
  });

  it('searches and sorts the document list', async () => {
    expect(await page.locator('#documents tbody tr').count()).toBe(5);
    await page.fill('#search', 'bankingnews');
    await page.fill('#search', '003');
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 1);
    await page.fill('#search', '');
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 5);
    await page.click('#documents th[data-sort="3"]');
    const removed = (await page.locator('#documents tbody tr td:nth-child(4)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(removed).toEqual([...removed].sort((a, b) => b - a));
  });

  it('marks in place what each stage did to the bankingnews document (003)', async () => {
    await page.fill('#search', '003');
    await page.waitForFunction(() => document.querySelectorAll('#documents tbody tr').length === 1);
    await page.click('#documents tbody tr a');
    await page.waitForSelector('#doc-text[data-view=final]');
    // The final text: Sergei Shoigu highlighted, his canonical name on hover.
    const shoigu = page.locator('mark.person[title="Sergei Shoigu"]');
    expect(await shoigu.count()).toBeGreaterThan(0);
    const finalText = await page.textContent('#doc-text');

    await page.click('#stage-switch button[data-view=chrome]');
    await page.waitForSelector('#doc-text[data-view=chrome]');
    // The Greek menu lines, struck through by chrome as navigation, in blocks the margin says are Greek.
    const navigation = page.locator('.blk[data-lang=ell] del.rm[data-stage=chrome][data-rule=navigation]');
    const greek = await navigation.allTextContents();
    expect(greek).toContain('Τελευταία Νέα');
    expect(greek).toContain('Ροή Ειδήσεων');
    expect(await navigation.first().getAttribute('title')).toBe('chrome · navigation');
    expect(await page.locator('.blk[data-lang=ell] .lang.foreign').count()).toBeGreaterThan(0);
    const images = await page.locator('del.rm[data-rule=image-token]').allTextContents();
    expect(images).toEqual(['1_1462.JPG', '2_998.JPG', '3_621.JPG', '4_670.jpg']);
    const chromeText = await page.textContent('#doc-text');
    expect(chromeText).not.toBe(finalText);
    await page.screenshot({ path: path.join(SCREENSHOTS, '003.png'), fullPage: true });

    // Stepping the switch changes the text: after chrome the struck pieces are gone.
    await page.click('#view-next');
    await page.waitForSelector('#doc-text[data-view=names]');
    expect(await page.textContent('#doc-text')).not.toBe(chromeText);
    expect(await page.locator('del.rm').count()).toBe(0);
    await page.click('#view-previous');
    await page.click('#view-previous');
    await page.waitForSelector('#doc-text[data-view=language]');
    expect(await page.locator('.blk[data-lang=ell]').count()).toBeGreaterThan(0);
    await page.click('#stage-switch button[data-view=repair]');
    await page.waitForSelector('#doc-text[data-view=repair]');
    // The one look-alike letter repair: before → after, in place.
    expect(await page.locator('.fix[data-rule=lookalike] ins').allTextContents()).toEqual(['ο']);
    expect(await page.textContent('#doc-text')).not.toBe(chromeText);
  });
});

// A large run's report, when NEWSNORM_REPORT_OUT names its output folder (measured once by hand,
// not in `npm test`: building the report of 10,000 documents takes half a minute):
//   NEWSNORM_REPORT_OUT=/tmp/out npx vitest run report/browser.test.ts
const LARGE = process.env.NEWSNORM_REPORT_OUT;
describe.skipIf(!hasBrowser || LARGE === undefined)('the report of a large run', () => {
  it('opens, pages, sorts and opens a document in under 2 seconds each', async () => {
    const index = path.join(LARGE as string, 'report', 'index.html');
    if (!existsSync(index)) await buildReport(LARGE as string);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const timed = async (what: string, action: () => Promise<unknown>) => {
        const t0 = performance.now();
        await action();
        const ms = performance.now() - t0;
        console.log(`large report: ${what} in ${Math.round(ms)} ms`);
        return ms;
      };
      const times = [
        await timed('opened (summary, charts, first page of the list)', async () => {
          await page.goto(pathToFileURL(index).href);
          await page.waitForSelector('#documents tbody tr');
        }),
        await timed('next page', async () => {
          await page.click('#page-next');
          await page.waitForFunction(() => document.querySelector('#page-label')?.textContent?.startsWith('page 2 '));
        }),
        await timed('sorted by characters removed', async () => {
          await page.click('#documents th[data-sort="3"]');
          await page.waitForSelector('#documents th.desc');
        }),
        await timed('searched for one id', async () => {
          const id = await page.evaluate(() => (window as unknown as { newsnormRows(): string[][] }).newsnormRows().at(-1)?.[0] as string);
          await page.fill('#search', id);
          await page.waitForFunction(() => document.querySelector('#list-count')?.textContent?.startsWith('1 of'));
        }),
        await timed('opened the first document of the list', async () => {
          await page.click('#documents tbody tr a');
          await page.waitForSelector('#doc-text[data-view=final]');
        }),
        await timed('stepped to its chrome view', async () => {
          await page.click('#stage-switch button[data-view=chrome]');
          await page.waitForSelector('#doc-text[data-view=chrome]');
        }),
      ];
      for (const ms of times) expect(ms).toBeLessThan(2000);
    } finally {
      await browser.close();
    }
  });
});
