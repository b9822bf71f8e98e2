// The web publisher's check: the site built with a base URL and served under a sub-path, as
// GitHub Pages serves a project site (404.html for every missing path), then crawled over http
// following every link and anchor. Zero broken links; sitemap, feed and robots name real pages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { assert } from './lib.mjs';

const work = path.join(process.env.RESGEN_WORK, 'subpath');
const root = path.join(work, 'root');
const prefix = '/sub/';
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(root, { recursive: true });

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.xml': 'application/xml', '.txt': 'text/plain' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(root, decodeURIComponent(url.pathname));
  if (!file.startsWith(root)) file = '';
  if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (file && fs.existsSync(file)) {
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    return res.end(fs.readFileSync(file));
  }
  res.writeHead(404, { 'content-type': types['.html'] });
  res.end(fs.readFileSync(path.join(root, prefix, '404.html')));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const base = origin + prefix;

try {
  execFileSync(process.env.RESGEN, ['build', '--content', path.join(process.env.RESGEN_SOURCE_DIR, 'content'),
    '--out', path.join(root, prefix), '--base-url', base], { stdio: 'inherit' });

  const pages = new Map();  // url without fragment -> { status, body }
  async function get(url) {
    if (!pages.has(url)) {
      const res = await fetch(url);
      pages.set(url, { status: res.status, type: res.headers.get('content-type'), body: await res.text() });
    }
    return pages.get(url);
  }
  const decode = (s) => s.replaceAll('&amp;', '&');
  const broken = [];
  const external = new Set();
  const seen = new Set();
  const queue = [base + 'index.html'];
  // Pages reached from outside the link graph: what sitemap.xml, feed.xml and robots.txt name,
  // and the 404 page as GitHub serves it deep under the sub-path.
  for (const file of ['sitemap.xml', 'feed.xml']) {
    const { status, body } = await get(base + file);
    assert(status === 200, `${file} served`);
    const urls = [...body.matchAll(/<loc>([^<]*)<\/loc>|<link[^>]*href="([^"]*)"/g)].map((m) => decode(m[1] || m[2]));
    assert(urls.length > 0, `${file} names pages`);
    for (const u of urls) {
      assert(u.startsWith(base), `${file}: not absolute under the base URL: ${u}`);
      queue.push(u);
    }
  }
  const robots = (await get(base + 'robots.txt')).body;
  assert(robots.includes(`Sitemap: ${base}sitemap.xml`), 'robots.txt names the sitemap');
  // GitHub serves 404.html at the missing address itself: its links must work from any depth.
  const missingUrl = base + 'no/such/page/here/index.html';
  const missing = await get(missingUrl);
  assert(missing.status === 404 && missing.body.includes('Page not found'), '404 page served for a missing path');

  async function follow(url, body) {
    for (const [, attr, raw] of body.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
      if (raw.startsWith('#')) {  // an anchor on this very page
        if (!body.includes(`id="${decodeURIComponent(raw.slice(1))}"`)) broken.push(`${url}: no anchor ${raw}`);
        continue;
      }
      const target = new URL(decode(raw), url);
      if (target.origin !== origin) { external.add(target.origin); continue; }
      if (!target.pathname.startsWith(prefix)) { broken.push(`${url}: leaves the sub-path: ${raw}`); continue; }
      if (attr !== 'action' && !/\.[a-z]+$/.test(target.pathname))
        broken.push(`${url}: link does not name a file: ${raw}`);
      const page = target.origin + target.pathname;
      if (target.hash) {
        const t = await get(page);
        const id = decodeURIComponent(target.hash.slice(1));
        if (t.status !== 200 || !t.body.includes(`id="${id}"`)) broken.push(`${url}: no anchor ${raw}`);
      }
      if (!seen.has(page)) queue.push(page);
    }
  }
  await follow(missingUrl, missing.body);
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const { status, type, body } = await get(url);
    if (status !== 200) { broken.push(`${url}: ${status}`); continue; }
    if (type.startsWith('text/html')) await follow(url, body);
  }
  assert(broken.length === 0, `broken links:\n${broken.join('\n')}`);
  const html = [...pages.values()].filter((p) => p.type.startsWith('text/html')).length;
  assert(html >= 15, `crawled only ${html} pages`);
  console.log(`sub-path crawl passed: ${seen.size} addresses, ${html} HTML pages, 0 broken; ` +
    `external link targets (not fetched): ${[...external].join(', ') || 'none'}`);
} finally {
  server.close();
}
