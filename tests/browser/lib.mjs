// Shared helpers for the browser tests: launch Debian's Chromium through playwright-core,
// with every request that leaves the machine recorded (and blocked).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

// A page whose requests outside file:// and loopback are aborted and listed in `external`,
// and whose script errors are listed in `errors`.
export async function strictPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const external = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'file:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (local) return route.continue();
    external.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, external, errors };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
