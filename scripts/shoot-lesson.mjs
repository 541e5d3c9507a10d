// Screenshots of lesson pages for looking at while writing them (not a test):
//   node scripts/shoot-lesson.mjs <id|index> [lang=en] [width=1280] [out=test-results/lessons/<id>-<lang>-<width>.png]
// With SECTIONS=1, also one picture per section (<out without .png>-<section>.png), which the
// image viewer shows at full size where a whole tall page would be shrunk.
// Serves web/ on a free port, opens the page in headless Chromium, waits for the lesson to be
// ready, prints any console errors and the task states, and saves a full-page screenshot.
import { startServer } from './serve.mjs';
import { launchBrowser, openPage, screenshot } from '../tests/browser/browser.mjs';

const [id = 'input', lang = 'en', width = '1280', outArg] = process.argv.slice(2);
const out = outArg ?? `test-results/lessons/${id}-${lang}-${width}.png`;
const server = await startServer({ port: 0 });
const browser = await launchBrowser();
try {
  const path = id === 'index' ? `lessons/index.html?lang=${lang}` : `lessons/lesson.html?id=${id}&lang=${lang}`;
  const { page, errors } = await openPage(browser, server.url + path, { viewport: { width: Number(width), height: 900 } });
  if (id !== 'index') {
    await page.waitForFunction(() => window.layerwiseLesson?.ready).catch(() => {});
    await page.evaluate(() => window.layerwiseLesson.ready);
  }
  await page.waitForTimeout(1500);
  if (id !== 'index') {
    const tasks = await page.evaluate(() => Object.fromEntries(Object.entries(window.layerwiseLesson.tasks).map(([k, v]) => [k, v.done])));
    console.log('tasks', JSON.stringify(tasks));
  }
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (scroll > 0) console.log(`sideways scroll: ${scroll}px`);
  console.log(errors.length ? errors.join('\n') : 'no console errors');
  console.log(await screenshot(page, out));
  if (process.env.SECTIONS) {
    const boxes = await page.$$eval('main > section', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.id, y: r.top + window.scrollY, height: r.height };
    }));
    // pieces of at most 1600 px, which the viewer shows at full size
    const most = 1600;
    for (const { id: section, y, height } of boxes) {
      for (let top = 0, k = 0; top < height; top += most, k++) {
        const path = out.replace(/\.png$/, `-${section}${height > most ? `-${k + 1}` : ''}.png`);
        await page.screenshot({ path, fullPage: true, clip: { x: 0, y: y + top, width: Number(width), height: Math.min(most, height - top) } });
        console.log(path);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
