// The built seed site, checked from outside: the Nu HTML Checker over every page, and in
// Chromium from file:// one page of each kind: no script error or Content-Security-Policy
// violation, nothing requested from outside, the stylesheet applied, and axe-core finding no
// WCAG 2.1 A/AA violation. Then the hostile fixtures of tests/fixtures/bad/ are opened the
// same way: none of what they carry may run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, launch, strictPage } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;
const vnuJar = require('vnu-jar');

const { RESGEN, RESGEN_SOURCE_DIR, RESGEN_WORK } = process.env;
mkdirSync(RESGEN_WORK, { recursive: true });

function build(content, name) {
  const out = join(RESGEN_WORK, name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(RESGEN, ['build', '--content', content, '--out', out], { stdio: 'ignore' });
  return out;
}

function pages(root) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) found.push(relative(root, p));
    }
  };
  walk(root);
  return found;
}

// One page of each kind: each page at the top (home, 404) and the first page of each folder
// outside the document tree (documents, timeline, search, compare, ... whichever exist), a
// document of the collection, one outside it, and one known by its id.
function pageKinds(root, all) {
  const picked = new Map();
  for (const p of all) {
    const html = readFileSync(join(root, p), 'utf8');
    let kind;
    if (!html.includes('<article class="document')) kind = p.includes('/') ? p.split('/')[0] : p;
    else if (p.startsWith('doc/')) kind = 'document without symbol';
    else if (html.includes('is-outside')) kind = 'outside document';
    else kind = 'document';
    if (kind && !picked.has(kind)) picked.set(kind, p);
  }
  return picked;
}

const started = Date.now();
const site = build(join(RESGEN_SOURCE_DIR, 'content'), 'validate-site');
const all = pages(site);
assert(all.length > 0, 'no pages built');
// The forms the seeds lack (decisions, early numbers, another organ): their pages too.
const forms = build(join(RESGEN_SOURCE_DIR, 'tests', 'fixtures', 'forms', 'content'), 'validate-forms');
const formPages = pages(forms);
assert(formPages.some((p) => p.startsWith('A/DEC/')), 'the forms fixture has no decision page');

// The Nu HTML Checker over every page, errors only.
let vnuOut = '';
try {
  execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'gnu',
    ...all.map((p) => join(site, p)), ...formPages.map((p) => join(forms, p))],
    { stdio: ['ignore', 'pipe', 'pipe'] });
} catch (e) {
  vnuOut = `${e.stdout}${e.stderr}`;
}
assert(vnuOut.trim() === '', `Nu HTML Checker:\n${vnuOut}`);
const vnuDone = Date.now();

const browser = await launch();
const failures = [];
try {
  for (const [kind, p] of pageKinds(site, all)) {
    const { context, page, external, errors } = await strictPage(browser);
    await page.goto(pathToFileURL(join(site, p)).href);
    // The stylesheet took effect (its rules cannot be read from file://, their effect can).
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position === 'absolute');
    // The page's own errors; axe's attempts to fetch stylesheets from file:// come after.
    const pageErrors = [...errors];
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    for (const v of result.violations)
      failures.push(`${kind} (${p}): ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
    if (!styled) failures.push(`${kind} (${p}): the stylesheet did not load from file://`);
    if (pageErrors.length) failures.push(`${kind} (${p}): errors: ${pageErrors.join('; ')}`);
    if (external.length) failures.push(`${kind} (${p}): requests outside the site: ${external.join(' ')}`);
    console.log(`axe ${kind}: ${p}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    await context.close();
  }

  // Hostile fixtures: whatever they carry calls pwned(); nothing may call it. One page that
  // shows the hostile text of each fixture is enough here: tests/safety_test.cpp checks every
  // page's markup.
  const bad = join(RESGEN_SOURCE_DIR, 'tests', 'fixtures', 'bad');
  const { context, page, external } = await strictPage(browser);
  await context.addInitScript(() => { window.pwned = () => { window.__pwned = true; }; });
  page.on('dialog', (d) => { failures.push(`a dialog opened on ${page.url()}`); d.dismiss(); });
  for (const name of readdirSync(bad).filter((n) => n.startsWith('hostile-')).sort()) {
    const out = build(join(bad, name), `hostile-${name}`);
    const built = pages(out);
    const shown = built.filter((p) => readFileSync(join(out, p), 'utf8').includes('pwned'));
    // The search page too, searching for the hostile text: its results are built in the page.
    const urls = shown.filter((p) => !p.startsWith('search/')).slice(0, 2).map((p) => pathToFileURL(join(out, p)).href);
    if (built.includes('search/index.html'))
      urls.push(`${pathToFileURL(join(out, 'search', 'index.html')).href}?q=pwned`);
    for (const url of urls) {
      await page.goto(url);
      if (await page.evaluate(() => window.__pwned === true)) failures.push(`${name}: hostile script ran on ${url}`);
    }
  }
  if (external.length) failures.push(`hostile fixtures: requests outside the site: ${external.join(' ')}`);
  await context.close();
} finally {
  await browser.close();
}
assert(failures.length === 0, failures.join('\n'));
console.log(`validate: ${all.length} pages valid HTML (vnu ${((vnuDone - started) / 1000).toFixed(1)} s), ` +
  `axe and hostile fixtures ${((Date.now() - vnuDone) / 1000).toFixed(1)} s`);
