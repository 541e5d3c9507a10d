// A teacher's typo is refused out loud, never replaced by a default in silence: a bad value in
// the URL hash or in an attribute (on a course page of another origin) shows a note naming the
// setting, the value and what is allowed, in the element's language, which the reader can
// dismiss; an `error` event carries the same problems for scripts; every good value applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, siteAndCourse } from './browser.mjs';
import { HIDE_TOKENS } from '../../web/playground/controls/panels.js';

const web = siteAndCourse((siteUrl) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>A course page with typos</title>
<link rel="icon" href="data:,">
<script>
  window.refused = [];
  document.addEventListener('error', (e) => e.detail?.problems && window.refused.push(...e.detail.problems.map((p) => ({ on: e.target.localName, ...p }))), true);
</script>
<script type="module" src="${siteUrl}layerwise.js"></script></head>
<body>
<layerwise-playground dataset="spirals" noise="20" lang="ko" hide="code,histogram" speed="turbo"></layerwise-playground>
<layerwise-sketch lang="fr"></layerwise-sketch>
<layerwise-images preset="resnet" lang="en" src="${siteUrl}data/fashion-mnist.bin"></layerwise-images>
</body></html>
`);

// The note of one element: hidden or not, its lines, its button.
const noteOf = (page, name) => page.evaluate((n) => {
  const note = document.querySelector(n).shadowRoot.querySelector('.refusal');
  return note && { hidden: note.hidden, title: note.querySelector('.refusal-title').textContent, lines: [...note.querySelectorAll('li')].map((li) => li.textContent), button: note.querySelector('button').textContent };
}, name);

test('bad values in the URL hash: a note names each with what is allowed, an `error` event, the rest applies; dismissible', { timeout: 120_000 }, async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.refused = [];
    document.addEventListener('error', (e) => e.detail?.problems && window.refused.push(...e.detail.problems), true);
  });
  await page.goto(new URL('index.html#dataset=spirals&lr=abc&layers=4,100&noise=20&colour=red', web.site.url).href);
  await page.waitForFunction(() => customElements.get('layerwise-playground'));
  await page.evaluate(() => document.querySelector('layerwise-playground').ready);
  const note = await noteOf(page, 'layerwise-playground');
  const seen = await page.evaluate(() => ({ state: document.querySelector('layerwise-playground').state, refused: window.refused }));
  assert.equal(note.hidden, false);
  assert.equal(note.lines.length, 4, note.lines.join('\n'));
  // each refused setting named with its value and what is allowed
  assert.match(note.lines.join('\n'), /dataset must be one of circle, xor, gauss, spiral, .*got "spirals"/);
  assert.match(note.lines.join('\n'), /lr must be a number, got "abc"/);
  assert.match(note.lines.join('\n'), /layers: each layer has 1 to 64 neurons, got 100/);
  assert.match(note.lines.join('\n'), /unknown setting "colour"; the settings are: dataset, noise, /);
  assert.deepEqual(seen.refused.map((p) => [p.setting, p.value]), [['colour', 'red'], ['dataset', 'spirals'], ['lr', 'abc'], ['layers', '100']]);
  assert.match(seen.refused[1].message, /^dataset must be one of .*got "spirals"$/, 'scripts get the English text');
  assert.equal(seen.state.noise, 20, 'the good value applies');
  assert.equal(seen.state.dataset, 'circle', 'the refused one keeps what it was');

  // the note follows the element's language
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { lang: 'ko' }; });
  const korean = await noteOf(page, 'layerwise-playground');
  assert.match(korean.title, /적용하지 않은 설정/);
  assert.match(korean.lines.join('\n'), /dataset 값은 circle, xor, .* 중 하나여야 합니다\. 받은 값: "spirals"/);
  assert.equal(korean.button, '닫기');

  // a good value for a refused setting takes its line away; Dismiss hides the rest
  await page.evaluate(() => { document.querySelector('layerwise-playground').state = { lr: 0.1 }; });
  assert.equal((await noteOf(page, 'layerwise-playground')).lines.length, 3);
  await page.evaluate(() => document.querySelector('layerwise-playground').shadowRoot.querySelector('.refusal button').click());
  assert.equal((await noteOf(page, 'layerwise-playground')).hidden, true);
  await context.close();
});

test('bad attribute values on a course page of another origin: each element shows its note in its language and reports it', { timeout: 120_000 }, async () => {
  assert.notEqual(new URL(web.site.url).origin, new URL(web.course.url).origin);
  const { page, errors } = await openPage(web.browser, web.course.url, { locale: 'en-US' });
  await page.waitForFunction(() => ['layerwise-playground', 'layerwise-sketch', 'layerwise-images'].every((n) => customElements.get(n)));
  await page.evaluate(() => document.querySelector('layerwise-playground').ready);

  const playground = await noteOf(page, 'layerwise-playground');
  assert.equal(playground.hidden, false);
  assert.match(playground.title, /적용하지 않은 설정/, 'lang="ko" applies, and the note is Korean');
  assert.deepEqual(playground.lines, [
    'dataset 값은 circle, xor, gauss, spiral, moons, blobs3, plane, sine, drawn 중 하나여야 합니다. 받은 값: "spirals"',
    `hide: "histogram"(은)는 없는 이름입니다. 쓸 수 있는 이름: ${HIDE_TOKENS.join(', ')}`,
    'speed 값은 slow, normal, fast, max 중 하나여야 합니다. 받은 값: "turbo"',
  ]);
  const applied = await page.evaluate(() => {
    const node = document.querySelector('layerwise-playground');
    const hidden = (panel) => node.shadowRoot.querySelector(`[data-panel="${panel}"]`).hidden;
    return { noise: node.state.noise, code: hidden('code'), histograms: hidden('histograms') };
  });
  assert.deepEqual(applied, { noise: 20, code: true, histograms: false }, 'the good values apply');

  const sketch = await noteOf(page, 'layerwise-sketch');
  assert.equal(sketch.hidden, false);
  assert.deepEqual(sketch.lines, ['lang must be one of en, ko, got "fr"'], 'the browser is English, so the sketch is');

  const images = await noteOf(page, 'layerwise-images');
  assert.deepEqual(images.lines, ['preset must be one of mlp, cnn, got "resnet"']);
  assert.equal(await page.evaluate(() => document.querySelector('layerwise-images').layers.some((l) => l.type === 'conv2d')), false, 'the default preset (the MLP) stays');

  const refused = await page.evaluate(() => window.refused.map((p) => [p.on, p.setting, p.value]));
  assert.deepEqual(refused.sort(), [['layerwise-images', 'preset', 'resnet'], ['layerwise-playground', 'dataset', 'spirals'],
    ['layerwise-playground', 'hide', 'histogram'], ['layerwise-playground', 'speed', 'turbo'], ['layerwise-sketch', 'lang', 'fr']]);

  // a good value set later settles the note; a bad one set later is refused the same way
  await page.evaluate(() => document.querySelector('layerwise-sketch').setAttribute('lang', 'ko'));
  assert.equal((await noteOf(page, 'layerwise-sketch')).hidden, true);
  await page.evaluate(() => document.querySelector('layerwise-images').setAttribute('preset', 'lenet'));
  assert.deepEqual((await noteOf(page, 'layerwise-images')).lines, ['preset must be one of mlp, cnn, got "lenet"']);
  assert.deepEqual(errors, [], 'a refusal is no console error, and every text of the note exists');
  await page.context().close();
});
