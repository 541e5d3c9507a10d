// Nothing a learner made is lost at a door (issue 12, item 1), in headless Chromium: a
// playground file whose drawn points or weights the page cannot use is refused by importJSON
// and the file picker before anything changes, with the reason on screen and the saved copy
// untouched; a CSV value that float32 cannot hold is reported by its line; an autosave that
// cannot be fully restored is kept (copied, never overwritten) and the learner is told what
// was not restored; the sketch pad, its storage full (setItem stubbed past a size in an init
// script), saves as many drawings as fit and says how many it did not keep, then and after a
// reload. The expected counts are the test's own: drawings added, bytes allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementReady, messageOf, openPage, serveAndLaunch } from './browser.mjs';
import { el, message, openPlayground, predictions, waitReady } from './playground-helpers.mjs';

const web = serveAndLaunch(); // this file's server and Chromium
const SAVED = 'layerwise-playground:main';
const playgroundOf = (page) => page.evaluate(() => {
  const node = document.querySelector('layerwise-playground');
  return { state: JSON.parse(JSON.stringify(node.state)), epoch: node.epoch, drawn: node.drawn && Array.from(node.drawn.x) };
});
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

test('playground: a file whose points or weights the page cannot use is refused before anything changes', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    await page.evaluate(async () => {
      const node = document.querySelector('layerwise-playground');
      node.drawn = { x: [1, 1, -1, -1, 1, -1, -1, 1], y: [0, 0, 1, 1], classes: 2 };
      await node.step(5);
    });
    const good = await page.evaluate(() => document.querySelector('layerwise-playground').exportJSON());
    const before = await playgroundOf(page);
    const saved = await stored(page, SAVED);
    const weightsBefore = await predictions(page);
    const withDrawn = (drawn) => JSON.stringify({ ...good, state: { ...good.state, dataset: 'drawn' }, drawn });
    const hugeWeight = structuredClone(good);
    hugeWeight.parameters[0].data[1] = 1e39; // finite in double, infinite in float32
    const cases = [
      ['seven classes', withDrawn({ x: [0, 0, 1, 1, 2, 2, 3, 3], y: [0, 6, 1, 2], classes: 7 }), /drawn points.*classes must be 0 \(values\) or 2 to 5, got 7/],
      ['a point off the plot', withDrawn({ x: [0, 0, 1, 1, 9, 2, 3, 3], y: [0, 1, 0, 1], classes: 2 }), /drawn points.*point 3.*between −6 and 6/],
      ['too many points', withDrawn({ x: new Array(4002).fill(0.5), y: new Array(2001).fill(0).map((_, i) => i % 2), classes: 2 }), /drawn points.*at most 2000 points, got 2001/],
      ['a weight float32 cannot hold', JSON.stringify(hugeWeight), /weights.*0\.weight\[1\] = 1e\+39 is not a finite float32 number/],
    ];
    for (const [what, text, reason] of cases) {
      const outcome = await page.evaluate((t) => document.querySelector('layerwise-playground').importJSON(t, 'odd.json').then(() => 'accepted', (e) => e.message), text);
      assert.match(outcome, /^Could not open odd\.json, and nothing was changed/, what);
      assert.match(outcome, reason, what);
      assert.equal(await message(page), outcome, `${what}: the learner sees the same reason`);
      assert.deepEqual(await playgroundOf(page), before, `${what}: the settings, epoch or points changed`);
      assert.equal(await stored(page, SAVED), saved, `${what}: the saved copy changed`);
      const now = await predictions(page);
      assert.ok(now.every((v, i) => Object.is(v, weightsBefore[i])), `${what}: the network changed`);
    }
    // an object JSON cannot write is refused out loud too
    const cyclic = await page.evaluate(() => {
      const file = { format: 'layerwise-playground', version: 1 };
      file.self = file;
      return document.querySelector('layerwise-playground').importJSON(file, 'cyclic').then(() => 'accepted', (e) => e.message);
    });
    assert.match(cyclic, /^Could not open cyclic, and nothing was changed: .*circular/i);
    assert.equal(await message(page), cyclic);
    assert.deepEqual(await playgroundOf(page), before);
    // the file picker refuses the same way
    await page.setInputFiles(`${el} input.file-input`, { name: 'picked.json', mimeType: 'application/json', buffer: Buffer.from(cases[1][1]) });
    await page.waitForFunction(() => /picked\.json/.test(document.querySelector('layerwise-playground').shadowRoot.querySelector('.message').textContent));
    assert.match(await message(page), /point 3.*between −6 and 6/);
    assert.deepEqual(await playgroundOf(page), before);
    // and the good file still opens
    await page.evaluate((t) => document.querySelector('layerwise-playground').importJSON(t, 'good.json'), JSON.stringify(good));
    assert.deepEqual((await playgroundOf(page)).drawn, before.drawn);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playground: a CSV value float32 cannot hold is reported by its line, the rest read', async () => {
  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    const read = await page.evaluate(() => {
      try {
        const r = document.querySelector('layerwise-playground').importCSV('x,y,value\n0,0,0.5\n1,1,1e39\n2,2,-0.5\n3,3,0.25\n-1,2,1\n', 'values.csv');
        return { count: r.count, classes: r.classes, problems: r.problems };
      } catch (err) {
        return { thrown: err.message };
      }
    });
    assert.deepEqual(read, { count: 4, classes: 0, problems: [{ line: 3, reason: 'value “1e39” is not a number.' }] });
    assert.deepEqual(await page.evaluate(() => Array.from(document.querySelector('layerwise-playground').drawn.y)), [0.5, -0.5, 0.25, 1]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('playground: an autosave that cannot be fully restored is kept, and the learner is told', async () => {
  const first = await openPlayground(web.browser, web.server);
  const { context } = first;
  // a fresh page of the same context (its storage), ready: a visit
  const visit = () => openPlayground(web.browser, web.server, { context });
  try {
    // saved by an older page, say: points of six classes (the painter has five)
    const saved = JSON.stringify({ version: 1, state: { dataset: 'drawn', seed: 77 }, drawn: { x: [0, 0, 1, 1, 2, 2, 3, 3], y: [0, 5, 1, 2], classes: 6 } });
    await first.page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVED, saved]);
    assert.deepEqual(first.errors, []);
    await first.page.close();

    const { page, errors } = await visit();
    const state = await page.evaluate(() => document.querySelector('layerwise-playground').state);
    assert.equal(state.seed, 77, 'the settings that were good are restored');
    assert.equal(state.dataset, 'drawn');
    const said = await message(page);
    assert.match(said, /^Part of your last session could not be restored: its drawn points are wrong \(classes must be 0 \(values\) or 2 to 5, got 6\)\./);
    const copies = (await storedKeys(page)).filter((k) => k.startsWith(`${SAVED}:unrestored:`));
    assert.equal(copies.length, 1);
    assert.ok(said.includes(`“${copies[0]}”`), said);
    assert.equal(await stored(page, copies[0]), saved, 'the saved copy is kept as it was');
    // the next visit restores the (now clean) autosave without a word, and the copy stays
    await page.evaluate(() => (document.querySelector('layerwise-playground').state = { seed: 78 }));
    assert.doesNotMatch(await message(page), /could not be restored/, 'the note goes once the learner moves on');
    assert.deepEqual(errors, []);
    await page.close();
    const next = await visit();
    assert.equal(await next.page.evaluate(() => document.querySelector('layerwise-playground').state.seed), 78);
    assert.doesNotMatch(await message(next.page), /could not be restored/);
    assert.equal(await stored(next.page, copies[0]), saved);
    assert.deepEqual(next.errors, []);
  } finally {
    await context.close();
  }
});

// ---- the sketch pad ----

const sketch = 'layerwise-sketch';
const LIMIT = 3000; // characters the stubbed storage holds for the sketch's entry

async function openSketch(context) {
  const opened = await openPage(web.browser, new URL('sketch.html', web.server.url).href, { context });
  await elementReady(opened.page, sketch);
  return opened;
}

/** A drawing of 40 points: one zigzag stroke, different for each i. */
const zigzag = (i) => [Array.from({ length: 40 }, (_, k) => [0.1 + k * 0.02, 0.2 + ((k + i) % 5) * 0.1 + i * 0.001])];

test('sketch: storage too small for every drawing: what fits is saved and the rest is named, then and after a reload', async () => {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((limit) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('layerwise-sketch') && String(value).length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, LIMIT);
  try {
    const { page, errors } = await openSketch(context);
    const total = 12;
    await page.evaluate((drawings) => {
      const node = document.querySelector('layerwise-sketch');
      drawings.forEach((strokes, i) => node.addSample(i % 3, strokes));
    }, Array.from({ length: total }, (_, i) => zigzag(i)));
    const made = await page.evaluate(() => document.querySelector('layerwise-sketch').exportJSON());
    assert.deepEqual(made.classes.map((c) => c.samples.length), [4, 4, 4]);
    assert.ok(JSON.stringify(made).length > LIMIT, 'the whole set must not fit');

    const entry = JSON.parse(await stored(page, 'layerwise-sketch:main'));
    const kept = entry.classes.reduce((n, c) => n + c.samples.length, 0);
    assert.ok(kept > 0 && kept < total, `${kept} kept`);
    assert.equal(entry.unsaved, total - kept, 'the saved copy records what it left out');
    // what is kept is each class's oldest drawings, the classes taking turns
    entry.classes.forEach((c, ci) => assert.deepEqual(c.samples, made.classes[ci].samples.slice(0, c.samples.length)));
    const sizes = entry.classes.map((c) => c.samples.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, JSON.stringify(sizes));
    assert.equal(await messageOf(page, sketch), `This browser's storage is full: only ${kept} of your drawings are saved in it, ${total - kept} are not. Export them to keep them all.`);

    await page.reload();
    await elementReady(page, sketch);
    assert.match(await messageOf(page, sketch), new RegExp(`^Welcome back: ${kept} of your drawings are here, but ${total - kept} more could not be saved in this browser`));
    assert.deepEqual(await page.evaluate(() => document.querySelector('layerwise-sketch').classes.map((c) => c.count)), sizes);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('sketch: a damaged autosave is kept, not overwritten, and the learner is told', async () => {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, errors } = await openSketch(context);
    const damaged = JSON.stringify({ format: 'layerwise-sketch', version: 1, classes: [{ name: 'mine', samples: [{ strokes: [[0.1, 0.2, 0.3, 7]] }] }] });
    await page.evaluate((v) => localStorage.setItem('layerwise-sketch:main', v), damaged);
    await page.reload();
    await elementReady(page, sketch);
    const said = await messageOf(page, sketch);
    assert.match(said, /^Your saved drawings could not be restored: it is damaged \(class "mine", drawing 1: strokes\[0\]: points are in pad units, 0 to 1/);
    const copies = (await page.evaluate(() => Object.keys(localStorage))).filter((k) => k.startsWith('layerwise-sketch:main:unrestored:'));
    assert.equal(copies.length, 1);
    assert.ok(said.includes(copies[0]), said);
    // the learner draws on: the autosave saves the new set, and the copy stays
    await page.evaluate((strokes) => document.querySelector('layerwise-sketch').addSample(0, strokes), zigzag(1));
    assert.equal(await stored(page, copies[0]), damaged);
    assert.equal(JSON.parse(await stored(page, 'layerwise-sketch:main')).classes[0].samples.length, 1);
    assert.doesNotMatch(await messageOf(page, sketch), /could not be restored/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
