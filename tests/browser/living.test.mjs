// The living text in a browser, from file:// and with JavaScript off: a paragraph's genealogy
// opens on a click and is left out of print; a document leads to its compare page, whose
// deleted and inserted words are struck through and underlined, not only coloured.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, assert } from './lib.mjs';

const work = path.join(process.env.RESGEN_WORK, 'living');
fs.rmSync(work, { recursive: true, force: true });
const site = path.join(work, 'site');
execFileSync(process.env.RESGEN, ['build', '--content', path.join(process.env.RESGEN_SOURCE_DIR, 'content'), '--out', site],
  { stdio: 'inherit' });

const browser = await launch();
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) =>
    new URL(route.request().url()).protocol === 'file:' ? route.continue() : route.abort());
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(site, 'A/RES/59/154/index.html')).href);

  // The genealogy of pp1: closed, opened by its summary, naming where the language began.
  const details = page.locator('#pp1 + details.genealogy');
  assert(!(await details.evaluate((d) => d.open)), 'genealogy starts closed');
  assert((await details.locator('summary').innerText()).includes('since E/RES/2003/28 pp1'), 'genealogy summary');
  await details.locator('summary').click();
  assert(await details.evaluate((d) => d.open), 'genealogy opens without JavaScript');
  assert(await details.locator('a', { hasText: 'E/RES/2006/19 pp1' }).isVisible(), 'later text listed');

  // Left out of print.
  await page.emulateMedia({ media: 'print' });
  assert((await details.evaluate((d) => getComputedStyle(d).display)) === 'none', 'genealogy hidden in print');
  await page.emulateMedia({ media: 'screen' });

  // The document links its compare page with the draft.
  await page.locator('.comparisons a', { hasText: 'Commission draft resolution of 12 May 2004 and A/RES/59/154' }).click();
  await page.waitForURL(/compare\/doc_ccpcj-2004-colombia-draft__A_RES_59_154\/index\.html$/);
  const summary = await page.locator('.cmp-summary').innerText();
  assert(summary.includes('16 paragraphs unchanged, 9 amended, 0 new, 0 dropped'), `compare summary: ${summary}`);
  const row = page.locator('#c-op7d');
  assert((await row.locator('.cmp-change').innerText()).toLowerCase() === 'amended', 'op7 (d) amended');
  const decoration = (sel) => row.locator(sel).first().evaluate((e) => getComputedStyle(e).textDecorationLine);
  assert((await decoration('del')).includes('line-through'), 'deleted words struck through');
  assert((await decoration('ins')).includes('underline'), 'inserted words underlined');
  await page.emulateMedia({ media: 'print' });
  assert((await decoration('del')).includes('line-through'), 'deleted words struck through on paper');
} finally {
  await browser.close();
}
console.log('living text: genealogy and compare pages work from file:// without JavaScript');
