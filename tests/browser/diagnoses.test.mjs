// Each diagnosis on a run that reproduces it, and none on healthy runs: the note names the
// evidence, gives a fix and links the lesson section; dismissing it keeps it away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveAndLaunch } from './browser.mjs';
import { idle, mount } from './playground-helpers.mjs';

const web = serveAndLaunch();
let opening;
const shared = () => (opening ??= openPage(web.browser, new URL('index.html', web.server.url).href));
const el = 'layerwise-playground';

// Mounts the element with `attrs`, trains `epochs` (none: as built) and returns the notes shown.
async function notesAfter(attrs, epochs) {
  const { page } = await shared();
  await mount(page, attrs);
  if (epochs > 0) await page.evaluate((n) => document.querySelector('layerwise-playground').step(n), epochs);
  await idle(page);
  await page.waitForTimeout(100); // the render after the last snapshot
  return page.locator(`${el} .diagnosis`).evaluateAll((nodes) => nodes.map((n) => ({
    id: n.dataset.diagnosis, text: n.querySelector('.evidence').textContent, fix: n.querySelector('.fix').textContent,
    href: n.querySelector('a.why')?.getAttribute('href'),
  })));
}

const cases = [
  ['dead', { dataset: 'xor', layers: '8,8', activation: 'relu', optimizer: 'sgd', lr: '10' }, 30, /Layer \d: \d of 8 ReLU units output 0 for every training point/, /id=together&lang=en#dead$/],
  ['saturated', { dataset: 'xor', layers: '8,8', activation: 'tanh', init: 'normal', 'init-std': '5' }, 2, /Layer \d: \d+% of its tanh outputs sit at the flat ends/i, /id=init&lang=en#depth$/],
  ['vanishing', { dataset: 'xor', layers: '8,8,8,8,8,8', activation: 'sigmoid' }, 2, /weight gradients are [\d.,]+ times smaller than the last layer’s/, /id=init&lang=en#depth$/],
  ['exploding', { dataset: 'plane', layers: '8,8,8', activation: 'linear', init: 'normal', 'init-std': '1' }, 0, /The weight gradients are huge \(RMS [\d.]+ in layer \d/, /id=init&lang=en#xavier$/],
  ['overfitting', { dataset: 'spiral', points: '100', noise: '40', layers: '16,16', optimizer: 'adam', lr: '0.03' }, 400, /Test loss [\d.]+ against training loss [\d.e−]+/, /id=together&lang=en#overfit$/],
  ['flat', { dataset: 'xor', optimizer: 'sgd', lr: '0.0001' }, 150, /The training loss has stayed near 0\.6\d+ since epoch \d+/, /id=together&lang=en#flat$/],
];

for (const [id, attrs, epochs, evidence, link] of cases) {
  test(`diagnosis ${id}: shown on its reproduction, with evidence, fix and lesson`, async () => {
    const notes = await notesAfter(attrs, epochs);
    const note = notes.find((n) => n.id === id);
    assert.ok(note, `no ${id} note; shown: ${JSON.stringify(notes)}`);
    assert.match(note.text, evidence);
    assert.ok(note.fix.length > 20, 'a fix');
    assert.match(note.href, link);
  });
}

test('healthy runs show no diagnosis', async () => {
  for (const [attrs, epochs] of [
    [{ dataset: 'xor' }, 200],
    [{ dataset: 'circle', layers: '8', activation: 'relu', init: 'kaiming_uniform' }, 150],
    [{ dataset: 'spiral', layers: '8,8', optimizer: 'adam', lr: '0.01' }, 300],
    [{ dataset: 'sine', layers: '16,16' }, 200],
  ]) {
    const notes = await notesAfter(attrs, epochs);
    assert.deepEqual(notes, [], `${JSON.stringify(attrs)}: ${JSON.stringify(notes)}`);
  }
});

test('a dismissed note stays away for this network, and comes back for a new one; Korean', async () => {
  const { page } = await shared();
  const attrs = { dataset: 'xor', layers: '8,8', activation: 'relu', optimizer: 'sgd', lr: '10', lang: 'ko' };
  assert.ok((await notesAfter(attrs, 30)).some((n) => n.id === 'dead' && /ReLU 뉴런 8개 중 \d개가/.test(n.text)));
  await page.locator(`${el} .diagnosis[data-diagnosis="dead"] .dismiss`).click();
  await page.evaluate(() => document.querySelector('layerwise-playground').step(5));
  await idle(page);
  await page.waitForTimeout(100);
  assert.equal(await page.locator(`${el} .diagnosis[data-diagnosis="dead"]`).count(), 0);
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { seed: 7 }; });
  await page.evaluate(() => document.querySelector('layerwise-playground').step(30));
  await idle(page);
  await page.waitForTimeout(100);
  assert.equal(await page.locator(`${el} .diagnosis[data-diagnosis="dead"]`).count(), 1, 'a new network');
});
