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

/**
 * A recap of three questions with known answers (1, 0, 1), for testing the recap's rendering
 * apart from any lesson's own questions (web/lessons/README.md has the format).
 */
export const RECAP_FIXTURE = [
  { id: 'count',
    q: { en: 'A layer takes 784 inputs and has 256 units. How many parameters does it have?', ko: '입력 784개를 받는 유닛 256개짜리 층이 있습니다. 파라미터는 몇 개일까요?' },
    choices: [
      { en: '1,040 ($784 + 256$)', ko: '1,040개 ($784 + 256$)' },
      { en: '200,960 ($784 \\times 256 + 256$)', ko: '200,960개 ($784 \\times 256 + 256$)' },
      { en: '200,704 ($784 \\times 256$)', ko: '200,704개 ($784 \\times 256$)' },
    ],
    answer: 1,
    why: { en: 'Each unit has one weight per input and one bias: $784 \\times 256$ weights and $256$ biases.', ko: '유닛마다 입력 하나에 가중치 하나, 그리고 편향 하나가 있으니 가중치 $784 \\times 256$개와 편향 $256$개입니다.' } },
  { id: 'linear',
    q: { en: 'Take every activation function out of a three-layer network. What can it still learn?', ko: '3층 네트워크에서 활성화 함수를 모두 빼면 무엇을 배울 수 있을까요?' },
    choices: [
      { en: 'Only what a single linear layer can', ko: '선형 층 하나가 배울 수 있는 것만' },
      { en: 'The same as before, only more slowly', ko: '전과 똑같은 것을, 조금 느리게' },
      { en: 'Nothing: its output stays zero', ko: '아무것도: 출력이 계속 0이다' },
    ],
    answer: 0,
    why: { en: 'Linear maps composed are one linear map, so the extra layers add nothing.', ko: '선형 변환을 여러 번 합성해도 선형 변환 하나이므로, 층을 더 쌓아도 달라지는 것이 없습니다.' } },
  { id: 'gap',
    q: { en: 'Training accuracy is 99 %, test accuracy 70 %. What is the likeliest cause?', ko: '학습 정확도는 99 %, 테스트 정확도는 70 %입니다. 가장 그럴듯한 원인은 무엇일까요?' },
    choices: [
      { en: 'Underfitting', ko: '과소적합' },
      { en: 'Overfitting', ko: '과적합' },
      { en: 'A learning rate that is too small', ko: '너무 작은 학습률' },
      { en: 'Inputs that are not standardised', ko: '표준화하지 않은 입력' },
    ],
    answer: 1,
    why: { en: 'The network fits the training data far better than new data: it has learnt the training set by heart.', ko: '학습 데이터는 잘 맞히는데 새 데이터에서는 크게 떨어지니, 학습 데이터를 외워 버린 것입니다.' } },
];

/**
 * Makes the pages of a browser context see lesson `id` with RECAP_FIXTURE as its recap (the
 * lesson page and the index alike): content/<id>.js is answered by a module that re-exports
 * the real one with the fixture's questions.
 */
export async function useRecapFixture(context, id) {
  await context.route(`**/lessons/content/${id}.js`, (route) => route.fulfill({
    contentType: 'text/javascript; charset=utf-8',
    body: `import lesson from './${id}.js?real';\nexport default { ...lesson, recap: ${JSON.stringify(RECAP_FIXTURE)} };\n`,
  }));
}
