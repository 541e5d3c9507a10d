// The playground's views (web/playground/views/*.js) in headless Chromium, through the
// standalone page web/test/views.html: it trains a spiral 8,8 tanh Adam run in the engine's
// worker and renders every view. Checked: no console errors; each view draws something (a
// canvas with more than one colour, an SVG with elements); hover, tap and keyboard read-outs
// appear with the values they should. What the views cost to draw a frame is measured by
// bench/bench_views.mjs, not here. Screenshots at 1280×800 and 390×844 go to test-results/
// for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, serveAndLaunch } from './browser.mjs';

const web = serveAndLaunch(); // this file's server and Chromium

/** Opens test/views.html + hash and waits until its run is ready; options go to openPage. */
async function open(hash = '', viewport = { width: 1280, height: 800 }, options = {}) {
  const url = new URL(`test/views.html${hash}`, web.server.url).href;
  const opened = await openPage(web.browser, url, { viewport, ...options });
  await opened.page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  return opened;
}

// Distinct colours in a canvas (sampled), so "drew something" means more than a blank fill.
function colours(page, selector) {
  return page.$eval(selector, (c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2] | (data[i + 3] << 24));
    return seen.size;
  });
}

async function hoverAt(page, selector, fx, fy) {
  const box = await page.locator(selector).first().boundingBox();
  await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
}

const tipText = (page, view) => page.$eval(`${view} .lw-tip`, (n) => (n.hidden ? '' : n.textContent));

test('the views render a trained spiral run, with read-outs, without errors', async () => {
  const { page, errors, context } = await open();
  try {
    await page.evaluate(async () => {
      for (let i = 0; i < 40; i++) await window.viewsDemo.train(3);
    });

    // every view drew something
    assert.ok(await colours(page, '#boundary canvas') > 50, 'the boundary heatmap has many colours');
    assert.ok(await colours(page, '#network canvas') > 50, 'the network diagram has many colours');
    assert.ok(await colours(page, '#curves canvas') > 3, 'the curves are drawn');
    assert.ok(await colours(page, '#histograms canvas') > 3, 'the histograms are drawn');
    assert.equal(await page.locator('#network svg rect[data-c]').count(), 2 + 8 + 8 + 1, 'one frame per neuron');
    assert.ok(await page.locator('#boundary svg text').count() >= 14, 'the boundary has tick labels');
    assert.equal(await page.locator('#histograms canvas').count(), 3, 'one histogram row per layer');

    await page.evaluate(() => window.viewsDemo.setState({ showTest: true }));
    await screenshot(page, 'test-results/views-1280.png');
    await page.evaluate(() => window.viewsDemo.setState({ showTest: false }));

    // hover read-outs
    await hoverAt(page, '#boundary canvas', 0.5, 0.5);
    assert.match(await tipText(page, '#boundary'), /x₁ = .*x₂ = .*predicts class [01] \((orange|blue)\), \d+(\.\d)?% sure/);
    await hoverAt(page, '#curves canvas', 0.6, 0.3);
    assert.match(await tipText(page, '#curves'), /Epoch \d+.*train loss [\d.]+.*test loss [\d.]+.*train accuracy [\d.]+%/);
    await hoverAt(page, '#histograms canvas', 0.2, 0.4);
    assert.match(await tipText(page, '#histograms'), /Layer 1 · tanh: Weights.*mean .*std .*bar /);
    const tile = await page.locator('#network rect[data-c="1"][data-j="0"]').boundingBox();
    await page.mouse.move(tile.x + tile.width / 2, tile.y + tile.height / 2);
    assert.match(await tipText(page, '#network'), /Layer 1, neuron 1 · tanh.*bias .*gradient .*output over the plane/);
    // an edge: half-way between input x1 and the first hidden neuron's row, found by scanning
    const edge = await page.evaluate(() => {
      const frames = [...document.querySelectorAll('#network rect[data-c]')];
      const a = frames.find((r) => r.dataset.c === '0' && r.dataset.j === '0').getBoundingClientRect();
      const b = frames.find((r) => r.dataset.c === '1' && r.dataset.j === '3').getBoundingClientRect();
      return { x: (a.right + b.left) / 2, y0: Math.min(a.top, b.top), y1: Math.max(a.bottom, b.bottom) };
    });
    let edgeTip = '';
    for (let y = edge.y0; y <= edge.y1 && !/weight/.test(edgeTip); y += 2) {
      await page.mouse.move(edge.x, y);
      edgeTip = await tipText(page, '#network');
    }
    assert.match(edgeTip, /x[₁₂] → L1 #\d+.*weight −?[\d.e−]+.*gradient ∂loss\/∂w −?[\d.e−]+/);
    await page.mouse.move(1, 1);

    // keyboard: focus the diagram's neuron, move right, read the incoming weights
    await page.locator('#network rect[tabindex="0"]').focus();
    await page.keyboard.press('ArrowRight');
    assert.match(await tipText(page, '#network'), /Layer 1, neuron/);
    await page.keyboard.press('Enter');
    assert.match(await tipText(page, '#network'), /→ L1 #\d+weight/);
    await page.keyboard.press('ArrowDown');
    assert.match(await tipText(page, '#network'), /x₂ → L1/);
    await page.keyboard.press('Escape');
    await page.locator('#curves .lw-focusable').focus();
    await page.keyboard.press('ArrowLeft');
    assert.match(await tipText(page, '#curves'), /Epoch 117/);

    // touch: a tap on the boundary shows the read-out
    const touch = await open('', { width: 390, height: 844 }, { hasTouch: true, isMobile: true });
    const phone = touch.page;
    await phone.evaluate(() => window.viewsDemo.train(20));
    const pbox = await phone.locator('#boundary canvas').boundingBox();
    await phone.touchscreen.tap(pbox.x + pbox.width * 0.3, pbox.y + pbox.height * 0.3);
    assert.match(await tipText(phone, '#boundary'), /predicts class/);
    assert.deepEqual(touch.errors, []);
    await touch.context.close();

    // playing: the views follow live snapshots; the log-scale box redraws the loss
    await page.click('#play');
    await page.waitForFunction(() => window.viewsDemo.history.epochs.length > 12, null, { timeout: 30_000 });
    await page.click('#play');
    await page.locator('#curves input[type=checkbox]').check();
    assert.ok(await colours(page, '#curves canvas') > 3, 'the log-scale curves are drawn');


  } finally {
    await context.close();
  }
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});

test('a phone-width page (390×844) lays the views out in one column', async () => {
  const { page, errors, context } = await open('', { width: 390, height: 844 });
  try {
    await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) await window.viewsDemo.train(4);
    });
    const widths = await page.evaluate(() => ['#boundary', '#network', '#curves', '#histograms']
      .map((s) => document.querySelector(s).getBoundingClientRect().width));
    for (const w of widths) assert.ok(w <= 390, `a view fits the phone's width (${w})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 390, `the page does not scroll sideways (${overflow})`);
    await screenshot(page, 'test-results/views-390.png');
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});

test('6 hidden layers × 16 ReLU neurons: every neuron on the diagram', async () => {
  const { page, errors, context } = await open('#dataset=circle&layers=16,16,16,16,16,16&activation=relu&optimizer=adam&lr=0.01&seed=2');
  try {
    await page.evaluate(() => window.viewsDemo.train(30));
    assert.equal(await page.locator('#network svg rect[data-c]').count(), 2 + 6 * 16 + 1);
    await screenshot(page, 'test-results/views-6x16.png');
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
});

test('regression: the sine curve and the plane heatmap; three classes mix their colours', async () => {
  for (const [name, hash, check] of [
    ['sine', '#dataset=sine&layers=8,8&activation=tanh&optimizer=adam&lr=0.03', /x₁ = .*predicts −?[\d.]+/],
    ['plane', '#dataset=plane&layers=4&activation=tanh&optimizer=adam&lr=0.03&noise=10', /x₁ = .*x₂ = .*predicts −?[\d.]+/],
    ['blobs3', '#dataset=blobs3&layers=6,6&activation=tanh&optimizer=adam&lr=0.03&noise=20', /predicts class [012] \((orange|blue|wine)\)/],
  ]) {
    const { page, errors, context } = await open(hash);
    try {
      await page.evaluate(() => window.viewsDemo.train(60));
      assert.ok(await colours(page, '#boundary canvas') > 20, `${name}: the output view drew`);
      await hoverAt(page, '#boundary canvas', 0.62, 0.5);
      assert.match(await tipText(page, '#boundary'), check, name);
      if (name !== 'blobs3') assert.equal(await page.locator('#curves').getByText('Accuracy').count(), 0);
      await screenshot(page, `test-results/views-${name}.png`);
    } finally {
      await context.close();
    }
    assert.deepEqual(errors, [], `${name}: console errors:\n${errors.join('\n')}`);
  }
});
