// The sketch page (web/sketch.html, <layerwise-sketch>) in headless Chromium, worked the way a
// learner works it: scripted strokes drawn with synthetic pointer events (a mouse through
// Playwright, a pen and a finger as PointerEvents) and saved as three classes of ten drawings;
// Train; the accuracy on held-out drawings and on new scripted drawings of the same shapes; a
// new drawing whose class probabilities update while it is being drawn; a reload that keeps the
// drawings; imports that are refused (malformed, foreign, not JSON) without losing anything;
// the bundled example set in one click; the layer editor and augmentation. Screenshots at
// desktop and phone widths in English and Korean go to test-results/.
//
// The scripted shapes are drawn by this file's own generator (not web/sketch/examples.js), so
// the network is tested on hands it has not seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementReady, messageOf, openPage, screenshot, serveAndLaunch } from './browser.mjs';
import { random } from '../../web/engine/random.mjs'; // the seeded generator, for scripted drawings

const el = 'layerwise-sketch';
const SHAPES = ['circle', 'triangle', 'cross'];
const web = serveAndLaunch(); // this file's server and Chromium

// ---- scripted drawings (pad units: the pad is 1 × 1, y down) ----

/** One hand-drawn-looking shape: strokes as lists of [x, y] points. */
function scripted(shape, rand) {
  const between = (a, b) => a + (b - a) * rand();
  const r = between(0.18, 0.36);
  const cx = between(0.08 + r, 0.92 - r);
  const cy = between(0.08 + r, 0.92 - r);
  const jit = () => (rand() - 0.5) * 0.012;
  const seg = (a, b, n) => Array.from({ length: n + 1 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / n + jit(), a[1] + ((b[1] - a[1]) * i) / n + jit()]);
  if (shape === 'circle') {
    const start = between(0, 2 * Math.PI);
    const dir = rand() < 0.5 ? 1 : -1;
    const ry = r * between(0.85, 1.1);
    return [Array.from({ length: 31 }, (_, i) => {
      const a = start + (dir * 2 * Math.PI * i) / 30;
      return [cx + r * Math.cos(a) + jit(), cy + ry * Math.sin(a) + jit()];
    })];
  }
  if (shape === 'triangle') {
    const v = [[cx + between(-0.1, 0.1) * r, cy - r], [cx + r, cy + r * between(0.7, 0.9)], [cx - r, cy + r * between(0.7, 0.9)]];
    const k = Math.floor(rand() * 3);
    const p = [v[k], v[(k + 1) % 3], v[(k + 2) % 3], v[k]];
    return [[...seg(p[0], p[1], 8), ...seg(p[1], p[2], 8).slice(1), ...seg(p[2], p[3], 8).slice(1)]];
  }
  const a = r * between(0.8, 1);
  const one = seg([cx - a, cy - a], [cx + a, cy + a], 10);
  const two = seg([cx + a, cy - a], [cx - a, cy + a], 10);
  return rand() < 0.5 ? [one, two] : [two, one];
}

const flat = (strokes) => strokes.map((s) => s.flat());

/**
 * Draws strokes on the pad with the mouse (Playwright's pointer events). With
 * {guessEachPoint: true} the hand waits after each point until the element has sent a
 * `prediction` event more, as a learner drawing slowly enough to watch the guess: every new
 * point asks for a guess of the picture as it is then (one request in flight; the picture of
 * the latest point is asked for next), so each wait ends.
 */
async function drawWithMouse(page, strokes, { guessEachPoint = false } = {}) {
  await page.locator(`${el} canvas.pad`).scrollIntoViewIfNeeded();
  const box = await page.locator(`${el} canvas.pad`).boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  const guesses = guessEachPoint && await page.evaluateHandle(() => {
    const node = document.querySelector('layerwise-sketch');
    const count = () => seen.count++;
    const seen = { count: 0, stop: () => node.removeEventListener('prediction', count) };
    node.addEventListener('prediction', count);
    return seen;
  });
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const p of stroke.slice(1)) {
      const before = guesses && await guesses.evaluate((seen) => seen.count);
      await page.mouse.move(...at(p));
      if (guesses) await page.waitForFunction(([seen, n]) => seen.count > n, [guesses, before]);
    }
    await page.mouse.up();
  }
  if (guesses) {
    await guesses.evaluate((seen) => seen.stop());
    await guesses.dispose();
  }
}

/** Draws strokes with PointerEvents of another kind ("pen" or "touch"), as a tablet sends them. */
function drawWithPointer(page, strokes, pointerType) {
  return page.evaluate(({ strokes, pointerType }) => {
    const pad = document.querySelector('layerwise-sketch').shadowRoot.querySelector('canvas.pad');
    const r = pad.getBoundingClientRect();
    const fire = (type, [x, y]) => pad.dispatchEvent(new PointerEvent(type, {
      bubbles: true, cancelable: true, pointerId: 7, pointerType, isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1,
      clientX: r.left + x * r.width, clientY: r.top + y * r.height, pressure: 0.5,
    }));
    for (const s of strokes) {
      fire('pointerdown', s[0]);
      for (const p of s.slice(1)) fire('pointermove', p);
      fire('pointerup', s.at(-1));
    }
  }, { strokes, pointerType });
}

/**
 * Opens the sketch page and waits until the element is ready. Options go to openPage
 * (browser.mjs): a `context` (the session's, with its storage), or a viewport and a locale.
 */
async function openSketch(options = {}) {
  const opened = await openPage(web.browser, new URL('sketch.html', web.server.url).href, options);
  await waitReady(opened.page);
  return opened;
}

const waitReady = (page) => elementReady(page, el);
const counts = (page) => page.evaluate(() => document.querySelector('layerwise-sketch').classes.map((c) => c.count));
const message = (page) => messageOf(page, el);

/** Presses Train and waits for the run to end; the last row of the history. */
async function trainWithButton(page) {
  await page.evaluate(() => {
    window.epochsSeen = 0;
    document.querySelector('layerwise-sketch').addEventListener('epoch', () => window.epochsSeen++);
  });
  await page.click(`${el} button.train`);
  await page.waitForFunction(() => window.epochsSeen > 0 && !document.querySelector('layerwise-sketch').training, null, { timeout: 60_000 });
  return page.evaluate(() => document.querySelector('layerwise-sketch').history.at(-1));
}

// One context (its localStorage) shared by the tests that follow a learner through a session.
let session;

test('the page is only the element; scripted strokes make 3 classes × 10 drawings', { timeout: 120_000 }, async () => {
  session = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await openSketch({ context: session });
  const body = await page.evaluate(() => [...document.body.children].map((e) => e.localName));
  assert.deepEqual(body, [el]);
  assert.ok(await page.evaluate(() => Boolean(document.querySelector('link[rel="icon"]'))));
  assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').classes.map((c) => c.name)), SHAPES, 'three classes to start');

  const rand = random(11);
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < 10; i++) {
      const strokes = scripted(SHAPES[k], rand);
      // most with the mouse; a few with a pen and a finger
      if (i === 3) await drawWithPointer(page, strokes, 'pen');
      else if (i === 6) await drawWithPointer(page, strokes, 'touch');
      else await drawWithMouse(page, strokes);
      const drawn = await page.evaluate(() => document.querySelector('layerwise-sketch').strokes.length);
      assert.equal(drawn, strokes.length, `${SHAPES[k]} ${i}: every stroke recorded`);
      await page.click(`${el} .chip >> nth=${k}`);
    }
  }
  assert.deepEqual(await counts(page), [10, 10, 10]);
  assert.equal(await page.locator(`${el} .thumb`).count(), 30, 'a thumbnail per drawing');
  assert.equal(await page.locator(`${el} .thumb.test`).count(), 6, 'every 4th drawing of each class held out');
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-sketch').strokes.length), 0, 'saving clears the pad');

  // delete one drawing with its button, then take it back with Undo
  await page.hover(`${el} .thumb >> nth=0`);
  await page.click(`${el} .thumb-delete >> nth=0`);
  assert.deepEqual(await counts(page), [9, 10, 10]);
  assert.match(await message(page), /Deleted a drawing of circle/);
  await page.click(`${el} .message .undo`);
  assert.deepEqual(await counts(page), [10, 10, 10]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('training on them reaches ≥ 90% on held-out drawings and on new scripted ones', { timeout: 120_000 }, async (t) => {
  const { page, errors } = await openSketch({ context: session });
  assert.deepEqual(await counts(page), [10, 10, 10], 'the drawings of the first test');
  const epochs = [];
  await page.exposeFunction('recordEpoch', (detail) => epochs.push(detail));
  await page.evaluate(() => document.querySelector('layerwise-sketch').addEventListener('epoch', (e) => window.recordEpoch(e.detail)));
  const end = await trainWithButton(page);
  t.diagnostic(`after 30 epochs: train accuracy ${end.trainAccuracy}, held-out accuracy ${end.testAccuracy} (6 drawings), loss ${end.trainLoss}`);
  assert.ok(epochs.length >= 2 && epochs.at(-1).epoch === 30, `epoch events: ${epochs.map((e) => e.epoch)}`);
  assert.deepEqual(Object.keys(epochs[0]).sort(), ['epoch', 'testAccuracy', 'testLoss', 'trainAccuracy', 'trainLoss']);
  assert.ok(end.testAccuracy >= 0.9, `held-out accuracy ${end.testAccuracy}`);
  assert.ok(end.trainLoss < epochs[0].trainLoss, 'the loss fell');

  // thirty new drawings of the same shapes, from another seed, through predict(strokes)
  const rand = random(2024);
  const fresh = [];
  for (let i = 0; i < 10; i++) for (let k = 0; k < 3; k++) fresh.push([k, flat(scripted(SHAPES[k], rand))]);
  const guesses = await page.evaluate(async (list) => {
    const node = document.querySelector('layerwise-sketch');
    const out = [];
    for (const [, strokes] of list) out.push((await node.predict(strokes)).best);
    return out;
  }, fresh);
  const right = guesses.filter((g, i) => g === fresh[i][0]).length;
  t.diagnostic(`new scripted drawings: ${right}/30 right`);
  assert.ok(right / 30 >= 0.9, `${right}/30 new drawings classified right`);
  // predict also takes the 784 numbers themselves
  const image = await page.evaluate(async (strokes) => {
    const node = document.querySelector('layerwise-sketch');
    const a = await node.predict(strokes);
    const b = await node.predict(a.image);
    return { a: a.probabilities, b: b.probabilities, n: a.image.length };
  }, fresh[0][1]);
  assert.equal(image.n, 784);
  assert.deepEqual(image.b, image.a);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new drawing is classified while it is being drawn', { timeout: 120_000 }, async () => {
  const { page, errors } = await openSketch({ context: session });
  await trainWithButton(page);
  await page.evaluate(() => {
    window.predictions = [];
    const node = document.querySelector('layerwise-sketch');
    node.addEventListener('prediction', (e) => window.predictions.push(e.detail));
  });
  const inputBefore = await page.textContent(`${el} .grid-readout`);
  const rand = random(77);
  for (const [k, shape] of [[0, 'circle'], [2, 'cross'], [1, 'triangle']]) {
    await page.evaluate(() => (window.predictions = []));
    const strokes = scripted(shape, rand);
    await drawWithMouse(page, strokes, { guessEachPoint: true });
    // the guess after the pen lifted from the last stroke
    await page.waitForFunction((n) => window.predictions.some((p) => !p.drawing && p.strokes === n), strokes.length);
    const log = await page.evaluate(() => window.predictions);
    const during = log.filter((p) => p.drawing);
    assert.ok(during.length >= 3, `${shape}: ${during.length} guesses while drawing`);
    const distinct = new Set(during.map((p) => p.probabilities.map((v) => v.toFixed(4)).join()));
    assert.ok(distinct.size >= 2, `${shape}: the probabilities changed during the stroke`);
    const last = log.at(-1);
    assert.equal(last.drawing, false, `${shape}: ${log.map((p) => p.drawing)}`);
    assert.equal(last.best, k, `${shape}: final guess ${last.name} (${last.probabilities.map((p) => p.toFixed(2))})`);
    const bars = await page.textContent(`${el} .guess.best .guess-name`);
    assert.equal(bars, shape, 'the bars show the guess');
    await page.click(`${el} .pad-tools button >> nth=1`); // Clear
  }
  // the 28 × 28 view followed the drawing, and reads out a number on hover
  assert.notEqual(inputBefore, '');
  await drawWithMouse(page, scripted('circle', rand));
  await page.locator(`${el} canvas.grid`).scrollIntoViewIfNeeded();
  const box = await page.locator(`${el} canvas.grid`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  assert.match(await page.textContent(`${el} .grid-readout`), /Row 14, column 14: .*x\[406\] of 784/);
  // the keyboard moves the lens too
  await page.focus(`${el} canvas.grid`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent(`${el} .grid-readout`), /Row 15, column 15: .*x\[435\] of 784/);
  // switching the language relabels in place; default class names follow it
  await page.selectOption(`${el} select.lang`, 'ko');
  assert.match(await page.textContent(`${el} .grid-readout`), /15행 15열: .*784개 입력 중 x\[435\]/);
  assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').classes.map((c) => c.name)), ['동그라미', '세모', '엑스']);
  assert.equal(await page.getAttribute(el, 'lang'), 'ko');
  await page.selectOption(`${el} select.lang`, 'en');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload keeps the drawings and the settings', { timeout: 60_000 }, async () => {
  const { page, errors } = await openSketch({ context: session });
  await page.evaluate(() => (document.querySelector('layerwise-sketch').settings = { augment: true, testEvery: 5 }));
  const before = await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON());
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await counts(page), [10, 10, 10]);
  const afterReload = await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON());
  assert.deepEqual(afterReload, before, 'every stroke and setting came back');
  assert.equal(afterReload.settings.augment, true);
  assert.equal(await page.locator(`${el} .thumb`).count(), 30);
  assert.match(await message(page), /your 30 drawings are here/);
  await page.evaluate(() => (document.querySelector('layerwise-sketch').settings = { augment: false, testEvery: 4 }));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a malformed or foreign file is refused with a message and nothing is lost', { timeout: 60_000 }, async () => {
  const { page, errors } = await openSketch({ context: session });
  const before = await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON());
  const stored = await page.evaluate(() => localStorage.getItem('layerwise-sketch:main'));
  const files = [
    ['broken.json', '{"format": "layerwise-sketch", "version": 1, "classes": [', /not a JSON file/],
    ['bad-point.json', JSON.stringify({ format: 'layerwise-sketch', version: 1, classes: [{ name: 'x', samples: [{ strokes: [[0.1, 'a']] }] }] }), /damaged.*"a", not a number/],
    ['outside.json', JSON.stringify({ format: 'layerwise-sketch', version: 1, classes: [{ name: 'x', samples: [{ strokes: [[0.1, 0.2, 40, 50]] }] }] }), /damaged.*0 to 1/],
    ['playground.json', JSON.stringify({ format: 'layerwise-playground', version: 1, state: {} }), /playground file/],
    ['other.json', JSON.stringify({ hello: 'world' }), /not a Layerwise sketch file/],
    ['future.json', JSON.stringify({ format: 'layerwise-sketch', version: 9, classes: [] }), /newer Layerwise \(file version 9\)/],
  ];
  for (const [name, text, reason] of files) {
    await page.setInputFiles(`${el} input[type=file]`, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => !document.querySelector('layerwise-sketch').shadowRoot.querySelector('.message').hidden);
    const said = await message(page);
    assert.match(said, reason, `${name}: ${said}`);
    assert.match(said, /Your drawings are unchanged/);
    assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON()), before, `${name} changed nothing`);
    assert.equal(await page.evaluate(() => localStorage.getItem('layerwise-sketch:main')), stored, `${name}: the saved copy is intact`);
  }
  // the script API refuses the same way
  const rejected = await page.evaluate(() => document.querySelector('layerwise-sketch').importJSON('[1, 2]').then(() => 'opened', (e) => e.message));
  assert.match(rejected, /not a Layerwise sketch file/);
  // a good file opens (and Undo brings the old set back)
  const small = { format: 'layerwise-sketch', version: 1, classes: [{ name: 'zero', samples: [{ strokes: [[0.5, 0.2, 0.5, 0.8]] }] }, { name: 'one', samples: [] }] };
  await page.setInputFiles(`${el} input[type=file]`, { name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(small)) });
  await page.waitForFunction(() => document.querySelector('layerwise-sketch').classes.length === 2);
  assert.match(await message(page), /Opened 1 drawings from small\.json/);
  await page.click(`${el} .message .undo`);
  assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON()), before);
  // after a reload, still the learner's set
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON()), before);
  assert.deepEqual(errors, []);
  await page.close();
  await session.close();
});

test('the example set loads in one click and trains to ≥ 90% held out; the layer editor and augmentation shape the run', { timeout: 120_000 }, async (t) => {
  const { page, context, errors } = await openSketch();
  await page.click(`${el} button.examples`);
  assert.deepEqual(await counts(page), [20, 20, 20]);
  const plain = await trainWithButton(page);
  t.diagnostic(`example set, 30 epochs: held-out accuracy ${plain.testAccuracy} (15 drawings)`);
  assert.ok(plain.testAccuracy >= 0.9, `held-out accuracy ${plain.testAccuracy}`);
  // what the first layer learned: 32 of its 64 neurons drawn, the rest counted
  assert.equal(await page.locator(`${el} .weight-tile`).count(), 32);
  assert.match(await page.textContent(`${el} .weights-more`), /and 32 more neurons/);
  const inked = await page.evaluate(() => {
    const tile = document.querySelector('layerwise-sketch').shadowRoot.querySelector('.weight-tile');
    const px = tile.getContext('2d').getImageData(0, 0, 28, 28).data;
    const colours = new Set();
    for (let i = 0; i < px.length; i += 4) colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
    return colours.size;
  });
  assert.ok(inked > 10, `a tile shows a pattern (${inked} colours)`);

  // the layer editor: remove a layer, halve the first; the network that trains has that shape
  await page.click(`${el} .layer-tools button >> nth=1`);
  await page.click(`${el} .layer button[data-key="halve-0"]`);
  const shape = await page.textContent(`${el} .param-count`);
  assert.match(shape, /^784 → 32 → 32 → 3: 26,275 weights and biases$/, shape);
  assert.equal(await page.evaluate(() => JSON.stringify(document.querySelector('layerwise-sketch').settings.hidden)), '[32,32]');
  assert.match(await page.textContent(`${el} .train-note`), /starts a new network/);
  // augmentation: five pictures per training drawing
  await page.check(`${el} .panel-train input[type=checkbox]`);
  const augmented = await trainWithButton(page);
  t.diagnostic(`784-32-32-3 with augmentation: held-out accuracy ${augmented.testAccuracy}`);
  assert.match(await page.textContent(`${el} .metrics`), /Training accuracy \(225\)/);
  assert.equal(augmented.epoch, 30, 'a new network');
  assert.ok(augmented.testAccuracy >= 0.9);
  // no hidden layer: the first layer is the output layer, one template per class
  await page.click(`${el} .layer-tools button >> nth=1`);
  await page.click(`${el} .layer-tools button >> nth=1`);
  await trainWithButton(page);
  assert.equal(await page.textContent(`${el} .panel-weights h2`), 'What each class learned');
  assert.deepEqual(await page.locator(`${el} .weight-label`).allTextContents(), ['circle', 'triangle', 'cross']);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const lang of ['en', 'ko']) {
    test(`screenshot: ${name}, ${lang}; no sideways scrolling`, { timeout: 120_000 }, async () => {
      const { page, context, errors } = await openSketch({ viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      try {
        assert.equal(await page.evaluate(() => document.querySelector('layerwise-sketch').shadowRoot.querySelector('.lws').lang), lang, 'language from the browser');
        await page.click(`${el} button.examples`);
        await trainWithButton(page);
        await page.evaluate(() => (window.done = 0, document.querySelector('layerwise-sketch').addEventListener('prediction', (e) => !e.detail.drawing && window.done++)));
        await drawWithMouse(page, scripted('triangle', random(5)));
        await page.waitForFunction(() => window.done > 0);
        await page.locator(`${el} canvas.grid`).scrollIntoViewIfNeeded();
        const box = await page.locator(`${el} canvas.grid`).boundingBox();
        // point at an inked square of the 28 × 28 grid, so the lens shows numbers
        const cell = await page.evaluate(() => {
          const node = document.querySelector('layerwise-sketch');
          return node.predict(node.strokes).then(({ image }) => {
            let best = 0;
            for (let i = 0; i < 784; i++) if (image[i] > image[best] && Math.floor(i / 28) > 9) best = i;
            return [Math.floor(best / 28), best % 28];
          });
        });
        await page.mouse.move(box.x + ((cell[1] + 0.5) / 28) * box.width, box.y + ((cell[0] + 0.5) / 28) * box.height);
        // the lens is on that square: the read-out names its input, x[row·28 + column]
        await page.waitForFunction((index) => document.querySelector('layerwise-sketch').shadowRoot.querySelector('.grid-readout').textContent.includes(`x[${index}]`), cell[0] * 28 + cell[1]);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= viewport.width, `page is ${scrollWidth}px wide`);
        // the drawing pad: at least 320 px wide on a desktop; on a phone, inside the screen
        const pad = await page.locator(`${el} canvas.pad`).boundingBox();
        if (name === 'desktop') assert.ok(pad.width >= 320, `the pad is ${pad.width}px wide`);
        else assert.ok(pad.x >= 0 && pad.x + pad.width <= viewport.width, `the pad spans ${pad.x}..${pad.x + pad.width}px`);
        const path = await screenshot(page, `test-results/sketch-${name}-${lang}.png`);
        assert.ok(path);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}

// A `lang` attribute wins over the autosave's language and the browser's, with or without an
// autosave (an operator-precedence slip once made `lang="ko"` throw when nothing was saved, and
// be ignored when something was).
test('the lang attribute sets the language, with and without an autosave', { timeout: 60_000 }, async () => {
  const { page, errors, context } = await openSketch({ locale: 'en-US' });
  const langOf = (autosave) => page.evaluate(async (name) => {
    const el = document.createElement('layerwise-sketch');
    el.setAttribute('lang', 'ko');
    if (name !== null) el.setAttribute('autosave', name);
    document.body.append(el);
    await el.ready;
    const text = el.shadowRoot.textContent;
    el.remove();
    return /[가-힣]/.test(text) ? 'ko' : 'en';
  }, autosave);
  assert.equal(await langOf(null), 'ko', 'no autosave');
  assert.equal(await langOf('fresh'), 'ko', 'an autosave with nothing in it');
  // the page's own element saved in English: a Korean element on that entry still speaks Korean
  assert.equal(await langOf(''), 'ko', 'an autosave saved in English');
  assert.deepEqual(errors, []);
  await context.close();
});
