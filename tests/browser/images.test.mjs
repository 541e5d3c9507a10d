// The real-images page (web/images.html, <layerwise-images>) in headless Chromium, on the site's
// own Fashion-MNIST file (web/data/fashion-mnist.bin: 10,000 training and 2,000 test pictures;
// node scripts/build-data.mjs writes it). A learner's path: the pictures load; one epoch of
// the seed's 784-256-128-64-10 network reaches a test accuracy above 0.75; the confusion
// matrix on screen sums to the 2,000 test pictures and its diagonal is the reported accuracy;
// a square of it opens its pictures; a picture drawn on the pad gets a guess; a gallery
// picture shows every layer's outputs; the small CNN builds and trains; the Korean page has
// every string; a phone's width needs no sideways scrolling; a missing data file gives an error
// naming it, with a retry; the attributes a course page sets (pictures, gallery, hide) and
// their refusals, with one download for all elements of a page. Screenshots at desktop and phone widths in English and Korean,
// before and after training, go to test-results/images/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementReady, messageOf, openPage, screenshot, serveAndLaunch } from './browser.mjs';

const el = 'layerwise-images';
const web = serveAndLaunch();
const SHOTS = 'test-results/images';

async function openImages(options = {}, path = 'images.html') {
  const opened = await openPage(web.browser, new URL(path, web.server.url).href, options);
  await elementReady(opened.page, el);
  return opened;
}

/** Clicks "One epoch" and waits until the epoch and the confusion matrix after it are in. */
async function oneEpoch(page) {
  const before = await page.evaluate((tag) => document.querySelector(tag).epoch, el);
  await page.click(`${el} button.step`);
  await page.waitForFunction(([tag, n]) => {
    const node = document.querySelector(tag);
    return node.epoch > n && node.confusion?.epoch === node.epoch && !node.shadowRoot.querySelector('button.step').disabled;
  }, [el, before], { timeout: 120_000 });
}

// The numbers the confusion grid shows, row by row (empty squares are 0).
const gridNumbers = (page) => page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.confusion-grid .cell')]
  .map((b) => Number(b.textContent || 0)), el);

test('one epoch of the seed\'s network: accuracy, the confusion matrix, the gallery, a drawing, the layers', { timeout: 240_000 }, async () => {
  const { page, errors } = await openImages();
  assert.equal(await messageOf(page, el), '', 'loaded without a message');
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.progress').hidden, el), true, 'the progress bar is gone');
  assert.deepEqual(await page.evaluate(() => [...document.body.children].map((e) => e.localName)), [el]);
  await screenshot(page, `${SHOTS}/desktop-en-before.png`);

  await oneEpoch(page);
  const detail = await page.evaluate((tag) => document.querySelector(tag).detail, el);
  assert.equal(detail.epoch, 1);
  assert.ok(detail.testAccuracy > 0.75, `test accuracy after one epoch: ${detail.testAccuracy}`);

  // The matrix as drawn: 100 squares summing to the test pictures, the diagonal the accuracy.
  const shown = await gridNumbers(page);
  assert.equal(shown.length, 100);
  assert.equal(shown.reduce((a, b) => a + b, 0), 2000, 'every test picture counted once');
  const diagonal = shown.filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
  // the worker's evaluate and the page's argmax of the same eval-mode outputs: equal up to a
  // tie between two logits (not expected with float outputs; one picture's worth allowed)
  assert.ok(Math.abs(diagonal / 2000 - detail.testAccuracy) <= 1 / 2000 + 1e-9, `diagonal ${diagonal} of 2000 vs accuracy ${detail.testAccuracy}`);
  const c = await page.evaluate((tag) => document.querySelector(tag).confusion, el);
  assert.deepEqual(c.matrix, shown);
  assert.equal(c.right, diagonal);
  assert.match(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.confusion-summary').textContent, el),
    new RegExp(`^${diagonal} of 2000 test pictures right`));

  // The gallery: mistakes first (each marked), top-3 guesses per picture.
  const shots = await page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.gallery-list .shot')]
    .map((s) => ({ wrong: s.classList.contains('wrong'), top: s.querySelectorAll('.top3 li').length })), el);
  assert.equal(shots.length, 24);
  assert.ok(shots.every((s) => s.top === 3));
  assert.ok(shots[0].wrong, 'a mistake comes first');
  const firstRight = shots.findIndex((s) => !s.wrong);
  assert.ok(firstRight === -1 || shots.slice(firstRight).every((s) => !s.wrong), 'no mistake after a right one');

  // A square off the diagonal opens exactly its pictures: true Shirt (6), guessed T-shirt/top (0).
  const cell = shown[6 * 10 + 0];
  assert.ok(cell > 0, 'some shirts are taken for T-shirts after one epoch');
  await page.click(`${el} .cell[data-truth="6"][data-guess="0"]`);
  const opened = await page.evaluate((tag) => {
    const root = document.querySelector(tag).shadowRoot;
    return { n: root.querySelectorAll('.gallery-list .shot').length, note: root.querySelector('.gallery-note').textContent, truths: [...root.querySelectorAll('.gallery-list .truth')].map((t) => t.textContent) };
  }, el);
  assert.equal(opened.n, Math.min(cell, 24));
  assert.equal(opened.note, `Showing Shirt guessed as T-shirt/top: ${cell} pictures.`);
  assert.ok(opened.truths.every((t) => t === 'Shirt'));

  // A gallery picture shows every layer's outputs: the input and the 7 layers.
  await page.click(`${el} .gallery-list .shot`);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.layer-list .layer-row').length === 8, el);
  const titles = await page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.layer-title')].map((t) => t.textContent), el);
  assert.deepEqual(titles.slice(1), ['1. linear [256]', '2. ReLU [256]', '3. linear [128]', '4. ReLU [128]', '5. linear [64]', '6. ReLU [64]', '7. linear [10]']);

  // A drawing (a T-shirt's outline) gets a guess: the three best classes, as bars.
  const pad = await page.locator(`${el} canvas.pad`);
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const predicted = page.evaluate((tag) => new Promise((resolve) => document.querySelector(tag).addEventListener('prediction', (e) => resolve(e.detail), { once: true })), el);
  const outline = [[0.3, 0.2], [0.1, 0.35], [0.2, 0.45], [0.3, 0.4], [0.3, 0.85], [0.7, 0.85], [0.7, 0.4], [0.8, 0.45], [0.9, 0.35], [0.7, 0.2], [0.3, 0.2]];
  await page.mouse.move(box.x + outline[0][0] * box.width, box.y + outline[0][1] * box.height);
  await page.mouse.down();
  for (const [x, y] of outline.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
  await page.mouse.up();
  const guess = await predicted;
  assert.equal(guess.top.length, 3);
  assert.ok(Math.abs(guess.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.guess-list .guess').length === 3, el);
  assert.match(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.guess-headline').textContent, el), /^[\w/ -]+: \d+%$/);

  // The first layer's weights: 32 of the 256 neurons as 28 × 28 pictures; no conv filters here.
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.weight-tile').length, el), 32);
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.panel-filters').hidden, el), true);
  // The code panel: a PyTorch script of this network.
  const code = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.code').textContent, el);
  assert.ok(code.includes('nn.Linear(784, 256)') && code.includes('datasets.FashionMNIST('));
  await screenshot(page, `${SHOTS}/desktop-en-after.png`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the small CNN builds, trains and shows its filters and feature maps', { timeout: 240_000 }, async () => {
  const { page, errors } = await openImages({}, 'images.html');
  await page.selectOption(`${el} select.preset`, 'cnn');
  const layers = await page.evaluate((tag) => document.querySelector(tag).layers.map((l) => l.type), el);
  assert.deepEqual(layers, ['conv2d', 'relu', 'maxpool2d', 'conv2d', 'relu', 'maxpool2d', 'flatten']);
  await page.click(`${el} button.play`);
  await page.waitForFunction((tag) => document.querySelector(tag).steps > 0, el, { timeout: 120_000 });
  await page.click(`${el} button.play`); // pause
  await page.waitForFunction((tag) => !document.querySelector(tag).training, el);
  assert.equal(await messageOf(page, el), '', 'no error');
  // conv1 8·(1·5·5+1), conv2 16·(8·5·5+1), linear 10·(16·7·7+1): padding 2 keeps 28 and 14
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).parameterCount, el), 208 + 3216 + 7850);
  // the editor shows each convolution's filters, kernel and padding
  assert.deepEqual(await page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.layer-editor li')]
    .slice(0, 1).map((li) => [...li.querySelectorAll('input.layer-size')].map((i) => Number(i.value))), el), [[8, 5, 2]]);
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.filter-tile').length, el), 8);
  await page.click(`${el} .gallery-list .shot`);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.layer-list .layer-row').length === 9, el);
  const maps = await page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.layer-list .layer-row')]
    .map((r) => [r.querySelector('.layer-title').textContent.split(' · ')[0], r.querySelectorAll('canvas').length]), el);
  assert.deepEqual(maps.slice(1, 4), [['1. convolution [8, 28, 28]', 8], ['2. ReLU [8, 28, 28]', 8], ['3. max pool [8, 14, 14]', 8]]);
  assert.deepEqual(maps[4], ['4. convolution [16, 14, 14]', 8], 'the first 8 of 16 maps');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a layer that does not fit shows the engine\'s error and keeps the learner\'s layers', { timeout: 120_000 }, async () => {
  const { page, errors } = await openImages();
  // a convolution with a kernel larger than the picture
  await page.evaluate((tag) => (document.querySelector(tag).layers = [{ type: 'conv2d', out: 4, kernel: 40 }, { type: 'flatten' }]), el);
  await page.click(`${el} button.step`);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.message.error'), el);
  const text = await messageOf(page, el);
  assert.match(text, /^This network cannot be built: .*spec\.layers\[0\]/);
  assert.deepEqual(await page.evaluate((tag) => document.querySelector(tag).layers, el), [{ type: 'conv2d', out: 4, kernel: 40 }, { type: 'flatten' }]);
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.layer-editor li').length, el), 2);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Korean, desktop and phone: every string translated, no sideways scrolling', { timeout: 240_000 }, async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['ko', 'en']) {
      if (name === 'desktop' && lang === 'en') continue; // the first test's pictures
      const { page, errors } = await openImages({ viewport, locale: lang === 'ko' ? 'ko-KR' : 'en-US', isMobile: name === 'phone', hasTouch: name === 'phone' });
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.lwi').lang, el), lang);
      assert.ok(await fits(), `${name} ${lang}: fits before training`);
      await screenshot(page, `${SHOTS}/${name}-${lang}-before.png`);
      await oneEpoch(page);
      await page.click(`${el} .gallery-list .shot`);
      await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.layer-list .layer-row').length > 1, el);
      assert.ok(await fits(), `${name} ${lang}: fits after training`);
      if (lang === 'ko') {
        const heads = await page.evaluate((tag) => [...document.querySelector(tag).shadowRoot.querySelectorAll('h2')].map((x) => x.textContent), el);
        assert.ok(heads.includes('혼동 행렬') && heads.includes('테스트 사진'), heads.join(', '));
        // no text shows a raw key ("panel.train") or an unfilled placeholder
        const raw = await page.evaluate((tag) => {
          const walker = document.createTreeWalker(document.querySelector(tag).shadowRoot, NodeFilter.SHOW_TEXT);
          const found = [];
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.parentElement.closest('pre.code')) continue; // Python's f-strings have braces
            if (/^[a-z]+\.[a-zA-Z.]+$|\{\w+\}/.test(node.textContent.trim())) found.push(node.textContent);
          }
          return found;
        }, el);
        assert.deepEqual(raw, []);
      }
      await screenshot(page, `${SHOTS}/${name}-${lang}-after.png`);
      assert.deepEqual(errors, [], 'no console error (a missing Korean string is one)');
      await page.context().close();
    }
  }
});

// The parameters of a network of linear layers of these sizes: n_in·n_out + n_out each.
const paramsOf = (sizes) => sizes.slice(1).reduce((sum, out, i) => sum + sizes[i] * out + out, 0);

test('pictures, gallery and hide: fewer training pictures, fewer panels, one download; bad values refused', { timeout: 240_000 }, async () => {
  const { page, errors } = await openImages();
  const downloads = [];
  page.on('request', (r) => { if (r.url().endsWith('/fashion-mnist.bin')) downloads.push(r.url()); });
  // two more elements: a lesson-like one, and one with values to refuse (its events caught)
  await page.evaluate(async (tag) => {
    const a = document.createElement(tag);
    for (const [k, v] of Object.entries({ lang: 'en', pictures: '300', gallery: '6', hide: 'brand,lang,intro,network,confusion,draw,layers,weights' })) a.setAttribute(k, v);
    a.id = 'a';
    const b = document.createElement(tag);
    window.refused = [];
    b.addEventListener('error', (e) => window.refused.push(...e.detail.problems.map((p) => [p.setting, p.value])));
    for (const [k, v] of Object.entries({ lang: 'en', pictures: 'abc', gallery: '30', hide: 'histogram,code,confusion,gallery' })) b.setAttribute(k, v);
    b.id = 'b';
    document.body.append(a, b);
    await Promise.all([a.ready, b.ready]);
  }, el);
  assert.deepEqual(downloads, [], 'the new elements use the pictures the page already has');
  const A = (fn, arg) => page.evaluate(([f, x]) => new Function('node', 'x', `return (${f})(node, x)`)(document.getElementById('a'), x), [fn.toString(), arg]);
  const B = (fn, arg) => page.evaluate(([f, x]) => new Function('node', 'x', `return (${f})(node, x)`)(document.getElementById('b'), x), [fn.toString(), arg]);

  // A: 300 pictures, the training panel (with its summary line), the gallery of 6, the code
  assert.equal(await A((n) => n.pictureCount), 300);
  assert.equal(await A((n) => n.settings.pictures), 300);
  const shown = await A((n) => [...n.shadowRoot.querySelectorAll('.panel, .bar, .intro')].filter((p) => p.checkVisibility()).map((p) => p.className));
  assert.deepEqual(shown, ['panel panel-train', 'panel panel-gallery', 'panel panel-code']);
  assert.equal(await A((n) => n.shadowRoot.querySelector('.main').classList.contains('trimmed')), true);
  const seed = [784, 256, 128, 64, 10];
  assert.equal(await A((n) => n.shadowRoot.querySelector('.summary').textContent),
    `Network ${seed.join(' → ')}: ${paramsOf(seed).toLocaleString('en-US')} parameters, trained on 300 pictures.`);
  assert.equal(await A((n) => n.shadowRoot.querySelector('.panel-gallery .hint').textContent), 'Mistakes first. Each picture shows its class and the network’s three best guesses.', 'no word of the hidden layers panel');
  const a1 = await A((n) => n.step(1));
  assert.equal(a1.epoch, 1);
  await page.waitForFunction(() => document.getElementById('a').confusion?.epoch === 1);
  assert.equal(await A((n) => n.shadowRoot.querySelectorAll('.gallery-list .shot').length), 6);
  assert.ok(await A((n) => n.shadowRoot.querySelector('.code').textContent.includes('train_set = torch.utils.data.Subset(train_set, range(300))\n')));

  // B: each bad value named, the good ones applied: all pictures, code, matrix and gallery gone
  assert.deepEqual((await page.evaluate(() => window.refused)).sort(), [['gallery', '30'], ['hide', 'histogram'], ['pictures', 'abc']]);
  assert.match(await B((n) => n.shadowRoot.querySelector('.refusal').textContent), /pictures must be a number, got "abc".*gallery must be between 1 and 24, got 30/s);
  assert.equal(await B((n) => n.settings.pictures), null);
  assert.equal(await B((n) => n.pictureCount), 10000);
  assert.deepEqual(await B((n) => ['.panel-code', '.col-results', '.panel-network'].map((q) => n.shadowRoot.querySelector(q).checkVisibility())), [false, false, true]);
  // the learner picks 500 pictures in the menu: a new network at the next training
  await page.selectOption('#b select.pictures', '500');
  assert.equal(await B((n) => n.settings.pictures), 500);
  assert.equal(await B((n) => n.shadowRoot.querySelector('.panel-network .note').hidden), false, 'the stale note');
  const b1 = await B((n) => n.step(1));
  assert.equal(b1.epoch, 1);
  assert.equal(await B((n) => n.pictureCount), 500);
  assert.equal(await B((n) => n.confusion), null, 'no matrix and no gallery: the test pictures are not guessed again');
  assert.match(await B((n) => n.shadowRoot.querySelector('select.pictures').selectedOptions[0].textContent), /^500$/);
  assert.match(await B((n) => n.shadowRoot.querySelector('option.all').textContent), /^All 10,000$/);
  // a good value for a refused attribute settles it; removing it puts all the pictures back
  await B((n) => n.setAttribute('pictures', '2000'));
  assert.equal(await B((n) => n.settings.pictures), 2000);
  assert.doesNotMatch(await B((n) => n.shadowRoot.querySelector('.refusal').textContent), /pictures/);
  await B((n) => n.removeAttribute('pictures'));
  assert.equal(await B((n) => n.settings.pictures), null);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a data file that cannot be loaded: an error naming it, and Try again', { timeout: 60_000 }, async () => {
  const { page, errors } = await openImages();
  // a second element, pointed at a file the site does not have, replaces the page's
  await page.evaluate(async (tag) => {
    const node = document.createElement(tag);
    node.setAttribute('src', 'data/no-such-file.bin');
    node.setAttribute('lang', 'en');
    document.body.replaceChildren(node);
    await node.ready;
  }, el);
  const text = await messageOf(page, el);
  assert.match(text, /^The pictures could not be loaded: could not download no-such-file\.bin from .*404.*Try again$/);
  assert.equal(await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('button.step').disabled, el), true);
  // the file appears (here: the element is pointed at the real one) and Try again loads it
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('src', 'data/fashion-mnist.bin'), el);
  await page.click(`${el} .message .retry`);
  await page.waitForFunction((tag) => !document.querySelector(tag).shadowRoot.querySelector('button.step').disabled, el, { timeout: 60_000 });
  assert.equal(await messageOf(page, el), '');
  assert.deepEqual(errors.filter((e) => !/404|no-such-file/.test(e)), [], 'only the missing file was reported');
  await page.context().close();
});
