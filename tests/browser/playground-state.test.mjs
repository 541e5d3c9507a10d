// The playground's state survives: the URL hash carries every key and a fresh page rebuilds
// the same state from it; a reload restores it, and so does the autosave without a hash; an
// export file brings back the very same predictions; a malformed file is refused and nothing
// is lost; embedded elements leave the hash alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { message, mount, openPlayground, predictions, strokeOnPad, waitReady } from './playground-helpers.mjs';
import { DEFAULTS, KEYS, toHash, toJSONState, withChanges } from '../../web/playground/state.js';

const web = serveAndLaunch(); // this file's server and Chromium

// Every key away from its default (and values that need escaping or parsing care).
const CHANGES = {
  dataset: 'moons', noise: 15, trainRatio: 70, points: 800, features: ['x1', 'x2', 'x1x2', 'sinx2'],
  standardize: false, layers: [6, 5, 3], activation: ['relu', 'tanh', 'leaky_relu'], loss: 'bce_with_logits',
  init: 'normal', initStd: 0.5, optimizer: 'rmsprop', lr: 0.003, momentum: 0.5, nesterov: true, beta1: 0.8,
  beta2: 0.99, alpha: 0.9, weightDecay: 0.05, batch: 25, l1: 0.001, l2: 0.0001, dropout: 0.2, seed: 12345, discretize: true,
  showTest: true, lang: 'ko',
};

const stateOf = (page) => page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('layerwise-playground').state)));

test('the URL hash round-trips the full state; a reload and the autosave restore it', async () => {
  const expected = toJSONState(withChanges(DEFAULTS, CHANGES).state);
  assert.ok(KEYS.every((k) => JSON.stringify(expected[k]) !== JSON.stringify(toJSONState(DEFAULTS)[k])), 'CHANGES must change every key');

  const { page, context, errors } = await openPlayground(web.browser, web.server);
  try {
    await page.evaluate((changes) => { document.querySelector('layerwise-playground').state = changes; }, CHANGES);
    assert.deepEqual(await stateOf(page), expected);
    const hash = await page.evaluate(() => location.hash);
    assert.equal(hash, toHash(withChanges(DEFAULTS, CHANGES).state));

    // a new visitor (no storage) with the link gets the same state
    const other = await openPlayground(web.browser, web.server, { hash });
    assert.deepEqual(await stateOf(other.page), expected);
    assert.deepEqual(other.errors, []);
    await other.context.close();

    // a reload keeps it
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await stateOf(page), expected);

    // without a hash, the autosave brings it back
    await page.goto(new URL('index.html', web.server.url).href);
    await waitReady(page);
    assert.deepEqual(await stateOf(page), expected);
    assert.equal(await page.evaluate(() => location.hash), hash, 'the restored state is in the URL again');

    // a hand-edited hash applies at once; a bad value is refused with a note, the rest kept
    await page.evaluate(() => { location.hash = location.hash.replace('layers=6,5,3', 'layers=7').replace('lr=0.003', 'lr=banana'); });
    await page.waitForFunction(() => document.querySelector('layerwise-playground').state.layers.join() === '7');
    assert.equal((await stateOf(page)).lr, 0.003);
    const note = await page.evaluate(() => [...document.querySelector('layerwise-playground').shadowRoot.querySelectorAll('.refusal:not([hidden]) li')].map((li) => li.textContent).join('\n'));
    assert.match(note, /^lr 값은 숫자여야 합니다\. 받은 값: "banana"$/, "the state under test is Korean, and so is the note");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('export then import gives identical predictions (in another page)', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  const second = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    // dropout draws random masks, and the learning rate changes mid-run: the hardest case
    await mount(page, { dataset: 'xor', layers: '8,4', activation: 'relu', optimizer: 'adam', lr: '0.01', dropout: '0.1', noise: '10' });
    await page.evaluate(async () => {
      const node = document.querySelector('layerwise-playground');
      await node.step(40);
      await node.stepBatch(3);
      node.state = { lr: 0.003 };
      await node.step(25);
      // some epochs of play too (its requests differ from step's): until the play loop has
      // trained 20 more, as its epoch events say
      const target = node.epoch + 20;
      await new Promise((resolve) => {
        const onEpoch = (e) => {
          if (e.detail.epoch < target) return;
          node.removeEventListener('epoch', onEpoch);
          resolve();
        };
        node.addEventListener('epoch', onEpoch);
        node.play();
      });
      node.pause();
      await node.step(1);
    });
    const file = await page.evaluate(() => document.querySelector('layerwise-playground').exportJSON());
    const before = await predictions(page);
    assert.equal(file.format, 'layerwise-playground');
    assert.equal(file.parameters.length, 6);
    assert.ok(file.epoch > 65, `epoch ${file.epoch}`);

    await mount(second.page, { dataset: 'circle' });
    const result = await second.page.evaluate((text) => document.querySelector('layerwise-playground').importJSON(text, 'run.json'), JSON.stringify(file));
    assert.equal(result.epoch, file.epoch);
    const after = await predictions(second.page);
    assert.equal(after.length, before.length);
    assert.ok(after.every((v, i) => Object.is(v, before[i])), 'predictions differ after import');
    assert.deepEqual(await stateOf(second.page), file.state);
    assert.match(await message(second.page), /run\.json/);
    // the curves came along
    assert.equal(await second.page.evaluate(() => document.querySelector('layerwise-playground').history.length), file.history.length);

    // the same through the Import button's file input
    await mount(second.page, { dataset: 'gauss' });
    await second.page.setInputFiles('layerwise-playground input[type=file]', {
      name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
    });
    await second.page.waitForFunction((epoch) => document.querySelector('layerwise-playground').epoch === epoch, file.epoch);
    const viaButton = await predictions(second.page);
    assert.ok(viaButton.every((v, i) => Object.is(v, before[i])), 'predictions differ after import through the button');
    assert.deepEqual(errors, []);
    assert.deepEqual(second.errors, []);
  } finally {
    await context.close();
    await second.context.close();
  }
});

test('a malformed import is refused with a message, and nothing is lost', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    await mount(page, { dataset: 'spiral', layers: '8,8', activation: 'tanh', optimizer: 'adam' });
    await page.evaluate(() => document.querySelector('layerwise-playground').step(30));
    const good = await page.evaluate(() => document.querySelector('layerwise-playground').exportJSON());
    const state = await stateOf(page);
    const before = await predictions(page);

    const wrongShape = structuredClone(good);
    wrongShape.parameters[0].shape = [8, 3];
    const badValue = structuredClone(good);
    badValue.parameters[2].data[5] = 'x';
    const badSetting = structuredClone(good);
    badSetting.state.layers = [8, 999];
    const tooFew = structuredClone(good);
    tooFew.parameters.pop();
    const cases = {
      'not JSON': '{"format": "layerwise-playground", ',
      'another format': JSON.stringify({ format: 'something-else', version: 1 }),
      'a newer version': JSON.stringify({ ...good, version: 99 }),
      'a bad setting': JSON.stringify(badSetting),
      'a wrong weight shape': JSON.stringify(wrongShape),
      'a weight that is not a number': JSON.stringify(badValue),
      'a weight missing': JSON.stringify(tooFew),
    };
    for (const [what, text] of Object.entries(cases)) {
      const outcome = await page.evaluate(async (t) => {
        try {
          await document.querySelector('layerwise-playground').importJSON(t, 'bad.json');
          return 'accepted';
        } catch (err) {
          return err.message;
        }
      }, text);
      assert.notEqual(outcome, 'accepted', `${what} was accepted`);
      assert.match(outcome, /bad\.json/, what);
      assert.match(await message(page), /nothing was changed/i, what);
      assert.deepEqual(await stateOf(page), state, `${what}: the state changed`);
      assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').epoch), 30, what);
    }
    // through the button too
    await page.setInputFiles('layerwise-playground input[type=file]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.waitForFunction(() => /notes\.txt/.test(document.querySelector('layerwise-playground').shadowRoot.querySelector('.message').textContent));
    const after = await predictions(page);
    assert.ok(after.every((v, i) => Object.is(v, before[i])), 'the network changed');
    // and the run goes on
    const next = await page.evaluate(() => document.querySelector('layerwise-playground').step(5));
    assert.equal(next.epoch, 35);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('embedded elements keep out of the hash; hide= leaves panels out; state is settable', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html', web.server.url).href);
  try {
    await page.evaluate(async () => {
      history.replaceState(null, '', '#lesson');
      const a = document.createElement('layerwise-playground');
      a.setAttribute('dataset', 'xor');
      a.setAttribute('layers', '4');
      a.setAttribute('hide', 'code,histograms');
      const b = document.createElement('layerwise-playground');
      b.setAttribute('dataset', 'gauss');
      b.setAttribute('train-ratio', '80');
      document.body.replaceChildren(a, b);
      await Promise.all([a.ready, b.ready]);
      a.state = { lr: 0.1 };
      await a.step(3);
      await b.step(2);
    });
    const seen = await page.evaluate(() => {
      const [a, b] = document.querySelectorAll('layerwise-playground');
      const visible = (node, sel) => !node.shadowRoot.querySelector(sel).closest('[hidden]');
      return {
        hash: location.hash,
        a: { dataset: a.state.dataset, layers: a.state.layers, lr: a.state.lr, epoch: a.epoch, code: visible(a, '.code'), histograms: visible(a, '.histograms'), boundary: visible(a, '.slot-boundary') },
        b: { dataset: b.state.dataset, trainRatio: b.state.trainRatio, epoch: b.epoch, code: visible(b, '.code') },
      };
    });
    assert.equal(seen.hash, '#lesson');
    assert.deepEqual(seen.a, { dataset: 'xor', layers: [4], lr: 0.1, epoch: 3, code: false, histograms: false, boundary: true });
    assert.deepEqual(seen.b, { dataset: 'gauss', trainRatio: 80, epoch: 2, code: true });
    // an attribute set later applies too
    await page.evaluate(() => document.querySelector('layerwise-playground').setAttribute('layers', '2,2'));
    await page.waitForFunction(() => document.querySelector('layerwise-playground').state.layers.join() === '2,2');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('drawn points: paint two classes, train, and keep them through a reload and a file', async () => {
  const { page, context, errors } = await openPage(web.browser, new URL('index.html#dataset=drawn', web.server.url).href);
  try {
    await page.waitForFunction(() => /at least 4 points/i.test(document.querySelector('layerwise-playground')?.shadowRoot?.querySelector('.message')?.textContent ?? ''));
    // class 0 on the left, class 1 (chosen with its button) on the right: clicks
    for (const v of [0.2, 0.4, 0.6, 0.8]) await strokeOnPad(page, [[0.2, v]]);
    await page.click('layerwise-playground .pad-class >> nth=1');
    for (const v of [0.2, 0.4, 0.6, 0.8]) await strokeOnPad(page, [[0.8, v]]);
    // and a stroke: dragging sprays points
    await strokeOnPad(page, [[0.7, 0.1], [0.9, 0.9]], 12);
    const drawn = await page.evaluate(() => {
      const d = document.querySelector('layerwise-playground').drawn;
      return { n: d.y.length, classes: d.classes, ones: Array.from(d.y).filter((c) => c === 1).length };
    });
    assert.equal(drawn.classes, 2);
    assert.ok(drawn.n >= 10 && drawn.ones >= 6, JSON.stringify(drawn));
    await page.waitForFunction(() => !document.querySelector('layerwise-playground').shadowRoot.querySelector('.message').textContent.includes('4 points'));
    const trained = await page.evaluate(() => document.querySelector('layerwise-playground').step(100));
    assert.ok(trained.trainAccuracy >= 0.9, `train accuracy ${trained.trainAccuracy}`);

    const file = await page.evaluate(() => document.querySelector('layerwise-playground').exportJSON());
    assert.equal(file.drawn.y.length, drawn.n);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.querySelector('layerwise-playground').drawn.y.length), drawn.n);
    const before = await page.evaluate(async (text) => {
      const node = document.querySelector('layerwise-playground');
      node.drawn = null;
      node.state = { dataset: 'xor' };
      await node.importJSON(text, 'drawing.json');
      return node.drawn.y.length;
    }, JSON.stringify(file));
    assert.equal(before, drawn.n);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
