// The field office's walk: the bundle unzipped and opened from file:// with every request that
// would leave the machine blocked. Home -> a document -> its Recalling link -> the recalled page;
// the timeline; a search for "handbook" finds 59/154. No external request, no script error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, strictPage, assert } from './lib.mjs';

const work = path.join(process.env.RESGEN_WORK, 'offline');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const zip = path.join(work, 'kidnapping.zip');
execFileSync(process.env.RESGEN, ['bundle', '--content', path.join(process.env.RESGEN_SOURCE_DIR, 'content'), '--out', zip],
  { stdio: 'inherit' });
execFileSync('unzip', ['-q', zip, '-d', work]);
const site = path.join(work, 'kidnapping');

// Static rules every page of the bundle keeps: what a page loads is inside the bundle, links
// inside the site name a file (index.html), and no script is a module or calls fetch().
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const files = walk(site);
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const html = fs.readFileSync(file, 'utf8');
  const rel = path.relative(site, file);
  assert(!/type="module"/.test(html), `${rel}: module script`);
  for (const [, attr, raw] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
    const url = raw.replaceAll('&amp;', '&');
    if (url.startsWith('#')) continue;
    if (/^[a-z]+:/i.test(url)) {
      // Only plain links may leave the site (the official copy on undocs.org); nothing loaded may.
      assert(attr === 'href' && /^https:\/\//.test(url), `${rel}: ${attr}=${url}`);
      continue;
    }
    const target = url.split('#')[0].split('?')[0];
    assert(!target.endsWith('/') && target !== '', `${rel}: link does not name a file: ${url}`);
    assert(fs.existsSync(path.resolve(path.dirname(file), target)), `${rel}: broken link ${url}`);
  }
  for (const [, src] of html.matchAll(/<(?:script|img)[^>]*\ssrc="([^"]*)"/g))
    assert(!/^[a-z]+:/i.test(src), `${rel}: loads ${src}`);
  for (const [, href] of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]*)"/g))
    assert(!/^[a-z]+:/i.test(href), `${rel}: loads ${href}`);
}
for (const file of files.filter((f) => f.endsWith('.js')))
  assert(!/\bfetch\s*\(|\bimport\s*\(/.test(fs.readFileSync(file, 'utf8')), `${file}: fetch or dynamic import`);

const browser = await launch();
try {
  const { page, external, errors } = await strictPage(browser);
  const home = pathToFileURL(path.join(site, 'index.html')).href;
  await page.goto(home);
  assert((await page.title()).includes('kidnapping'), 'home page title');

  // Home -> a document.
  await page.locator('.series a', { hasText: 'A/RES/59/154' }).click();
  await page.waitForURL(/A\/RES\/59\/154\/index\.html$/);
  assert((await page.locator('.doc-symbol').innerText()).includes('A/RES/59/154'), 'document page shows its symbol');

  // Its Recalling link -> the recalled page.
  const recalling = page.locator('p.clause.pp', { hasText: /^¶?\s*Recalling/ }).locator('a.cite').first();
  const symbol = await recalling.getAttribute('data-symbol');
  await recalling.click();
  await page.waitForURL(new RegExp(symbol.replaceAll('/', '\\/') + '\\/index\\.html$'));
  assert((await page.locator('h1').innerText()).length > 0, 'recalled page has a heading');
  assert((await page.content()).includes(symbol), `recalled page names ${symbol}`);

  // The timeline.
  await page.locator('.site-nav a', { hasText: 'Timeline' }).click();
  await page.waitForURL(/timeline\/index\.html$/);
  assert(await page.locator('figure.timeline svg a').count() >= 5, 'timeline marks');

  // A search from the header box: "handbook" finds 59/154, and its result leads to the paragraph.
  await page.fill('#site-search', 'handbook');
  await page.press('#site-search', 'Enter');
  await page.waitForURL(/search\/index\.html\?q=handbook$/);
  const hit = page.locator('#search-results a[href*="A/RES/59/154/index.html#"]').first();
  await hit.waitFor();
  const status = await page.locator('#search-status').innerText();
  assert(/match/.test(status), `search status: ${status}`);
  await hit.click();
  await page.waitForURL(/A\/RES\/59\/154\/index\.html#/);
  const anchor = new URL(page.url()).hash.slice(1);
  assert((await page.locator(`[id="${anchor}"]`).innerText()).toLowerCase().includes('handbook'),
    'the result leads to the paragraph that says it');

  // A symbol and a hyphenated word, typed on the search page itself.
  await page.goto(pathToFileURL(path.join(site, 'search', 'index.html')).href + '?q=59%2F154');
  const first = await page.locator('#search-results li a').first().getAttribute('href');
  assert(first === '../A/RES/59/154/index.html', `"59/154" ranks the resolution first, got ${first}`);
  await page.fill('#q', 'money-laundering');
  await page.locator('#search-status', { hasText: 'money-laundering' }).waitFor();
  assert(await page.locator('#search-results li').count() > 0, '"money-laundering" finds paragraphs');
  await page.fill('#q', 'E/CN.15');
  await page.locator('#search-results a[href="../E/CN.15/2004/7/index.html"]').waitFor();

  assert(external.length === 0, `requests left the machine: ${external.join(', ')}`);
  assert(errors.length === 0, `script errors: ${errors.join('; ')}`);
  console.log(`offline walk passed: ${files.length} files, ${fs.statSync(zip).size} bytes zipped`);
} finally {
  await browser.close();
}
