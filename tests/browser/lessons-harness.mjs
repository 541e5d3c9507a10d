// Shared set-up for the lesson tests: one static server and one Chromium per test file, and a
// page opened on a lesson with empty storage, ready to be driven; and what every lesson test
// reads off a page (its formulas, its sideways scroll, its code comments).
//
//   import { lessonSuite } from './lessons-harness.mjs';
//   const suite = lessonSuite();             // before/after hooks start and stop server + browser
//   test('...', async () => {
//     const { page, errors, close } = await suite.open('input', 'en');   // lesson ready, tasks started
//     assert.equal(await suite.taskDone(page, 'draw'), false);
//     ...; await suite.waitTask(page, 'draw');                           // throws on timeout
//     assert.deepEqual(errors, []);
//     await close();
//   });
//   await page.reload(); await suite.ready(page);                        // after a navigation
import { openPage, screenshot, serveAndLaunch } from './browser.mjs';

export const LESSON_IDS = ['input', 'hidden', 'output', 'init', 'loss', 'backprop', 'optim', 'together'];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function lessonSuite() {
  const web = serveAndLaunch();
  /** Waits until the lesson the page shows is ready: its widgets built, the reader's place restored. */
  const ready = async (page) => {
    await page.waitForFunction(() => window.layerwiseLesson?.ready);
    await page.evaluate(() => window.layerwiseLesson.ready);
  };
  return {
    get url() { return web.server.url; },
    get browser() { return web.browser; },
    /** Opens lessons/lesson.html?id=&lang= and waits for the lesson to be ready. */
    async open(id, lang = 'en', { viewport = DESKTOP, hash = '' } = {}) {
      const { page, context, errors } = await openPage(web.browser,
        `${web.server.url}lessons/lesson.html?id=${id}&lang=${lang}${hash}`, { viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      await ready(page);
      return { page, context, errors, close: () => context.close() };
    },
    ready,
    /** Opens any page under web/ (e.g. 'lessons/index.html?lang=ko'). */
    openPath(path, options) {
      return openPage(web.browser, web.server.url + path, options);
    },
    taskDone: (page, task) => page.evaluate((t) => {
      const entry = window.layerwiseLesson.tasks[t];
      if (!entry) throw new Error(`no task "${t}"`);
      return entry.done;
    }, task),
    waitTask: (page, task, timeout = 30_000) => page.waitForFunction((t) => window.layerwiseLesson.tasks[t]?.done, task, { timeout }),
    /** Trains a playground widget for n epochs (its step()) and returns the epoch detail. */
    step: (page, widget, n) => page.evaluate(([w, k]) => window.layerwiseLesson.widgets[w].element.step(k), [widget, n]),
    /** Changes a playground widget's state keys. */
    setState: (page, widget, changes) => page.evaluate(([w, c]) => { window.layerwiseLesson.widgets[w].element.state = c; }, [widget, changes]),
    screenshot,
  };
}

/** The page's formulas: {rendered: KaTeX formulas, broken: KaTeX error boxes}. */
export const formulas = (page) => page.evaluate(() => ({
  rendered: document.querySelectorAll('.katex').length,
  broken: document.querySelectorAll('.katex-error').length,
}));

/**
 * How far the page, or any code block in it, scrolls sideways, in px (0 or less: everything
 * fits its width; on a narrow screen the code blocks wrap their lines).
 */
export const sideways = (page) => page.evaluate(() => Math.max(
  document.documentElement.scrollWidth - document.documentElement.clientWidth,
  ...[...document.querySelectorAll('pre')].map((pre) => pre.scrollWidth - pre.clientWidth)));

/** The code blocks' comment lines as shown: [line, has Korean]. */
export const codeComments = (page) => page.$$eval('figure.code pre code', (blocks) => blocks.flatMap((b) => b.textContent.split('\n'))
  .filter((line) => /(^|\s)(#|\/\/) /.test(line)).map((line) => [line, /[\uac00-\ud7a3]/.test(line)]));
