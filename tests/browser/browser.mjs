// Helpers for the headless Chromium tests: Debian's /usr/bin/chromium driven by
// playwright-core (which downloads no browser), with the flags that keep it quiet and
// offline (docs/toolchain.md, trap 5); pages that record every console error; screenshots.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

// The Chromium to drive: the environment variable LAYERWISE_CHROMIUM when set (another
// distribution's path, e.g. /usr/bin/chromium-browser), else Debian's.
export const chromiumPath = process.env.LAYERWISE_CHROMIUM || '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium; close it with `await browser.close()`. */
export function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true, ...options });
}

/**
 * One static server (web/ on a free port) and one Chromium for a test file: registers the
 * before/after hooks and returns { server, browser }, filled in once `before` has run.
 */
export function serveAndLaunch() {
  const web = { server: null, browser: null };
  before(async () => {
    web.server = await startServer({ port: 0 });
    web.browser = await launchBrowser();
  });
  after(async () => {
    await web.browser?.close();
    await web.server?.close();
  });
  return web;
}

/**
 * Opens url in a new page (own context, so storage starts empty) and records console
 * errors (a 404 is one, a missing favicon included), uncaught exceptions and failed
 * requests of the page and its workers into `errors` (strings).
 * Options: viewport {width, height}, locale (e.g. 'ko-KR').
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors = [];
  // Chromium reports workers' console errors and uncaught errors on the page too.
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url: src, lineNumber } = msg.location();
      errors.push(`console error: ${msg.text()}${src ? ` (${src}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  await page.goto(url);
  return { page, context, errors };
}

/** Saves a full-page screenshot to path, creating its folder. */
export async function screenshot(page, path) {
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
