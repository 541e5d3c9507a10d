// The playground's data controls, driven as a learner drives them: the dataset thumbnails (one
// per dataset, the current one pressed, named in both languages, mouse and keyboard), the
// point painter's brush size (one click of a bigger brush adds that many points, all within its
// radius of where the click landed) and the class markers (a shape per class on the boundary
// plot, in its legend and on the painter's class buttons; test points keep their dark rim).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './browser.mjs';
import { idle, openPlayground, rendered } from './playground-helpers.mjs';
import { DATASETS } from '../../web/playground/state.js';
import { t } from '../../web/playground/i18n.js';
import { BRUSH_SIZES } from '../../web/playground/controls/drawpad.js';
import { EXTENT } from '../../web/playground/controls/csv.js';

const web = serveAndLaunch(); // this file's server and Chromium
const EL = 'layerwise-playground';
const thumb = (name) => `${EL} .thumb[data-dataset="${name}"]`;

const stateOf = (page) => page.evaluate(() => document.querySelector('layerwise-playground').state.dataset);
const pressed = (page) => page.$$eval(`${EL} .thumb[aria-pressed="true"]`, (list) => list.map((b) => b.dataset.dataset));
/** Opens the playground at hash, runs body(page), and checks that nothing logged an error. */
async function withPlayground(hash, body) {
  const { page, context, errors } = await openPlayground(web.browser, web.server, { hash });
  try {
    await body(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

const drawnCount = (page) => page.evaluate(() => document.querySelector('layerwise-playground').drawn?.y.length ?? 0);

test('a thumbnail per dataset, named in both languages: clicking or the keyboard chooses one', async () => {
  await withPlayground('#dataset=circle', async (page) => {
    const shown = await page.$$eval(`${EL} .thumb`, (list) => list.map((b) => b.dataset.dataset));
    assert.deepEqual([...shown].sort(), [...DATASETS].sort(), 'every dataset, the drawing too');
    assert.deepEqual(await pressed(page), ['circle']);
    for (const lang of ['en', 'ko']) {
      if (lang === 'ko') {
        await page.selectOption(`${EL} [data-panel="lang"] select`, 'ko');
        await idle(page);
      }
      for (const name of DATASETS) {
        const button = page.getByRole('button', { name: t(lang, `dataset.${name}`), exact: true });
        assert.equal(await button.getAttribute('data-dataset'), name, `${lang}: ${name}'s accessible name`);
      }
      const group = page.getByRole('group', { name: t(lang, 'data.dataset'), exact: true });
      assert.equal(await group.locator('.thumb').count(), DATASETS.length);
    }
    // a click: the dataset changes (state, link, pressed) and its network is built
    await page.click(thumb('spiral'));
    await idle(page);
    assert.equal(await stateOf(page), 'spiral');
    assert.match(await page.evaluate(() => location.hash), /dataset=spiral/);
    assert.deepEqual(await pressed(page), ['spiral']);
    // the keyboard: the arrow key moves to the next thumbnail, Enter chooses it
    await page.focus(thumb('spiral'));
    await page.keyboard.press('ArrowRight');
    const next = shown[shown.indexOf('spiral') + 1]; // in reading order
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.activeElement?.dataset.dataset), next);
    await page.keyboard.press('Enter');
    await idle(page);
    assert.equal(await stateOf(page), next);
    assert.deepEqual(await pressed(page), [next]);
    // a regression set and the drawing, the same way
    await page.click(thumb('sine'));
    await idle(page);
    assert.equal(await stateOf(page), 'sine');
    await page.click(thumb('drawn'));
    await idle(page);
    assert.equal(await stateOf(page), 'drawn');
    assert.ok(await page.isVisible(`${EL} .drawpad canvas.pad`), 'the painter shows');
  });
});

test('brush size: one click of a bigger brush puts down its number of points, within its radius', async () => {
  await withPlayground('#dataset=drawn', async (page) => {
    const canvas = page.locator(`${EL} .drawpad canvas.pad`);
    await canvas.scrollIntoViewIfNeeded();
    const size = page.locator(`${EL} .drawpad input.pad-size-input`);
    const clickAt = async (u, v) => {
      const box = await canvas.boundingBox();
      const px = box.x + u * box.width;
      const py = box.y + v * box.height;
      await page.mouse.click(px, py);
      await idle(page);
      // where the click landed, in data units (the pad spans [-EXTENT, EXTENT]², y up)
      return { x: (2 * ((px - box.x) / box.width) - 1) * EXTENT, y: (1 - 2 * ((py - box.y) / box.height)) * EXTENT };
    };
    const before = await drawnCount(page);
    await clickAt(0.3, 0.3);
    assert.equal(await drawnCount(page) - before, 1, 'size 1: one point');

    for (const s of [3, BRUSH_SIZES.length]) {
      await size.fill(String(s));
      const { points, radius } = BRUSH_SIZES[s - 1];
      assert.ok(points > 1 && radius > 0);
      assert.match(await size.getAttribute('aria-valuetext'), new RegExp(`\\b${points}\\b`));
      const from = await drawnCount(page);
      const at = await clickAt(s === 3 ? 0.5 : 0.7, 0.6);
      const d = await page.evaluate(() => {
        const p = document.querySelector('layerwise-playground').drawn;
        return { x: Array.from(p.x), y: Array.from(p.y) };
      });
      assert.equal(d.y.length - from, points, `size ${s}: ${points} points`);
      let far = 0;
      for (let i = from; i < d.y.length; i++) {
        const dist = Math.hypot(d.x[2 * i] - at.x, d.x[2 * i + 1] - at.y);
        assert.ok(dist <= radius + 0.02, `size ${s}: point ${i} is ${dist} from the click (radius ${radius})`);
        far = Math.max(far, dist);
      }
      assert.ok(far >= radius / 2, `size ${s}: the points spread over the disc (farthest ${far})`);
    }
  });
});

test('class markers: a shape per class on the plot, in its legend and on the painter\'s buttons', async () => {
  await withPlayground('#dataset=blobs3&showTest=true', async (page) => {
    await rendered(page);
    const plotShapes = (await page.getAttribute(`${EL} .slot-boundary canvas`, 'data-shapes')).split(' ');
    assert.equal(plotShapes.length, 3, `three classes drawn: ${plotShapes}`);
    assert.equal(new Set(plotShapes).size, 3, `each its own shape: ${plotShapes}`);
    const legend = await page.$$eval(`${EL} .slot-boundary .lw-legend .lw-marker`, (list) => list.map((m) => m.dataset.shape));
    assert.deepEqual(legend, plotShapes, 'the legend shows the shapes the plot draws');
    // test points keep their own key: a dark rim
    assert.equal(await page.locator(`${EL} .slot-boundary .lw-legend .lw-swatch.lw-test`).count(), 1);
    // the painter: its class buttons carry the same markers
    await page.click(thumb('drawn'));
    await idle(page);
    await page.click(`${EL} .drawpad [data-t-label="draw.addClass"]`);
    await idle(page);
    const buttons = await page.$$eval(`${EL} .drawpad .pad-class .lw-marker`, (list) => list.map((m) => m.dataset.shape));
    assert.deepEqual(buttons, plotShapes);
  });
});
