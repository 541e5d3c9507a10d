// A newcomer's first minutes with the playground: on a phone the output stays in view while a
// setting changes (the dock), nothing scrolls sideways at phone widths in either orientation,
// every explained control has an info button a finger, a keyboard and a screen reader can
// reach, and the first visit offers a five-step tour that is remembered once taken or declined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch, screenshot } from './browser.mjs';
import { rendered, waitReady } from './playground-helpers.mjs';
import { STRINGS } from '../../web/playground/i18n.js';

const web = serveAndLaunch();
const inShadow = (sel) => `layerwise-playground ${sel}`;

async function openMain(viewport, locale = 'en-US', extra = {}) {
  const opened = await openPage(web.browser, new URL('index.html', web.server.url).href,
    { viewport, locale, isMobile: viewport.width < 700, hasTouch: viewport.width < 700, ...extra });
  await waitReady(opened.page);
  await rendered(opened.page);
  return opened;
}

/** Where the output plot is seen now: the boundary plot or the dock's copy of it, if either is wholly in the viewport. */
const plotInView = (page) => page.evaluate(() => {
  const root = document.querySelector('layerwise-playground').shadowRoot;
  const inside = (node) => {
    if (!node || node.closest('[hidden]')) return false;
    const r = node.getBoundingClientRect();
    return r.width > 40 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  if (inside(root.querySelector('.slot-boundary canvas'))) return 'plot';
  if (inside(root.querySelector('.dock-plot'))) return 'dock';
  return null;
});

/** The mean difference (0–255) between the dock's picture and the boundary plot drawn at the dock's size. */
const dockDifference = (page) => page.evaluate(() => {
  const root = document.querySelector('layerwise-playground').shadowRoot;
  const dock = root.querySelector('.dock-plot');
  const source = root.querySelector('.slot-boundary canvas');
  const copy = document.createElement('canvas');
  copy.width = dock.width;
  copy.height = dock.height;
  const ctx = copy.getContext('2d');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, copy.width, copy.height);
  const a = ctx.getImageData(0, 0, copy.width, copy.height).data;
  const b = dock.getContext('2d').getImageData(0, 0, dock.width, dock.height).data;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
});

// how far the page, or the element's code panel, scrolls sideways (0 or less: it fits)
const sideways = (page) => page.evaluate(() => Math.max(
  document.documentElement.scrollWidth - document.documentElement.clientWidth,
  ...[...document.querySelector('layerwise-playground').shadowRoot.querySelectorAll('pre')].map((pre) => pre.scrollWidth - pre.clientWidth)));

test('on a phone the output plot stays in view while the learning rate changes, upright and sideways', { timeout: 60_000 }, async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 844, height: 390 }]) {
    const { page, context, errors } = await openMain(viewport);
    assert.ok(await sideways(page) <= 0, `${viewport.width}×${viewport.height}: the page scrolls sideways`);
    const lr = page.locator(inShadow('.settings select')).nth(1);
    await lr.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => document.querySelector('layerwise-playground').state.lr);
    await lr.selectOption('0.1');
    await rendered(page);
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').state.lr), 0.1, 'the learning rate changed');
    assert.notEqual(before, 0.1);
    assert.ok(await lr.isVisible(), 'the setting is still on screen');
    const where = await plotInView(page);
    assert.ok(where, `${viewport.width}×${viewport.height}: neither the output plot nor the dock's copy is in the viewport`);
    // upright, the settings are below the output: the dock is what keeps it in view
    if (viewport.width === 390) assert.equal(where, 'dock');
    if (where === 'dock') {
      // the dock shows the plot as it is now (drawn after the change), with play and the epoch
      assert.ok(await dockDifference(page) < 3, 'the dock shows the current output plot');
      const dock = await page.evaluate(() => {
        const d = document.querySelector('layerwise-playground').shadowRoot.querySelector('.dock');
        return { epoch: d.querySelector('.dock-epoch').textContent, play: d.querySelector('.dock-play').getAttribute('aria-label') };
      });
      assert.equal(dock.play, STRINGS.en['controls.play']);
      assert.match(dock.epoch, /^000,00\d$/);
      // its play button trains, and the main counter moves with it
      await page.locator(inShadow('.dock-play')).click();
      await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch >= 3);
      await page.locator(inShadow('.dock-play')).click();
    }
    // the dock's plot brings the output back
    if (where === 'dock') {
      await page.locator(inShadow('.dock-show')).click();
      await page.waitForFunction(() => {
        const c = document.querySelector('layerwise-playground').shadowRoot.querySelector('.slot-boundary canvas').getBoundingClientRect();
        return c.top >= 0 && c.bottom <= innerHeight + 1;
      }, null, { timeout: 5000 });
    }
    if (viewport.width === 390) await screenshot(page, 'test-results/first-minutes/phone-lr.png');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('no sideways scrolling at 360 and 430 px, and sections fold away', { timeout: 60_000 }, async () => {
  for (const viewport of [{ width: 360, height: 640 }, { width: 430, height: 932 }]) {
    const { page, context } = await openMain(viewport, 'ko-KR');
    assert.ok(await sideways(page) <= 0, `${viewport.width} px: the page scrolls sideways`);
    // scrolled past the plot the dock is up, unless the element hides its controls (or the dock)
    await page.locator(inShadow('.settings select')).nth(1).scrollIntoViewIfNeeded();
    const dockShown = () => page.evaluate(() => !document.querySelector('layerwise-playground').shadowRoot.querySelector('.dock').hidden);
    await page.waitForFunction(() => !document.querySelector('layerwise-playground').shadowRoot.querySelector('.dock').hidden);
    for (const hide of ['controls', 'dock']) {
      await page.evaluate((h) => document.querySelector('layerwise-playground').setAttribute('hide', h), hide);
      assert.equal(await dockShown(), false, `hide=${hide}`);
    }
    await page.evaluate(() => document.querySelector('layerwise-playground').removeAttribute('hide'));
    assert.equal(await dockShown(), true);
    if (viewport.width === 360) {
      const data = page.locator(inShadow('.data .fold'));
      const height = () => page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.data').offsetHeight);
      const open = await height();
      await data.click();
      assert.equal(await data.getAttribute('aria-expanded'), 'false');
      assert.ok(await height() < open / 3, 'the data section folds to its heading');
      await data.click();
      assert.equal(await height(), open);
    }
    await context.close();
  }
});

test('every explained control has an info button: touch, keyboard and screen readers reach its explanation', { timeout: 60_000 }, async () => {
  for (const lang of ['en', 'ko']) {
    const { page, context } = await openMain({ width: 1280, height: 900 }, lang === 'ko' ? 'ko-KR' : 'en-US');
    const infos = await page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      return [...root.querySelectorAll('.info-button')].map((b) => {
        const tip = root.getElementById(b.getAttribute('aria-controls'));
        const field = b.closest('.has-info');
        const control = field.querySelector('select, input');
        const names = b.getAttribute('aria-labelledby').split(' ').map((id) => root.getElementById(id).textContent);
        return { key: tip.dataset.t, tip: tip.textContent, hidden: tip.hidden, describes: control.getAttribute('aria-describedby')?.split(' ').includes(tip.id), name: names.join(' ') };
      });
    });
    assert.ok(infos.length >= 15, `${infos.length} info buttons`);
    for (const info of infos) {
      assert.equal(info.tip, STRINGS[lang][info.key], `${info.key} reads its string in ${lang}`);
      assert.ok(info.hidden, `${info.key} starts closed`);
      assert.ok(info.describes, `${info.key} describes its control (aria-describedby)`);
      assert.ok(info.name.startsWith(STRINGS[lang]['help.more']) && info.name.length > STRINGS[lang]['help.more'].length + 1, `${info.key}'s button is named after its control: ${info.name}`);
    }
    // the keyboard: Tab to the learning rate's info button, Enter opens, Escape closes and keeps the focus there
    const lrInfo = page.locator(inShadow('.settings .info-button')).nth(1);
    await lrInfo.focus();
    await page.keyboard.press('Enter');
    assert.equal(await lrInfo.getAttribute('aria-expanded'), 'true');
    const tip = page.locator(inShadow('.settings .info-tip')).nth(1);
    assert.equal(await tip.textContent(), STRINGS[lang]['training.lr.tip']);
    assert.ok(await tip.isVisible());
    if (lang === 'en') await screenshot(page, 'test-results/first-minutes/info-en.png');
    await page.keyboard.press('Escape');
    assert.ok(!(await tip.isVisible()));
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.activeElement?.className), 'info-button');
    // a tap (touch) opens it too
    await lrInfo.click();
    assert.ok(await tip.isVisible());
    await context.close();
  }
});

test('the first visit offers a five-step tour; taken or declined, it is remembered; the Tour button brings it back', { timeout: 60_000 }, async () => {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  const { page } = await openPage(web.browser, new URL('index.html', web.server.url).href, { context });
  await waitReady(page);
  const offer = page.locator(inShadow('.tour-offer'));
  await offer.waitFor();
  assert.equal((await offer.locator('p').textContent()), STRINGS.ko['tour.offer']);
  await page.locator(inShadow('.tour-start')).click();
  const keys = ['tour.play', 'tour.data', 'tour.network', 'tour.output', 'tour.settings'];
  const seen = [];
  for (const [i, key] of keys.entries()) {
    const card = await page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      const target = root.querySelector('.tour-target');
      const r = target.getBoundingClientRect();
      return { text: root.querySelector('.tour-text').textContent, count: root.querySelector('.tour-count').textContent,
        target: target.dataset.panel ?? target.className, inView: r.bottom > 0 && r.top < innerHeight, focused: root.activeElement?.className };
    });
    assert.equal(card.text, STRINGS.ko[key]);
    assert.equal(card.count, STRINGS.ko['tour.count'].replace('{n}', i + 1).replace('{total}', 5));
    assert.ok(card.inView, `step ${i + 1} shows what it points at`);
    assert.equal(card.focused, 'tour-card', 'the card takes the focus, for keyboards and screen readers');
    seen.push(card.target);
    if (i === 3) await screenshot(page, 'test-results/first-minutes/tour-ko.png');
    await page.locator(inShadow('.tour-next')).click();
  }
  assert.equal(new Set(seen).size, 5, `five different parts: ${seen}`);
  assert.equal(await page.locator(inShadow('.tour-card')).count(), 0, 'the tour ends after its last step');
  await page.reload();
  await waitReady(page);
  await rendered(page);
  assert.equal(await offer.count(), 0, 'the offer does not come back');
  // the Tour button starts it again; Escape skips it
  await page.locator(inShadow('.tour-button')).click();
  await page.locator(inShadow('.tour-card')).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(inShadow('.tour-card')).count(), 0);
  assert.match(await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.activeElement?.className ?? ''), /tour-button/,
    'the focus goes back to where it was, not to the page');
  await context.close();

  // declining is remembered too; an element without the tour attribute never offers it
  const other = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const second = await openPage(web.browser, new URL('index.html', web.server.url).href, { context: other });
  await waitReady(second.page);
  await second.page.locator(inShadow('.tour-decline')).click();
  await second.page.reload();
  await waitReady(second.page);
  await rendered(second.page);
  assert.equal(await second.page.locator(inShadow('.tour-offer')).count(), 0);
  await second.page.evaluate(async () => {
    localStorage.clear();
    const node = document.createElement('layerwise-playground');
    document.body.replaceChildren(node);
    await node.ready;
  });
  assert.equal(await second.page.locator(inShadow('.tour-offer')).count(), 0);
  assert.ok(await second.page.locator(inShadow('.tour-button')).isHidden());
  await other.close();
});
