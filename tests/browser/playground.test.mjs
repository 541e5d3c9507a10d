// The main page: it is nothing but <layerwise-playground>, loads without a console error, and
// Play lowers the test loss; it can be worked from the keyboard with a visible focus, every
// control has a name, the Korean UI has no missing strings and no English left over, phone
// widths get one column without sideways scrolling, and the production copy (dist/) runs from
// a plain static server; playing at the fast and the unlimited speed trains while the screen
// keeps following, and Pause stops it. Screenshots at desktop and phone widths in both
// languages go to test-results/. (The frame times while playing are a benchmark:
// bench/bench_frames.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { nextFrames, screenshot, serveAndLaunch } from './browser.mjs';
import { idle, metrics, openPlayground, rendered } from './playground-helpers.mjs';
import { missingKeys } from '../../web/lib/i18n.js';
import { STRINGS } from '../../web/playground/i18n.js';
import { ELEMENT_STRINGS } from '../../web/playground/strings-element.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTorch } from '../js/torch.mjs';

const web = serveAndLaunch(); // this file's server and Chromium

const SHOWCASE = '#dataset=spiral&points=800&layers=8,8&activation=tanh&optimizer=adam&lr=0.01&showTest=1';

test('the main page is only the element, loads without errors, and Play lowers the test loss', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    const body = await page.evaluate(() => [...document.body.children].map((e) => e.localName));
    assert.deepEqual(body, ['layerwise-playground']);
    assert.ok(await page.evaluate(() => Boolean(document.querySelector('link[rel="icon"]'))));
    const start = await metrics(page);
    assert.equal(start.epoch, 0);
    await page.click('layerwise-playground .btn.play');
    assert.equal(await page.getAttribute('layerwise-playground .btn.play', 'aria-pressed'), 'true');
    await page.waitForFunction(() => document.querySelector('layerwise-playground').epoch >= 150, null, { timeout: 30_000 });
    await page.click('layerwise-playground .btn.play');
    const end = await metrics(page);
    assert.ok(end.testLoss < start.testLoss, `test loss ${start.testLoss} → ${end.testLoss}`);
    const counter = await page.textContent('layerwise-playground .epoch-value');
    assert.equal(Number(counter.replace(/,/g, '')), end.epoch);
    // every view is up and drew something
    const views = await page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      return ['.slot-boundary', '.slot-network', '.slot-curves', '.slot-histograms'].map((s) => root.querySelector(s).childElementCount);
    });
    assert.ok(views.every((n) => n > 0), `views mounted: ${views}`);
    assert.ok((await page.textContent('layerwise-playground pre')).includes('import torch'));
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
});

test('before the first epoch the diagram and the histograms already show the new network', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    const shown = () => page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      const empty = (slot) => {
        const note = root.querySelector(`${slot} .lw-empty`);
        return note && !note.hidden ? note.textContent : null;
      };
      return { network: empty('.slot-network'), histograms: empty('.slot-histograms'), epoch: document.querySelector('layerwise-playground').epoch };
    });
    await page.waitForFunction(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      return ['.slot-network', '.slot-histograms'].every((s) => root.querySelector(`${s} .lw-empty`)?.hidden);
    }, null, { timeout: 10_000 }).catch(() => {});
    assert.deepEqual(await shown(), { network: null, histograms: null, epoch: 0 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  for (const lang of ['en', 'ko']) {
    test(`screenshot: ${name}, ${lang}; no sideways scrolling`, async () => {
      const { page, context, errors } = await openPlayground(web.browser, web.server, { hash: `${SHOWCASE}&lang=${lang}`, viewport });
      try {
        await page.evaluate(() => document.querySelector('layerwise-playground').step(600));
        await rendered(page);
        const layout = await page.evaluate(() => {
          const root = document.querySelector('layerwise-playground').shadowRoot;
          const box = (s) => root.querySelector(s).getBoundingClientRect();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            columns: getComputedStyle(root.querySelector('.main')).display === 'contents' ? 1 : getComputedStyle(root.querySelector('.main')).gridTemplateColumns.split(' ').length,
            outputAboveData: box('.output').top < box('.data').top,
          };
        });
        assert.ok(layout.scrollWidth <= viewport.width, `page is ${layout.scrollWidth}px wide`);
        if (name === 'phone') {
          assert.equal(layout.columns, 1);
          assert.ok(layout.outputAboveData, 'on a phone the output comes first');
        } else {
          assert.equal(layout.columns, 3);
        }
        assert.deepEqual(errors, []);
      } finally {
        await screenshot(page, `test-results/playground-${name}-${lang}.png`);
        await context.close();
      }
    });
  }
}

test('Korean: no missing strings, no English left on screen; switching keeps the run', async () => {
  const missing = missingKeys(STRINGS, 'ko');
  const unmerged = Object.keys(ELEMENT_STRINGS.en).filter((k) => typeof STRINGS.ko[k] !== 'string');

  const { page, context, errors } = await openPlayground(web.browser, web.server, { hash: SHOWCASE });
  try {
    await page.evaluate(() => document.querySelector('layerwise-playground').step(50));
    await page.selectOption('layerwise-playground [data-panel="lang"] select', 'ko');
    // a network rebuilt by the switch would be done (its epoch 0) once the queue is, and the
    // views relabel at the render after it
    await rendered(page);
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').epoch), 50, 'the run was kept');
    const texts = await page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      const seen = [];
      const shown = (node) => node.checkVisibility?.() !== false && node.getClientRects().length > 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        const text = n.textContent.trim();
        if (!text || !parent || parent.closest('pre, style, select, .lw-tip') || !shown(parent)) continue;
        seen.push(text);
      }
      for (const s of root.querySelectorAll('select')) if (shown(s) && s.selectedOptions[0]) seen.push(s.selectedOptions[0].text);
      for (const e of root.querySelectorAll('[aria-label]')) if (shown(e)) seen.push(e.getAttribute('aria-label'));
      return seen;
    });
    // names that stay as they are in Korean courses, and the language's own name
    const allowed = /\b(Layerwise|PyTorch|JS|JSON|SGD|Adam|RMSprop|Nesterov|ReLU|Leaky|Tanh|tanh|Sigmoid|sigmoid|softmax|Softmax|BCE|MSE|XOR|Xavier|He|Kaiming|L1|L2|sin|std|NaN|English|x|y|e|logit|logits)\b/g;
    const leftovers = texts.filter((s) => /[A-Za-z]{2,}/.test(s.replace(allowed, '')));
    assert.deepEqual({ missing, unmerged, leftovers }, { missing: [], unmerged: [], leftovers: [] },
      'missing: keys i18n.js lacks in Korean; unmerged: strings-element.js keys not in i18n.js; leftovers: English on the Korean screen');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: Tab reaches every control with a visible focus; Play works from the keyboard; all controls are named', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    const focused = () => page.evaluate(() => {
      let e = document.activeElement;
      while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
      const style = e ? getComputedStyle(e) : null;
      return e && { cls: e.className?.baseVal ?? e.className, tag: e.localName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    // every stop of the Tab order, the views' own included, shows where the focus is
    const stops = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (!f || f.tag === 'body' || (stops.length && f.tag === stops[0].tag && f.cls === stops[0].cls && i > 5)) break;
      stops.push(f);
    }
    const invisible = stops.filter((f) => f.outline === 'none' || f.width < 2).map((f) => `${f.tag}.${f.cls}`);
    assert.deepEqual(invisible, [], 'focus without a visible outline');
    assert.ok(stops.length > 40, `only ${stops.length} Tab stops`);
    await page.focus('layerwise-playground .btn.play');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').playing), true);
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').playing), false);

    const unnamed = await page.evaluate(() => {
      const root = document.querySelector('layerwise-playground').shadowRoot;
      const named = (e) => e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.labels?.length || e.textContent.trim() || e.type === 'file';
      return [...root.querySelectorAll('button, select, input, [tabindex="0"]')]
        .filter((e) => !e.closest('[hidden]') && !named(e)).map((e) => `${e.localName}.${e.className}`);
    });
    assert.deepEqual(unnamed, [], 'controls without an accessible name');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playing at speed fast and max trains while the screen follows; Pause stops it', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server, { hash: SHOWCASE });
  try {
    for (const speed of ['fast', 'max']) {
      // Plays until the epoch counter on screen has shown three different numbers at the start
      // of animation frames (so frames keep coming, and show the training, while it runs),
      // collecting the epoch events meanwhile.
      const run = await page.evaluate((s) => new Promise((resolve) => {
        const node = document.querySelector('layerwise-playground');
        const counter = node.shadowRoot.querySelector('.epoch-value');
        const start = node.epoch;
        const events = [];
        const shown = new Set();
        const onEpoch = (e) => events.push(e.detail.epoch);
        node.addEventListener('epoch', onEpoch);
        const frame = () => {
          shown.add(counter.textContent);
          if (shown.size < 3) return requestAnimationFrame(frame);
          const playing = node.playing;
          node.pause();
          node.removeEventListener('epoch', onEpoch);
          resolve({ start, events, shown: [...shown].map((t) => Number(t.replace(/,/g, ''))), playing });
        };
        node.setAttribute('speed', s);
        node.play();
        requestAnimationFrame(frame);
      }), speed);
      assert.equal(run.playing, true, `${speed}: still playing`);
      assert.ok(run.events.length >= 2 && run.events[0] > run.start, `${speed}: epoch events ${run.events}`);
      assert.ok(run.events.every((e, i) => i === 0 || e > run.events[i - 1]), `${speed}: epochs count up: ${run.events}`);
      assert.ok(run.shown.every((e, i) => i === 0 || e > run.shown[i - 1]), `${speed}: the counter on screen counts up: ${run.shown}`);
      // Paused: a slice already sent may still land, so wait for the element's queue; after
      // that, another round trip through the queue and two frames bring no new epoch.
      await idle(page);
      const paused = await page.evaluate(() => document.querySelector('layerwise-playground').epoch);
      assert.ok(paused >= run.events.at(-1));
      await idle(page);
      await nextFrames(page);
      assert.deepEqual(await page.evaluate(() => ({ epoch: document.querySelector('layerwise-playground').epoch, playing: document.querySelector('layerwise-playground').playing })),
        { epoch: paused, playing: false }, `${speed}: Pause stops the training`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the production build (dist/) runs from a plain static server', async () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync('bash', ['scripts/build-site.sh', 'test-results/dist'], { cwd: root, stdio: 'pipe' });
  const dist = await startServer({ root: `${root}test-results/dist`, port: 0 });
  try {
    const { page, context, errors } = await openPlayground(web.browser, dist);
    const result = await page.evaluate(() => document.querySelector('layerwise-playground').step(20));
    assert.equal(result.epoch, 20);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await dist.close();
  }
});

// The code panel's PyTorch export replays the page's own run (tests/js/torch-export.test.mjs
// checks the generator on a dozen states; this, the wiring: the page's data, its epoch-0
// weights from the timeline, the Weights control, the Download button).
test('the code panel\'s PyTorch code replays this run under torch; Weights: trained loads the weights now; Download saves it', async (t) => {
  const python = requireTorch(t);
  if (!python) return;
  const { page, context, errors } = await openPlayground(web.browser, web.server, { hash: '#dataset=xor&layers=4,4&optimizer=adam&lr=0.01&noise=10' });
  const dir = mkdtempSync(join(tmpdir(), 'lw-code-'));
  try {
    await page.evaluate(() => document.querySelector('layerwise-playground').step(20));
    await rendered(page);
    const run = (code, name) => {
      writeFileSync(join(dir, name), code.replaceAll(':.6g}', ':.9g}'));
      const out = execFileSync(python, [join(dir, name)], { encoding: 'utf8' });
      return new Map([...out.matchAll(/^epoch (\d+): train loss (\S+), test loss (\S+)$/gm)].map((m) => [Number(m[1]), [Number(m[2]), Number(m[3])]]));
    };
    const close = (a, b) => Math.abs(a - b) <= 1e-4 * Math.abs(b);
    const code = await page.textContent('layerwise-playground pre');
    assert.match(code, /EPOCHS = 20\n/);
    const rows = run(code, 'initial.py');
    const history = await page.evaluate(() => document.querySelector('layerwise-playground').history);
    assert.equal(history.length, 21);
    for (const h of history) {
      const [train, test] = rows.get(h.epoch);
      assert.ok(close(train, h.trainLoss) && close(test, h.testLoss), `epoch ${h.epoch}: torch ${train}, ${test}; page ${h.trainLoss}, ${h.testLoss}`);
    }
    await page.selectOption('layerwise-playground .code-weights-select', 'trained');
    await rendered(page);
    const trained = await page.textContent('layerwise-playground pre');
    assert.match(trained, /EPOCHS = 0\n/);
    const [train, test] = run(trained, 'trained.py').get(20);
    const now = await metrics(page);
    assert.ok(close(train, now.trainLoss) && close(test, now.testLoss), `trained: torch ${train}, ${test}; page ${now.trainLoss}, ${now.testLoss}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('layerwise-playground .code .btn:has-text("Download")')]);
    assert.equal(download.suggestedFilename(), 'layerwise_playground.py');
    // a setting changed after training: the code says that it no longer replays the run
    await page.selectOption('layerwise-playground .code-weights-select', 'initial');
    assert.doesNotMatch(await page.textContent('layerwise-playground pre'), /does not replay/);
    await page.evaluate(() => document.querySelector('layerwise-playground').setAttribute('lr', '0.003'));
    await rendered(page);
    assert.match(await page.textContent('layerwise-playground pre'), /a turn the script does not replay/);
    await page.click('layerwise-playground .tab[data-tab="layerwise"]');
    assert.equal(await page.isHidden('layerwise-playground .code-weights'), true, 'the Weights control is the PyTorch tab\'s');
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }
});
