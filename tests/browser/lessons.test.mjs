// The lesson pages as a whole: every lesson loads in both languages without console errors
// or missing strings, with its formulas rendered; the index; previous/next; progress kept
// across visits; the language switch keeps the reader's place and the widgets' state; the
// link from a widget opens the same network in the playground.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';
import { LESSON_IDS, PHONE, lessonSuite, sideways } from './lessons-harness.mjs';
import { waitReady } from './playground-helpers.mjs';

const suite = lessonSuite();

for (const lang of ['en', 'ko']) {
  test(`every lesson loads in ${lang}: no console errors or missing strings, formulas rendered, pager right`, { timeout: 120_000 }, async () => {
    for (const [i, id] of LESSON_IDS.entries()) {
      const { page, errors, close } = await suite.open(id, lang);
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelector('h1').textContent,
        katex: document.querySelectorAll('.katex').length,
        katexErrors: document.querySelectorAll('.katex-error').length,
        // KaTeX's stylesheet is there: the MathML copy (for screen readers) is hidden from sight
        mathmlShown: [...document.querySelectorAll('.katex-mathml')].filter((m) => getComputedStyle(m).position !== 'absolute').length,
        sections: document.querySelectorAll('main > section').length,
        tasks: document.querySelectorAll('.task').length,
        widgets: document.querySelectorAll('figure.widget').length,
        failedWidgets: document.querySelectorAll('.widget-error').length,
        // code blocks are coloured, and their text is still exactly the code (nothing escaped twice)
        uncoloured: [...document.querySelectorAll('.code pre code')].filter((c) => !c.querySelector('[class^="hl-"]') || /&lt;|<span/.test(c.textContent)).length,
        codeBlocks: document.querySelectorAll('.code pre code').length,
        // links to the full playground, in the page's language
        playgroundLinks: [...document.querySelectorAll('a.open-playground')].filter((a) => /\/index\.html#dataset=/.test(a.href) && a.href.endsWith(`lang=${document.documentElement.lang}`)).length,
        playgroundLinksElsewhere: [...document.querySelectorAll('a.open-playground')].filter((a) => !a.href.endsWith(`lang=${document.documentElement.lang}`)).length,
        prev: document.querySelector('.pager .prev')?.getAttribute('href') ?? null,
        next: document.querySelector('.pager .next')?.getAttribute('href') ?? null,
        text: document.querySelector('main').innerText,
      }));
      assert.deepEqual(errors, [], `${id} (${lang})`);
      assert.equal(facts.lang, lang);
      assert.ok(facts.katex > 0 && facts.katexErrors === 0, `${id}: ${facts.katex} formulas, ${facts.katexErrors} broken`);
      assert.equal(facts.mathmlShown, 0, `${id}: formulas drawn twice (KaTeX's CSS missing)`);
      assert.ok(facts.sections >= 2 && facts.tasks >= 1 && facts.widgets >= 1, `${id}: ${JSON.stringify({ ...facts, text: undefined })}`);
      assert.equal(facts.failedWidgets, 0, `${id}: a widget failed to start`);
      assert.ok(facts.codeBlocks >= 2 && facts.uncoloured === 0, `${id}: ${facts.uncoloured} of ${facts.codeBlocks} code blocks not highlighted`);
      assert.ok(facts.playgroundLinks >= 1, `${id}: no link to the full playground`);
      assert.equal(facts.playgroundLinksElsewhere, 0, `${id}: a playground link in another language`);
      // Korean pages read as Korean: most letters in the lesson's prose are Hangul
      if (lang === 'ko') {
        const prose = await page.$$eval('main p:not(.task-text), main li', (els) => els.map((e) => e.textContent).join(' '));
        const hangul = (prose.match(/[\uac00-\ud7a3]/g) ?? []).length;
        const latin = (prose.replace(/\$[^$]*\$/g, '').match(/[A-Za-z]/g) ?? []).length;
        assert.ok(hangul > latin, `${id}: ${hangul} Hangul letters vs ${latin} Latin in the Korean prose`);
      }
      assert.equal(facts.prev, i > 0 ? `lesson.html?id=${LESSON_IDS[i - 1]}&lang=${lang}` : null, `${id}: previous`);
      assert.equal(facts.next, i < LESSON_IDS.length - 1 ? `lesson.html?id=${LESSON_IDS[i + 1]}&lang=${lang}` : null, `${id}: next`);
      await close();
    }
  });
}

test('the index lists the seven lessons with their progress, in both languages', async () => {
  for (const lang of ['en', 'ko']) {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const { page, context, errors } = await suite.openPath(`lessons/index.html?lang=${lang}`, { viewport });
      await page.waitForSelector('.lesson-card');
      const cards = await page.$$eval('.lesson-card', (els) => els.map((e) => ({
        id: e.dataset.lesson, href: e.querySelector('a').getAttribute('href'), progress: e.querySelector('.progress').textContent,
      })));
      assert.deepEqual(cards.map((c) => c.id), LESSON_IDS);
      for (const c of cards) {
        assert.equal(c.href, `lesson.html?id=${c.id}&lang=${lang}`);
        assert.match(c.progress, lang === 'en' ? /^0 of [1-9]\d* tasks done$/ : /^과제 [1-9]\d*개 중 0개 완료$/);
      }
      const wide = await sideways(page);
      assert.ok(wide <= 0, `sideways scroll ${wide}px`);
      const doubled = await page.$$eval('.katex-mathml', (els) => els.filter((m) => getComputedStyle(m).position !== 'absolute').length);
      assert.equal(doubled, 0, "formulas in the leads drawn twice (KaTeX's CSS missing)");
      await suite.screenshot(page, `test-results/lessons/index-${lang}-${viewport === PHONE ? 'phone' : 'desktop'}.png`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('finished tasks and the last place are remembered; the index continues there', async () => {
  const { page, context, errors } = await suite.openPath('lessons/index.html?lang=en');
  await page.waitForSelector('.lesson-card');
  assert.match(await page.textContent('a.continue'), /Start with lesson 1/);
  // open lesson 2 at its second section, and finish its first task by hand (the check itself is each lesson's test)
  await page.goto(page.url().replace(/index\.html.*/, 'lesson.html?id=hidden&lang=en'));
  await suite.ready(page);
  const [first, second] = await page.$$eval('main > section', (els) => els.map((e) => e.id));
  assert.ok(second, 'lesson 2 has two sections');
  await page.evaluate((id) => document.getElementById(id).scrollIntoView(), second);
  const task = await page.evaluate(() => Object.keys(window.layerwiseLesson.tasks)[0]);
  const progress = await page.evaluateHandle(() => import('./progress.js'));
  await progress.evaluate((p, t) => p.markDone('hidden', t), task);
  // the place is saved a moment after the scrolling stops: until it is, a reload would lose it
  await page.waitForFunction(([p, id]) => p.lastPlace()?.section === id, [progress, second]);
  await page.reload();
  await suite.ready(page);
  assert.equal(await page.getAttribute(`.task[data-task="${task}"]`, 'data-done'), 'true');
  assert.equal(await page.getAttribute(`.task[data-task="${task}"]`, 'data-earlier'), 'true');
  await page.goto(page.url().replace(/lesson\.html.*/, 'index.html'));
  await page.waitForSelector('.lesson-card');
  assert.match(await page.textContent('.lesson-card[data-lesson="hidden"] .progress'), /^1 of \d+ tasks done$/);
  assert.match(await page.textContent('a.continue'), /Continue: Hidden layers/);
  assert.equal(await page.getAttribute('a.continue', 'href'), `lesson.html?id=hidden&lang=en#${second}`);
  assert.notEqual(first, second);
  // forgetting
  await page.click('text=Forget my progress');
  assert.match(await page.textContent('.lesson-card[data-lesson="hidden"] .progress'), /^0 of \d+ tasks done$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching language keeps the place, the widgets and their training', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await suite.open('hidden', 'en');
  const widget = await page.evaluate(() => Object.entries(window.layerwiseLesson.widgets).find(([, w]) => w.element?.localName === 'layerwise-playground')?.[0]);
  assert.ok(widget, 'lesson 2 has a playground widget');
  const trained = await suite.step(page, widget, 5);
  assert.ok(trained.epoch >= 5);
  const sections = await page.$$eval('main > section', (els) => els.map((e) => e.id));
  const target = sections.at(-1);
  await page.evaluate((id) => document.getElementById(id).scrollIntoView(), target);
  const before = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, target);
  // A reader's click; page.click() would first scroll the sticky bar "into view", moving the
  // page. The page then holds the section where it was while the text above it and the widgets
  // relabel (web/lessons/page.js, switchLang): with a window.scrollBy on every animation frame,
  // for a while, then no more. The place is checked once the page has let go: the first frame
  // after the click that comes without a scrollBy since the one before. (The page announces
  // neither the hold nor its end; counting its scrollBy calls is how this test sees them.)
  await page.evaluate(() => {
    const scrollBy = window.scrollBy;
    window.holdCalls = 0;
    window.scrollBy = function (...args) {
      window.holdCalls++;
      return scrollBy.apply(this, args);
    };
  });
  await page.$eval('.lang-switch button[data-lang="ko"]', (b) => b.click());
  await page.evaluate(() => new Promise((resolve) => {
    let seen = -1;
    const frame = () => {
      if (window.holdCalls === seen) return resolve();
      seen = window.holdCalls;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
  const after = await page.evaluate((id) => ({
    top: document.getElementById(id).getBoundingClientRect().top,
    lang: document.documentElement.lang,
    title: document.querySelector('h1').textContent,
    url: location.search,
  }), target);
  assert.equal(after.lang, 'ko');
  assert.equal(after.title, '은닉층');
  assert.match(after.url, /lang=ko/);
  assert.ok(Math.abs(after.top - before) < 2, `the section moved from ${before} to ${after.top}`);
  const still = await page.evaluate((w) => ({
    epoch: window.layerwiseLesson.widgets[w].element.epoch,
    lang: window.layerwiseLesson.widgets[w].element.state.lang,
  }), widget);
  assert.equal(still.lang, 'ko');
  assert.ok(still.epoch >= trained.epoch, 'the widget kept its training');
  // the next visit opens in the language chosen last
  await page.goto(page.url().replace(/\?.*/, '?id=input'));
  await suite.ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.deepEqual(errors, []);
  await close();
});

test('a widget links to the full playground with the same state', { timeout: 60_000 }, async () => {
  const { page, context, errors, close } = await suite.open('hidden', 'en');
  const widget = await page.evaluate(() => Object.entries(window.layerwiseLesson.widgets).find(([, w]) => w.element?.localName === 'layerwise-playground')?.[0]);
  await suite.setState(page, widget, { layers: [6, 5, 3], lr: 0.1, seed: 7 });
  const state = await page.evaluate((w) => window.layerwiseLesson.widgets[w].element.state, widget);
  const href = await page.getAttribute(`figure.widget[data-widget="${widget}"] a.open-playground`, 'href');
  assert.match(href, /index\.html#.*layers=6,5,3/);
  const pg = await openPage(suite.browser, new URL(href, page.url()).href, { context });
  await waitReady(pg.page);
  const opened = await pg.page.evaluate(() => document.querySelector('layerwise-playground').state);
  for (const key of Object.keys(state)) if (key !== 'lang') assert.deepEqual(opened[key], state[key], key);
  assert.deepEqual(errors, []);
  assert.deepEqual(pg.errors, []);
  await close();
});

test('an unknown lesson says so and links to the index', async () => {
  const { page, context, errors } = await suite.openPath('lessons/lesson.html?id=nope&lang=en');
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'There is no lesson "nope".');
  assert.equal(await page.getAttribute('main a', 'href'), 'index.html?lang=en', 'the index, in the page\'s language');
  assert.deepEqual(errors, []);
  await context.close();
});
