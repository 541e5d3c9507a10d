// Shared steps of the <layerwise-playground> tests: open the main page and wait for its first
// network, mount a fresh element with given attributes (as a lesson page would), wait for the
// element's queue and its next render, and read the element's numbers. Playwright's CSS
// locators reach into the element's open shadow root.
import { elementReady, messageOf, nextFrames, openPage } from './browser.mjs';

export const el = 'layerwise-playground';

/**
 * Opens the main page (index.html + hash) and waits until its network is built. Options go to
 * openPage (browser.mjs): viewport, locale, context, ...
 */
export async function openPlayground(browser, server, { hash = '', ...options } = {}) {
  const opened = await openPage(browser, new URL(`index.html${hash}`, server.url).href, options);
  await waitReady(opened.page);
  return opened;
}

export function waitReady(page) {
  return elementReady(page, el);
}

/**
 * Replaces the page's body with <layerwise-playground ...attributes> (no url-state, no
 * autosave: a lesson's embedded element) and waits until it is ready.
 */
export async function mount(page, attributes) {
  await page.evaluate(async (attrs) => {
    await customElements.whenDefined('layerwise-playground');
    const node = document.createElement('layerwise-playground');
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    document.body.replaceChildren(node);
    await node.ready;
  }, attributes);
}

/**
 * Resolves once every job the element had queued is done (a network being built after a
 * change, drawn points, a file being read): a snapshot request waits behind them in the
 * element's one queue, so its answer comes after theirs and after the events they sent.
 */
export function idle(page) {
  return page.evaluate(() => document.querySelector('layerwise-playground').snapshot({ metrics: false, grid: false, parameters: false }).catch(() => {}));
}

/**
 * Waits until the element shows its latest state, for a screenshot or a look at the layout:
 * its queue is done (idle), its stylesheet applies (the element keeps its panels invisible
 * until then), its four views are loaded, and the render all that scheduled is painted.
 */
export async function rendered(page) {
  await idle(page);
  await page.waitForFunction(() => {
    const root = document.querySelector('layerwise-playground').shadowRoot;
    return root.querySelector('.lwp').style.visibility !== 'hidden' &&
      ['.slot-boundary', '.slot-network', '.slot-curves', '.slot-histograms'].every((s) => root.querySelector(s).childElementCount > 0);
  });
  await nextFrames(page);
}

/**
 * Draws one stroke on the drawing pad (dataset "drawn"): the pen down at points[0], then to each
 * next point in `steps` moves, then up; one point is a click. Points are (u, v) fractions of the
 * pad (0, 0 at the top left), each aimed at where the pad is at that moment: the pad moves when
 * the message line above the panels comes or goes, as when the network of the points is built
 * once the hand has rested 200 ms, which a slow machine's hand does between two moves.
 */
export async function strokeOnPad(page, points, steps = 10) {
  const canvas = page.locator(`${el} canvas.pad`);
  await canvas.scrollIntoViewIfNeeded(); // a mouse outside the viewport reaches nothing
  const to = async ([u, v]) => {
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + u * box.width, box.y + v * box.height);
  };
  await to(points[0]);
  await page.mouse.down();
  for (let i = 1; i < points.length; i++) {
    const [[u0, v0], [u1, v1]] = [points[i - 1], points[i]];
    for (let k = 1; k <= steps; k++) await to([u0 + ((u1 - u0) * k) / steps, v0 + ((v1 - v0) * k) / steps]);
  }
  await page.mouse.up();
}

/** The element's latest numbers: {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}. */
export function metrics(page) {
  return page.evaluate(() => {
    const node = document.querySelector('layerwise-playground');
    const h = node.history;
    return h.length ? h[h.length - 1] : { epoch: node.epoch };
  });
}

/** The model's output over the boundary grid, as a plain array (bit-exact comparisons). */
export function predictions(page) {
  return page.evaluate(async () => {
    const snap = await document.querySelector('layerwise-playground').snapshot({ grid: true, parameters: false });
    return Array.from(snap.grid.data);
  });
}

/** The message line's text ('' when hidden). */
export function message(page) {
  return messageOf(page, el);
}
