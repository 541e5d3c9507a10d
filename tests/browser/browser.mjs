// Helpers for the headless Chromium tests: Debian's /usr/bin/chromium driven by
// playwright-core (which downloads no browser), with the flags that keep it quiet and
// offline (docs/toolchain.md, trap 5); pages that record every console error; screenshots.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
 * The site and a course page on another origin, for the embedding tests: two servers on free
 * ports, the site's (web/) and one serving a temporary folder whose index.html is
 * coursePage(siteUrl). Registers the before/after hooks and returns { site, course, browser },
 * filled in once `before` has run (site.url and course.url end in '/').
 */
export function siteAndCourse(coursePage) {
  const web = { site: null, course: null, browser: null };
  let dir;
  before(async () => {
    web.site = await startServer({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'lw-course-'));
    await writeFile(join(dir, 'index.html'), coursePage(web.site.url));
    web.course = await startServer({ root: dir, port: 0 });
    web.browser = await launchBrowser();
  });
  after(async () => {
    await web.browser?.close();
    await web.course?.close();
    await web.site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return web;
}

/**
 * Opens url in a new page and records console errors (a 404 is one, a missing favicon
 * included), uncaught exceptions and failed requests of the page and its workers into
 * `errors` (strings). The page gets a context of its own (so storage starts empty) made with
 * viewport {width, height}, locale (e.g. 'ko-KR') and any other context option (hasTouch,
 * isMobile, ...); or, given `context`, opens in that one (its storage shared with the pages
 * already there; the caller closes it).
 */
export async function openPage(browser, url, { context: shared, viewport = { width: 1280, height: 800 }, locale = 'en-US', ...options } = {}) {
  const context = shared ?? await browser.newContext({ viewport, locale, ...options });
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

/**
 * Waits until the page's first <name> element (layerwise-playground, layerwise-sketch) is
 * defined and its `ready` promise has settled: it can take commands.
 */
export function elementReady(page, name) {
  return page.evaluate(async (tag) => {
    await customElements.whenDefined(tag);
    await document.querySelector(tag).ready;
  }, name);
}

/** The text of the message line in the shadow root of the page's first <name> ('' when hidden). */
export function messageOf(page, name) {
  return page.evaluate((tag) => {
    const m = document.querySelector(tag).shadowRoot.querySelector('.message');
    return m.hidden ? '' : m.textContent;
  }, name);
}

/**
 * Resolves after n animation frames of the page (default 2): "after the next render". A render
 * an element scheduled with requestAnimationFrame before this call runs in the first of them
 * (callbacks run in the order they were asked for); the second begins after the first frame
 * was painted, and runs what was scheduled during it.
 */
export function nextFrames(page, n = 2) {
  return page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, n);
}

/** Saves a full-page screenshot to path, creating its folder. */
export async function screenshot(page, path) {
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
