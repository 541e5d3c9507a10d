// web/sketch/strings.js: every string of <layerwise-sketch> in English and Korean, and t(). The
// element's own keys (data-t… in its modules, in the web/lib modules it hands its t to, and the
// keys its code names) must all exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { LANGS, placeholders } from '../../web/lib/i18n.js';
import { SKETCH_STRINGS, t } from '../../web/sketch/strings.js';

test('both languages have every key, with the same placeholders, none empty', () => {
  assert.deepEqual(LANGS, ['en', 'ko']);
  const en = Object.keys(SKETCH_STRINGS.en).sort();
  assert.deepEqual(Object.keys(SKETCH_STRINGS.ko).sort(), en);
  for (const key of en) {
    for (const lang of LANGS) {
      const text = SKETCH_STRINGS[lang][key];
      assert.equal(typeof text, 'string', `${lang}.${key}`);
      assert.ok(text.trim() !== '' && text === text.trim(), `${lang}.${key} is empty or padded`);
    }
    assert.deepEqual(placeholders(SKETCH_STRINGS.ko[key]), placeholders(SKETCH_STRINGS.en[key]), `ko.${key}`);
  }
});

test('Korean is Korean: no English sentence left in it', () => {
  const same = new Set(['app.title', 'lang.en', 'lang.ko', 'activation.relu', 'activation.leaky_relu', 'activation.tanh', 'guess.best', 'pad.save']);
  for (const [key, text] of Object.entries(SKETCH_STRINGS.ko)) {
    if (same.has(key) || key === 'locale') continue;
    assert.notEqual(text, SKETCH_STRINGS.en[key], `ko.${key} is the English`);
    assert.match(text, /[가-힣]/, `ko.${key} has no Hangul: ${text}`);
  }
});

test('t fills placeholders and falls back to English, then to the key', () => {
  assert.equal(t('ko', 'train.go', { n: 30 }), '30 에포크 학습');
  assert.equal(t('en', 'train.go', { n: 30 }), 'Train 30 epochs');
  assert.equal(t('fr', 'train.stop'), 'Stop');
  assert.equal(t('en', 'no.such.key'), 'no.such.key');
  assert.equal(t('en', 'classes.count', {}), '{count} drawings', 'a missing param stays visible');
});

test('every key the element uses exists', async () => {
  const dir = new URL('../../web/sketch/', import.meta.url);
  const files = (await readdir(dir)).filter((name) => name.endsWith('.js') && name !== 'strings.js').map((name) => new URL(name, dir));
  // the shared pad, 28 × 28 input view, guess bars and weight pictures show their text through the element's t
  for (const name of ['pad.js', 'input-view.js', 'guesses.js', 'weights.js']) files.push(new URL(`../../web/lib/${name}`, import.meta.url));
  const used = new Set();
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    // string literals that look like keys: 'part.name' with a known part
    for (const m of code.matchAll(/'((?:app|panel|pad|input|guess|weights|classes|shape|layers|activation|train|msg|file|lang)\.[\w.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 60, `${used.size} keys found`);
  const missing = [...used].filter((k) => !(k in SKETCH_STRINGS.en));
  assert.deepEqual(missing, []);
});
