// The live preview as an editor uses it: `resgen serve` on a copy of content/, a document page
// open in Chromium; editing the content file reloads the page with the change, an error is
// shown over the page until it is fixed, and nothing is requested outside the machine.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, launch, strictPage } from './lib.mjs';

const work = join(process.env.RESGEN_WORK, 'serve');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const content = join(work, 'content');
cpSync(join(process.env.RESGEN_SOURCE_DIR, 'content'), content, { recursive: true });
const file = join(content, 'E-RES-2003-28.md');
const original = readFileSync(file, 'utf8');

const server = spawn(process.env.RESGEN, ['serve', '--port', '0', '--content', content, '--out', join(work, 'site')],
                     { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
server.stdout.on('data', (d) => { output += d; });
server.stderr.on('data', (d) => { output += d; });
const deadline = setTimeout(() => { console.error('timed out\n' + output); server.kill('SIGKILL'); process.exit(1); }, 120000);

function edit(from, to) {
  const text = readFileSync(file, 'utf8');
  assert(text.includes(from), `${from} not in the file`);
  writeFileSync(file, text.replace(from, to));
}

let browser;
try {
  const base = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start:\n' + output)), 60000);
    server.stdout.on('data', () => {
      const m = output.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

  browser = await launch();
  const { page, external, errors } = await strictPage(browser);
  await page.goto(base + 'E/RES/2003/28/index.html');
  await page.waitForSelector('html[data-resgen-live]', { timeout: 10000 });
  assert((await page.textContent('body')).includes('Vigorously condemns'), 'the page shows the text');

  // An edit: the page reloads by itself and shows it.
  edit('Vigorously condemns', 'Firmly condemns');
  await page.waitForFunction(() => document.body.textContent.includes('Firmly condemns'), null, { timeout: 10000 });
  await page.waitForSelector('html[data-resgen-live]', { timeout: 10000 });

  // An error: shown over the page, with file:line:col, while the last good page stays.
  edit('date: 2003-07-22', 'date: 2003-13-45');
  const overlay = await page.waitForSelector('#resgen-build-error', { timeout: 10000 });
  const message = await overlay.textContent();
  assert(/E-RES-2003-28\.md:\d+:\d+: error/.test(message), 'the overlay names file:line:col: ' + message);
  const served = await (await fetch(base + 'E/RES/2003/28/index.html')).text();
  assert(served.includes('Firmly condemns'), 'the last good page is still served');

  // Fixed: the overlay goes and the page is the new good one.
  edit('date: 2003-13-45', 'date: 2003-07-22');
  await page.waitForFunction(() => !document.getElementById('resgen-build-error'), null, { timeout: 15000 });
  await page.waitForSelector('html[data-resgen-live]', { timeout: 10000 });
  assert((await page.textContent('body')).includes('Firmly condemns'), 'the fixed page shows the edit');

  // Paths outside the site are not served.
  const outside = await fetch(base + '..%2f..%2fcontent/E-RES-2003-28.md');
  assert(outside.status === 404, 'a path out of the folder is 404, got ' + outside.status);

  assert(external.length === 0, 'requests left the machine: ' + external.join(', '));
  assert(errors.length === 0, 'script errors: ' + errors.join('; '));
  console.log('serve: edit reloaded, error shown and cleared');
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => { if (server.exitCode !== null) resolve(); else server.on('exit', resolve); });
  clearTimeout(deadline);
  writeFileSync(file, original);
}
