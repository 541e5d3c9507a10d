// Every page and element under the strict Content Security Policy a course site may set
// (STRICT_CSP in scripts/serve.mjs: no inline scripts or styles, no eval beyond compiling wasm):
// no violation is reported and no console error, and each page does its real work. The
// playground trains and draws its diagram, whose positions and colours go through CSSOM; each
// lesson draws its formulas with KaTeX's own sizes (set through CSSOM, not style attributes)
// and switches language; the lesson index (its pictures styled by class), the glossary, the
// sketch pad, the images page (with its service worker) and the views' test page build. A
// course page on another origin, with the same policy plus the Layerwise host, loads
// layerwise.js and trains.
//
// Violations are collected by a `securitypolicyviolation` listener that the page gets before any
// of its own scripts run (an init script of the browser context); a violation inside a worker
// shows up as a console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STRICT_CSP, startServer } from '../../scripts/serve.mjs';
import { elementReady, launchBrowser, openPage } from './browser.mjs';
import { LESSON_IDS } from './lessons-harness.mjs';

let site;
let course;
let courseDir;
let browser;

before(async () => {
  site = await startServer({ port: 0, csp: STRICT_CSP });
  const host = new URL(site.url).origin;
  courseDir = await mkdtemp(path.join(tmpdir(), 'lw-csp-course-'));
  await writeFile(path.join(courseDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page with a strict policy</title>
<link rel="icon" href="favicon.svg">
<script type="module" src="${host}/layerwise.js"></script></head>
<body><h1>Week 3: hidden layers</h1>
<layerwise-playground dataset="xor" layers="4"></layerwise-playground>
</body></html>
`);
  await copyFile(new URL('../../web/favicon.svg', import.meta.url), path.join(courseDir, 'favicon.svg'));
  // the strict policy, with the Layerwise host allowed where docs/embedding.md says
  const policy = STRICT_CSP
    .replace("script-src 'self'", `script-src 'self' ${host}`)
    .replace("worker-src 'self' blob:", `worker-src 'self' blob: ${host}`)
    .replace("style-src 'self'", `style-src 'self' ${host}`)
    .concat(`; connect-src 'self' ${host}`);
  assert.equal(policy.split(host).length, 5, policy);
  course = await startServer({ root: courseDir, port: 0, csp: policy });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await course?.close();
  await site?.close();
  await rm(courseDir, { recursive: true, force: true });
});

/**
 * Opens url in a fresh context whose pages record every CSP violation in window.cspViolations
 * from their first script on; returns openPage's {page, context, errors} and `violations()`.
 */
async function openStrict(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  const opened = await openPage(browser, url, { context });
  const violations = () => opened.page.evaluate(() => window.cspViolations);
  return { ...opened, violations };
}

/** Asserts the page is clean: no violation and no console error, then closes its context. */
async function assertClean({ page, context, errors, violations }, what) {
  assert.deepEqual(await violations(), [], `${what}: CSP violations`);
  assert.deepEqual(errors, [], `${what}: console errors`);
  await context.close();
}

test('the server sends the strict policy when asked, and no policy by default', async () => {
  const strict = await fetch(site.url);
  assert.equal(strict.headers.get('content-security-policy'), STRICT_CSP);
  const plain = await startServer({ port: 0 });
  try {
    const response = await fetch(plain.url);
    assert.equal(response.headers.get('content-security-policy'), null);
  } finally {
    await plain.close();
  }
});

test('the playground under the strict policy: it trains, and its diagram and legends are styled', { timeout: 120_000 }, async () => {
  const opened = await openStrict(`${site.url}index.html#dataset=spiral&layers=6,6`);
  const { page } = opened;
  await elementReady(page, 'layerwise-playground');
  const trained = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    const seen = [];
    node.addEventListener('epoch', (e) => seen.push(e.detail.epoch));
    await node.step(2);
    return seen;
  });
  assert.ok(trained.length >= 1 && trained.at(-1) >= 2, `epochs: ${JSON.stringify(trained)}`);
  await page.waitForFunction(() => {
    const root = document.querySelector('layerwise-playground').shadowRoot;
    return ['.slot-network', '.slot-boundary', '.slot-curves', '.slot-histograms'].every((s) => root.querySelector(s).childElementCount > 0);
  });
  const looks = await page.evaluate(() => {
    const root = document.querySelector('layerwise-playground').shadowRoot;
    const net = root.querySelector('.slot-network');
    const canvas = net.querySelector('.lw-scroll canvas');
    const stage = canvas.parentElement;
    return {
      stage: [getComputedStyle(stage).position, stage.style.width, stage.getBoundingClientRect().height],
      canvas: getComputedStyle(canvas).position,
      // the weight legend's lines carry their colour
      lines: [...net.querySelectorAll('.lw-legend .lw-swatch.lw-line')].map((s) => getComputedStyle(s).borderTopColor),
      // the boundary's class markers carry theirs
      swatches: [...root.querySelectorAll('.slot-boundary .lw-legend .lw-marker path')].map((s) => getComputedStyle(s).fill),
      histograms: root.querySelectorAll('.slot-histograms canvas').length,
    };
  });
  assert.equal(looks.stage[0], 'relative', 'the diagram stage is positioned by the views\' stylesheet');
  assert.match(looks.stage[1], /^\d+(\.\d+)?px$/, 'the stage is sized through CSSOM');
  assert.ok(looks.stage[2] > 50, `the diagram has a height: ${looks.stage[2]}`);
  assert.equal(looks.canvas, 'absolute');
  assert.ok(looks.lines.length >= 2, JSON.stringify(looks));
  assert.equal(new Set(looks.lines).size, looks.lines.length, `each weight line its own colour: ${looks.lines}`);
  assert.ok(looks.swatches.length >= 2 && looks.swatches.every((c) => /^rgb\(/.test(c) && c !== 'rgb(0, 0, 0)'), `class colours: ${looks.swatches}`);
  assert.equal(new Set(looks.swatches).size, looks.swatches.length, `each class its own colour: ${looks.swatches}`);
  assert.ok(looks.histograms >= 2, 'the histograms are drawn');
  // a read-out follows the pointer over the diagram (moved through CSSOM)
  const box = await page.locator('layerwise-playground .slot-network .lw-scroll canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await assertClean(opened, 'index.html');
});

test('every lesson under the strict policy: formulas drawn at KaTeX\'s sizes, widgets built, the language switch', { timeout: 240_000 }, async () => {
  for (const id of LESSON_IDS) {
    const opened = await openStrict(`${site.url}lessons/lesson.html?id=${id}&lang=en`);
    const { page } = opened;
    await page.waitForFunction(() => window.layerwiseLesson?.ready);
    await page.evaluate(() => window.layerwiseLesson.ready);
    const math = () => page.evaluate(() => {
      const struts = [...document.querySelectorAll('.katex-html .katex-strut')];
      return {
        formulas: document.querySelectorAll('.katex').length,
        broken: document.querySelectorAll('.katex-error').length,
        // KaTeX sizes every line of a formula with a strut's height (an inline style it sets)
        struts: struts.length,
        unsized: struts.filter((s) => !s.style.height).length,
        // its stylesheet is there: the MathML copy is hidden from sight
        mathmlShown: [...document.querySelectorAll('.katex-mathml')].filter((m) => getComputedStyle(m).position !== 'absolute').length,
        failedWidgets: document.querySelectorAll('.widget-error').length,
        widgets: document.querySelectorAll('figure.widget').length,
      };
    });
    const en = await math();
    assert.ok(en.formulas > 0 && en.broken === 0, `${id}: ${JSON.stringify(en)}`);
    assert.ok(en.struts >= en.formulas && en.unsized === 0, `${id}: formulas without KaTeX's sizes: ${JSON.stringify(en)}`);
    assert.equal(en.mathmlShown, 0, `${id}: formulas drawn twice`);
    assert.ok(en.widgets >= 1 && en.failedWidgets === 0, `${id}: ${JSON.stringify(en)}`);
    if (id === 'optim') {
      // the language switch renders every text and formula again
      await page.click('.lang-switch button[data-lang="ko"]');
      await page.waitForFunction(() => document.documentElement.lang === 'ko');
      const ko = await math();
      assert.ok(ko.formulas > 0 && ko.unsized === 0 && ko.broken === 0, `${id} (ko): ${JSON.stringify(ko)}`);
    }
    await assertClean(opened, `lesson ${id}`);
  }
});

test('the lesson index, the glossary, the sketch pad, the images page and the views\' test page build under the strict policy', { timeout: 180_000 }, async () => {
  const index = await openStrict(`${site.url}lessons/index.html`);
  await index.page.waitForFunction(() => document.querySelectorAll('.lesson-card').length > 0);
  const cards = await index.page.evaluate(() => ({
    leads: [...document.querySelectorAll('.lesson-card .card-lead')].filter((p) => p.textContent.trim()).length,
    // the pictures are inline SVG coloured by the stylesheet's classes
    pictures: [...document.querySelectorAll('.lesson-card svg.pic')].filter((s) => s.getBoundingClientRect().width > 0).length,
    bars: [...document.querySelectorAll('.pic .pic-top')].map((r) => getComputedStyle(r).fill),
  }));
  assert.equal(cards.leads, LESSON_IDS.length, 'every lesson card has its lead');
  assert.equal(cards.pictures, LESSON_IDS.length, 'every lesson card has its picture');
  assert.ok(cards.bars.length && cards.bars.every((f) => f === 'rgb(0, 114, 178)'), `the pictures are styled: ${cards.bars}`);
  await assertClean(index, 'lessons/index.html');

  const glossary = await openStrict(`${site.url}lessons/glossary.html?lang=ko`);
  await glossary.page.waitForFunction(() => document.querySelectorAll('li.term').length > 0);
  const terms = await glossary.page.evaluate(() => ({ terms: document.querySelectorAll('li.term').length, formulas: document.querySelectorAll('.katex').length }));
  assert.ok(terms.terms >= 30 && terms.formulas > 0, `the glossary builds: ${JSON.stringify(terms)}`);
  await assertClean(glossary, 'lessons/glossary.html');

  const sketch = await openStrict(`${site.url}sketch.html`);
  await elementReady(sketch.page, 'layerwise-sketch');
  const chips = await sketch.page.evaluate(() => [...document.querySelector('layerwise-sketch').shadowRoot.querySelectorAll('.chip')]
    .map((c) => c.style.getPropertyValue('--swatch')));
  assert.ok(chips.length >= 2 && chips.every((c) => c.trim()), `the class chips carry their colours: ${JSON.stringify(chips)}`);
  await assertClean(sketch, 'sketch.html');

  const images = await openStrict(`${site.url}images.html`);
  await elementReady(images.page, 'layerwise-images');
  const kept = await images.page.evaluate(async () => (await import('./lib/offline.js')).kept);
  assert.ok(kept > 10, `the service worker (worker-src 'self') kept the page's files: ${kept}`);
  const guesses = await images.page.evaluate(() => document.querySelector('layerwise-images').shadowRoot.querySelectorAll('canvas').length);
  assert.ok(guesses >= 2, 'the images page drew its canvases');
  await assertClean(images, 'images.html');

  const views = await openStrict(`${site.url}test/views.html`);
  await views.page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  await views.page.evaluate(() => window.viewsDemo.train(3));
  await assertClean(views, 'test/views.html');
});

test('a course page on another origin, with the strict policy plus the Layerwise host, loads layerwise.js and trains', { timeout: 120_000 }, async () => {
  assert.notEqual(new URL(site.url).origin, new URL(course.url).origin);
  const opened = await openStrict(course.url);
  const { page } = opened;
  await elementReady(page, 'layerwise-playground');
  const seen = await page.evaluate(async () => {
    const node = document.querySelector('layerwise-playground');
    const epochs = [];
    node.addEventListener('epoch', (e) => epochs.push(e.detail.epoch));
    await node.step(3);
    return epochs;
  });
  assert.ok(seen.length >= 1 && seen.at(-1) >= 3, `epochs trained: ${JSON.stringify(seen)}`);
  const styled = await page.evaluate(() => {
    const root = document.querySelector('layerwise-playground').shadowRoot;
    return getComputedStyle(root.querySelector('.lw-scroll canvas')).position;
  });
  assert.equal(styled, 'absolute', 'the element\'s stylesheet from the host applies');
  await assertClean(opened, 'the course page');
});

test('the embed page (a playground, a lesson widget) and the Embed dialog under the strict policy', { timeout: 180_000 }, async () => {
  const frame = await openStrict(`${site.url}embed.html#dataset=xor&layers=4&hide=code,histograms&colour=red`);
  await frame.page.waitForFunction(() => window.layerwiseEmbed);
  await frame.page.evaluate(() => window.layerwiseEmbed.ready);
  const trained = await frame.page.evaluate(async () => (await document.querySelector('layerwise-playground').step(2)).epoch);
  assert.equal(trained, 2);
  const note = await frame.page.evaluate(() => document.querySelector('#embed > .refusal li')?.textContent ?? '');
  assert.match(note, /unknown setting "colour"/, 'the note of a bad address part shows, styled by the page\'s own sheet');
  // the Embed dialog: built and shown under the policy
  await frame.page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('[data-panel="embed"] button').click());
  await frame.page.waitForFunction(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('dialog[open]'));
  await assertClean(frame, 'embed.html (playground)');

  const widget = await openStrict(`${site.url}embed.html#lesson=output&widget=softmax&lang=ko`);
  await widget.page.waitForFunction(() => window.layerwiseEmbed);
  await widget.page.evaluate(() => window.layerwiseEmbed.ready);
  await widget.page.waitForFunction(() => document.querySelector('figure.widget figcaption'));
  await assertClean(widget, 'embed.html (a lesson widget)');
});
