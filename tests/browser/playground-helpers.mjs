// Shared steps of the <layerwise-playground> tests: open the main page and wait for its first
// network, mount a fresh element with given attributes (as a lesson page would), and read the
// element's numbers. Playwright's CSS locators reach into the element's open shadow root.
import { openPage } from './browser.mjs';

export const el = 'layerwise-playground';

/** Opens the main page (index.html + hash) and waits until its network is built. */
export async function openPlayground(browser, server, { hash = '', viewport, locale } = {}) {
  const opened = await openPage(browser, new URL(`index.html${hash}`, server.url).href, { viewport, locale });
  await waitReady(opened.page);
  return opened;
}

export function waitReady(page) {
  return page.evaluate(async () => {
    await customElements.whenDefined('layerwise-playground');
    await document.querySelector('layerwise-playground').ready;
  });
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
  return page.evaluate(() => {
    const m = document.querySelector('layerwise-playground').shadowRoot.querySelector('.message');
    return m.hidden ? '' : m.textContent;
  });
}

/** The 95th percentile of a list of numbers. */
export function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}
