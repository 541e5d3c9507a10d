// The lesson pages as a whole: every lesson loads in both languages without console errors
// or missing strings, with its formulas rendered, its recap and its section navigation; the
// index with a picture per lesson; previous/next; progress kept across visits; the recap
// (checked at the first answer, kept, counted on the index); the section navigation at desktop
// and on a phone; the glossary and the links to and from it; the language switch keeps the
// reader's place and the widgets' state; the link from a widget opens the same network in the
// playground.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';
import { DESKTOP, LESSON_IDS, PHONE, RECAP_FIXTURE, lessonSuite, sideways, useRecapFixture } from './lessons-harness.mjs';
import { waitReady } from './playground-helpers.mjs';

const suite = lessonSuite();

for (const lang of ['en', 'ko']) {
  test(`every lesson loads in ${lang}: no console errors or missing strings, formulas rendered, pager right`, { timeout: 120_000 }, async () => {
    for (const [i, id] of LESSON_IDS.entries()) {
      const { page, errors, close } = await suite.open(id, lang);
      const facts = await page.evaluate(async () => ({
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
        glossary: document.querySelector('header a.glossary-link')?.getAttribute('href') ?? null,
        // the recap: as many questions as the content has, the last section, in the contents
        recapWanted: (await import(`./content/${new URLSearchParams(location.search).get('id')}.js`)).default.recap?.length ?? 0,
        recapShown: document.querySelectorAll('section#recap .recap-q').length,
        lastSection: [...document.querySelectorAll('main > section')].at(-1)?.id,
        // the section navigation lists every section, in order
        sectionIds: [...document.querySelectorAll('main > section')].map((e) => `#${e.id}`),
        navLinks: [...document.querySelectorAll('.section-nav .section-list a')].map((a) => a.getAttribute('href')),
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
      assert.equal(facts.glossary, `glossary.html?lang=${lang}`, `${id}: the glossary link`);
      assert.equal(facts.recapShown, facts.recapWanted, `${id}: recap questions shown`);
      if (facts.recapWanted) assert.equal(facts.lastSection, 'recap', `${id}: the recap is the last section`);
      assert.deepEqual(facts.navLinks, facts.sectionIds, `${id}: the section navigation`);
      await close();
    }
  });
}

/** Every lesson's recap has 3 to 5 questions in the shared format (web/lessons/README.md). */
function assertRecapFormat(recaps) {
  for (const [i, recap] of recaps.entries()) {
    const id = LESSON_IDS[i];
    assert.ok(Array.isArray(recap) && recap.length >= 3 && recap.length <= 5, `${id}: ${recap?.length ?? 'no'} recap questions`);
    assert.equal(new Set(recap.map((q) => q.id)).size, recap.length, `${id}: question ids unique`);
    for (const q of recap) {
      assert.ok(q.choices.length >= 3 && q.choices.length <= 4, `${id}/${q.id}: ${q.choices.length} choices`);
      assert.ok(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, `${id}/${q.id}: answer ${q.answer}`);
      for (const text of [q.q, q.why, ...q.choices]) assert.ok(text.en?.trim() && text.ko?.trim(), `${id}/${q.id}: a text in both languages`);
    }
  }
}

test('the index lists the eight lessons with a picture each, their progress and the glossary, in both languages; every lesson has a recap', async () => {
  let recapsSeen;
  for (const lang of ['en', 'ko']) {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context, errors } = await suite.openPath(`lessons/index.html?lang=${lang}`, { viewport });
      await page.waitForSelector('.lesson-card');
      const cards = await page.$$eval('.lesson-card', (els) => els.map((e) => {
        const pic = e.querySelector('svg.pic');
        return {
          id: e.dataset.lesson, href: e.querySelector('a').getAttribute('href'), progress: e.querySelector('.progress').textContent,
          recap: e.querySelector('.recap-progress')?.textContent ?? null,
          picture: pic?.dataset.picture, drawn: pic?.querySelectorAll('rect, circle, path, line, polyline, polygon, ellipse').length ?? 0,
          width: pic?.getBoundingClientRect().width ?? 0,
        };
      }));
      assert.deepEqual(cards.map((c) => c.id), LESSON_IDS);
      // each lesson's recap, as its content has it
      const recaps = await page.evaluate((ids) => Promise.all(ids.map(async (id) => (await import(`./content/${id}.js`)).default.recap ?? [])), LESSON_IDS);
      for (const [i, c] of cards.entries()) {
        assert.equal(c.href, `lesson.html?id=${c.id}&lang=${lang}`);
        assert.match(c.progress, lang === 'en' ? /^0 of [1-9]\d* tasks done$/ : /^과제 [1-9]\d*개 중 0개 완료$/);
        const n = recaps[i].length;
        assert.equal(c.recap, !n ? null : lang === 'en' ? `0 of ${n} recap questions right` : `복습 문제 ${n}개 중 0개 정답`, c.id);
        assert.equal(c.picture, c.id, `${c.id}: its own picture`);
        assert.ok(c.drawn >= 3 && c.width >= 60, `${c.id}: a picture drawn (${c.drawn} shapes, ${c.width} px wide)`);
      }
      assert.equal(await page.getAttribute('header a.glossary-link', 'href'), `glossary.html?lang=${lang}`);
      assert.match(await page.textContent('.lead'), lang === 'en' ? /^Eight short lessons/ : /레슨 여덟 개/);
      const wide = await sideways(page);
      assert.ok(wide <= 0, `sideways scroll ${wide}px`);
      const doubled = await page.$$eval('.katex-mathml', (els) => els.filter((m) => getComputedStyle(m).position !== 'absolute').length);
      assert.equal(doubled, 0, "formulas in the leads drawn twice (KaTeX's CSS missing)");
      await suite.screenshot(page, `test-results/lessons/index-${lang}-${viewport === PHONE ? 'phone' : 'desktop'}.png`);
      assert.deepEqual(errors, []);
      await context.close();
      recapsSeen = recaps;
    }
  }
  assertRecapFormat(recapsSeen);
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
  // opened again at its top, the lesson offers the section the reader was in
  await page.goto(page.url().split('#')[0]);
  await suite.ready(page);
  assert.equal(await page.getAttribute(`.task[data-task="${task}"]`, 'data-done'), 'true');
  assert.equal(await page.getAttribute(`.task[data-task="${task}"]`, 'data-earlier'), 'true');
  assert.equal(await page.getAttribute('.resume a', 'href'), `#${second}`);
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

/** Each recap question as shown: its state, the choices picked and marked right, the why shown, the choices' labels. */
const recapShown = (page) => page.$$eval('#recap .recap-q', (qs) => qs.map((q) => {
  const choices = [...q.querySelectorAll('.recap-choice')];
  return {
    id: q.dataset.question,
    answered: q.dataset.answered,
    picked: choices.findIndex((b) => b.hasAttribute('data-picked')),
    right: choices.findIndex((b) => b.hasAttribute('data-right')),
    locked: choices.map((b) => b.getAttribute('aria-disabled')),
    labels: choices.map((b) => b.textContent),
    verdict: q.querySelector('.recap-verdict')?.textContent ?? '',
    why: q.querySelector('.recap-why').textContent,
    live: q.querySelector('.recap-why').getAttribute('aria-live'),
  };
}));
const recapScore = (page) => page.$eval('#recap .recap-score', (p) => p.textContent);
/** Waits until the section navigation marks section id as the one being read. */
const reading = (page, id) => page.waitForFunction((s) => [...document.querySelectorAll('.section-nav .section-list a[aria-current]')].map((a) => a.dataset.section).join() === s, id);

test('the recap: a wrong answer shows why and does not count, a right one counts; kept through a language switch and a reload; shown on the index; the desktop contents follow the reading', { timeout: 90_000 }, async () => {
  // lesson 1 with the fixture's three questions (answers 1, 0, 1)
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  await useRecapFixture(context, 'input');
  const { page, errors } = await suite.openPath('lessons/lesson.html?id=input&lang=en', { context });
  await suite.ready(page);
  const [count, linear, gap] = RECAP_FIXTURE;
  const letters = { en: 'ABCD', ko: '①②③④' };

  // ---- the contents column at desktop: the current section marked as the reader scrolls ----
  const sections = await page.$$eval('main > section', (els) => els.map((e) => e.id));
  assert.equal(sections.at(-1), 'recap');
  const layout = await page.evaluate(() => ({
    bar: getComputedStyle(document.querySelector('.nav-bar')).display,
    list: document.querySelector('.section-nav .section-list').getBoundingClientRect().width,
  }));
  assert.equal(layout.bar, 'none', 'no section bar at desktop');
  assert.ok(layout.list > 100, 'the contents column shows');
  for (const id of sections) {
    await page.evaluate((s) => document.getElementById(s).scrollIntoView(), id);
    await reading(page, id);
  }
  // stuck below the site's bar, in sight at the end of the lesson
  const stuck = await page.evaluate(() => document.querySelector('.section-nav').getBoundingClientRect().top);
  assert.ok(stuck >= 0 && stuck < 120, `the contents column at ${stuck} px`);
  // a link of the column takes the reader to its section
  await page.click(`.section-nav .section-list a[href="#${sections[1]}"]`);
  await reading(page, sections[1]);
  const top = await page.evaluate((s) => document.getElementById(s).getBoundingClientRect().top, sections[1]);
  assert.ok(top >= 0 && top < 120, `section at ${top} px`);
  await page.click('.section-nav .nav-top');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'back to top');
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'h1');

  // ---- the recap ----
  let shown = await recapShown(page);
  assert.deepEqual(shown.map((q) => q.id), RECAP_FIXTURE.map((q) => q.id));
  assert.ok(shown.every((q) => q.answered === '' && q.why === '' && q.live === 'polite'), 'nothing answered yet');
  assert.equal(await recapScore(page), '');
  assert.equal(await page.isVisible('.recap-again'), false);

  // a wrong answer: why shown, the right one marked, no more answers taken
  const wrong = (count.answer + 1) % count.choices.length;
  await page.click(`[data-question="count"] [data-choice="${wrong}"]`);
  shown = await recapShown(page);
  assert.equal(shown[0].answered, 'wrong');
  assert.equal(shown[0].picked, wrong);
  assert.equal(shown[0].right, count.answer);
  assert.equal(shown[0].verdict, `Not this one: the answer is ${letters.en[count.answer]}.`);
  assert.match(shown[0].why, /Each unit has one weight per input and one bias/);
  assert.ok(shown[0].locked.every((l) => l === 'true'), 'the question takes no second answer');
  assert.match(shown[0].labels[wrong], /\(your answer\)/);
  assert.match(shown[0].labels[count.answer], /\(the right answer\)/);
  assert.equal(await recapScore(page), '0 of 3 right');
  await page.click(`[data-question="count"] [data-choice="${count.answer}"]`, { force: true }); // (aria-disabled: Playwright would wait)
  assert.equal((await recapShown(page))[0].answered, 'wrong', 'a second try does not count');
  assert.equal(await recapScore(page), '0 of 3 right');

  // a right answer, by keyboard: Tab from the first question to the second's first choice, Enter
  await page.focus(`[data-question="count"] [data-choice="${count.choices.length - 1}"]`);
  await page.keyboard.press('Tab');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.closest('.recap-q')?.dataset.question, document.activeElement.dataset.choice]), ['linear', '0']);
  await page.keyboard.press('Enter');
  shown = await recapShown(page);
  assert.equal(shown[1].answered, 'right');
  assert.equal(linear.answer, 0);
  assert.equal(shown[1].verdict, 'Right.');
  assert.match(shown[1].why, /Linear maps composed are one linear map/);
  assert.equal(await recapScore(page), '1 of 3 right');
  assert.equal(shown[2].answered, '', 'the third is still open');

  // the language switch keeps the answers and says them in Korean
  await page.$eval('.lang-switch button[data-lang="ko"]', (b) => b.click());
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  shown = await recapShown(page);
  assert.deepEqual(shown.map((q) => q.answered), ['wrong', 'right', '']);
  assert.equal(shown[0].verdict, `아쉽네요. 정답은 ${letters.ko[count.answer]}입니다.`);
  assert.match(shown[0].why, /유닛마다 입력 하나에 가중치 하나/);
  assert.equal(shown[1].verdict, '맞았습니다.');
  assert.equal(await recapScore(page), '3문제 중 1문제 맞힘');

  // kept after a reload, and counted on the index
  await page.reload();
  await suite.ready(page);
  shown = await recapShown(page);
  assert.deepEqual(shown.map((q) => [q.answered, q.picked]), [['wrong', wrong], ['right', linear.answer], ['', -1]]);
  assert.equal(await recapScore(page), '3문제 중 1문제 맞힘');
  await page.goto(page.url().replace(/lesson\.html.*/, 'index.html'));
  await page.waitForSelector('.lesson-card');
  assert.equal(await page.textContent('.lesson-card[data-lesson="input"] .recap-progress'), '복습 문제 3개 중 1개 정답');

  // answering again: every question open, nothing counted
  await page.goto(page.url().replace(/index\.html.*/, 'lesson.html?id=input'));
  await suite.ready(page);
  await page.click('.recap-again');
  shown = await recapShown(page);
  assert.ok(shown.every((q) => q.answered === '' && q.picked === -1 && q.why === ''), 'all open again');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.choice), '0', 'the focus on the first question');
  await page.click(`[data-question="gap"] [data-choice="${gap.answer}"]`);
  assert.equal(await page.textContent('#recap .recap-score'), '3문제 중 1문제 맞힘');
  // (leaving a page quickly may cut its icon's request short)
  assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_ABORTED')), []);
  await context.close();
});

test('on a phone: a sticky bar with the current section, previous/next and a menu of sections; no sideways scroll', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await suite.open('output', 'en', { viewport: PHONE });
  const sections = await page.evaluate(async () => {
    const { default: lesson } = await import('./content/output.js');
    const ids = [...document.querySelectorAll('main > section')].map((e) => e.id);
    return ids.map((id) => ({ id, title: lesson.sections.find((s) => s.id === id)?.title.en ?? 'Recap' }));
  });
  const bar = () => page.evaluate(() => ({
    title: document.querySelector('.nav-current').textContent,
    top: document.querySelector('.section-nav').getBoundingClientRect().top,
    prev: document.querySelector('.nav-prev').disabled,
    next: document.querySelector('.nav-next').disabled,
    open: document.querySelector('.nav-toggle').getAttribute('aria-expanded'),
    menu: getComputedStyle(document.querySelector('.nav-menu')).display,
  }));
  // a reader's tap; page.click() would first scroll the sticky bar "into view", moving the page
  const tap = (selector) => page.$eval(selector, (b) => b.click());
  let now = await bar();
  assert.equal(now.title, 'In this lesson', 'above the first section');
  assert.equal(now.prev, true);
  assert.equal(now.menu, 'none', 'the menu closed');
  // next, next, previous: the bar names the section, which is right under it
  await tap('.nav-next');
  await reading(page, sections[0].id);
  await tap('.nav-next');
  await reading(page, sections[1].id);
  now = await bar();
  assert.equal(now.title, sections[1].title);
  assert.equal(now.top, 0, 'the bar stuck to the top');
  const under = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, sections[1].id);
  assert.ok(under >= 40 && under < 120, `the section starts under the bar: ${under} px`);
  assert.equal(await page.evaluate(() => document.activeElement.closest('section')?.id), sections[1].id, 'the focus moved to the section');
  await tap('.nav-prev');
  await reading(page, sections[0].id);
  // the menu: opens, fits the screen, closes on Escape with the focus back on its button
  await tap('.nav-toggle');
  now = await bar();
  assert.deepEqual([now.open, now.menu], ['true', 'block']);
  assert.ok(await sideways(page) <= 0, 'the open menu fits the screen');
  await page.keyboard.press('Escape');
  now = await bar();
  assert.deepEqual([now.open, now.menu], ['false', 'none']);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'nav-toggle');
  // by keyboard: Enter opens it, a section's link takes the reader there and closes it
  await page.keyboard.press('Enter');
  const last = sections.at(-1);
  await page.focus(`.nav-menu a[href="#${last.id}"]`);
  await page.keyboard.press('Enter');
  await reading(page, last.id);
  now = await bar();
  assert.deepEqual([now.title, now.open, now.next], [last.title, 'false', true]);
  // back to top
  await tap('.nav-toggle');
  await tap('.nav-menu .nav-top');
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.ok(await sideways(page) <= 0, 'no sideways scroll at 390 px');
  assert.deepEqual(errors, []);
  await close();
});

test('the glossary: every term in both languages with its lesson, sorted and filtered; its lesson links resolve', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await suite.openPath('lessons/glossary.html?lang=en', { viewport: DESKTOP });
  await page.waitForSelector('li.term');
  const terms = () => page.$$eval('li.term:not([hidden])', (els) => els.map((e) => ({
    id: e.id, ko: e.dataset.ko, en: e.dataset.en, text: e.querySelector('.term-text').textContent,
    lesson: e.querySelector('a.term-lesson').href, see: [...e.querySelectorAll('a.term-see')].map((a) => a.getAttribute('href')),
  })));
  const all = await terms();
  assert.ok(all.length >= 30 && all.length <= 60, `${all.length} terms`);
  for (const word of ['표준화', '정규화', '스케일링', '기본 SGD', '은닉층', '활성화 함수', '학습률', '손실 함수', '역전파', '그림 학습', '그림판']) {
    assert.ok(all.some((t) => t.ko.startsWith(word)), `the glossary has ${word}`);
  }
  assert.ok(!all.some((t) => t.ko.includes('일반 SGD')), 'plain SGD is 기본 SGD');
  // every lesson link: a lesson of the list, in this language, at one of its sections
  const sectionsOf = await page.evaluate((ids) => Promise.all(ids.map(async (id) => {
    const { default: lesson } = await import(`./content/${id}.js`);
    return [...lesson.sections.map((s) => s.id), ...(lesson.recap ? ['recap'] : [])];
  })), LESSON_IDS);
  const ids = new Set(all.map((t) => t.id));
  for (const t of all) {
    const url = new URL(t.lesson);
    assert.ok(url.pathname.endsWith('/lessons/lesson.html'), t.lesson);
    const i = LESSON_IDS.indexOf(url.searchParams.get('id'));
    assert.ok(i >= 0, `${t.id}: lesson ${url.searchParams.get('id')}`);
    assert.equal(url.searchParams.get('lang'), 'en');
    if (url.hash) assert.ok(sectionsOf[i].includes(url.hash.slice(1)), `${t.id}: no section ${url.hash} in lesson ${LESSON_IDS[i]}`);
    for (const href of t.see) assert.ok(ids.has(href.slice(1)), `${t.id}: sees ${href}`);
  }
  // sorted by the page's language at first, by Korean on the reader's pick
  const inOrder = (names, locale) => names.every((n, i) => i === 0 || new Intl.Collator(locale, { sensitivity: 'base' }).compare(names[i - 1], n) <= 0);
  assert.ok(inOrder(all.map((t) => t.en), 'en'), 'sorted by English');
  await page.click('[data-sort="ko"]');
  assert.equal(await page.getAttribute('[data-sort="ko"]', 'aria-pressed'), 'true');
  assert.ok(inOrder((await terms()).map((t) => t.ko), 'ko'), 'sorted by Korean');
  // the filter searches both languages and the explanations
  await page.fill('#glossary-filter', '스케일링');
  const found = await terms();
  assert.ok(found.length >= 2 && found.length < all.length, `${found.length} found`);
  assert.ok(['scaling', 'normalisation'].every((id) => found.some((t) => t.id === id)), 'scaling, and min-max scaling by its Korean name');
  assert.ok(found.every((t) => [t.ko, t.en, t.text].some((x) => x.includes('스케일링')) || t.id === 'standardisation'), 'only terms that say it');
  assert.equal(await page.textContent('.glossary-count'), `${found.length} of ${all.length} terms`);
  await page.fill('#glossary-filter', 'zzzz');
  assert.equal((await terms()).length, 0);
  assert.equal(await page.textContent('.glossary-count'), 'No term matches “zzzz”.');
  // the language switch keeps the filter and the sort
  await page.fill('#glossary-filter', 'learning rate');
  await page.click('.lang-switch button[lang="ko"]');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(await page.inputValue('#glossary-filter'), 'learning rate');
  const ko = await terms();
  assert.ok(ko.some((t) => t.id === 'learning-rate') && ko.every((t) => /[\uac00-\ud7a3]/.test(t.text)), 'the explanations in Korean');
  assert.ok(ko.every((t) => new URL(t.lesson).searchParams.get('lang') === 'ko'));
  assert.equal(await page.getAttribute('[data-sort="ko"]', 'aria-pressed'), 'true');
  await page.setViewportSize(PHONE);
  await page.fill('#glossary-filter', '');
  assert.ok(await sideways(page) <= 0, 'no sideways scroll at 390 px');
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
