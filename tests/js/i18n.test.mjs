// web/playground/i18n.js: the playground's strings in English and Korean (its three tables,
// composed), and t(); web/lib/i18n.js: the lookup, fill and checks every page shares.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LANGS, combine, fill, missingKeys, pick, placeholders, translator } from '../../web/lib/i18n.js';
import { STRINGS, TABLES, t } from '../../web/playground/i18n.js';
import { ELEMENT_STRINGS } from '../../web/playground/strings-element.js';
import { VIEW_STRINGS } from '../../web/playground/views/strings.js';
import { DATASETS, FEATURES, ACTIVATIONS, LOSSES, INITS, OPTIMIZERS, FIELDS } from '../../web/playground/state.js';
import { resolveLoss } from '../../web/playground/config.js';

test('every language has every key, none empty', () => {
  assert.deepEqual(LANGS, ['en', 'ko']);
  assert.deepEqual(Object.keys(STRINGS).sort(), [...LANGS].sort());
  for (const lang of LANGS) {
    assert.deepEqual(missingKeys(STRINGS, lang), [], `${lang} lacks keys`);
    const extra = Object.keys(STRINGS[lang]).filter((k) => !(k in STRINGS.en));
    assert.deepEqual(extra, [], `${lang} has keys English lacks`);
    for (const [key, text] of Object.entries(STRINGS[lang])) {
      assert.equal(typeof text, 'string', `${lang}.${key}`);
      assert.ok(text.trim() !== '', `${lang}.${key} is empty`);
      assert.equal(text, text.trim(), `${lang}.${key} has surrounding spaces`);
    }
  }
});

test("each table's strings are in STRINGS, every one has Korean, and no key is in two tables", () => {
  // i18n.js, strings-element.js and views/strings.js each hold the English and the Korean of the
  // code beside them; STRINGS composes them. A key added to one without Korean fails here.
  assert.deepEqual(Object.keys(TABLES).sort(), ['i18n.js', 'lib/refusals.js', 'strings-element.js', 'strings-help.js', 'views/strings.js']);
  assert.equal(TABLES['strings-element.js'], ELEMENT_STRINGS);
  assert.equal(TABLES['views/strings.js'], VIEW_STRINGS);
  const owner = new Map();
  for (const [file, table] of Object.entries(TABLES)) {
    assert.deepEqual(Object.keys(table).sort(), ['en', 'ko'], `${file} has both languages`);
    const unmerged = Object.keys(table.en).filter((k) => typeof STRINGS.en[k] !== 'string');
    assert.deepEqual(unmerged, [], `${file} keys not in STRINGS.en`);
    const noKorean = Object.keys(table.en).filter((k) => typeof table.ko[k] !== 'string' || table.ko[k].trim() === '');
    assert.deepEqual(noKorean, [], `${file} keys without Korean`);
    assert.deepEqual(Object.keys(table.ko).filter((k) => !(k in table.en)), [], `${file}: Korean keys without English`);
    for (const [key, text] of Object.entries(table.en)) {
      assert.equal(STRINGS.en[key], text, `en.${key}`);
      assert.equal(STRINGS.ko[key], table.ko[key], `ko.${key}`);
      assert.deepEqual(placeholders(STRINGS.ko[key]), placeholders(text), `ko.${key} has the placeholders of ${file}`);
      assert.ok(!owner.has(key), `${key} is in ${owner.get(key)} and in ${file}`);
      owner.set(key, file);
    }
  }
  assert.equal(owner.size, Object.keys(STRINGS.en).length, 'STRINGS holds the tables\' keys and no others');
  assert.deepEqual(missingKeys(STRINGS, 'ko'), []);
});

test('no Korean string is left in English, except names, code and symbols', () => {
  // A Korean string may equal the English only when nothing in it is an English word: once
  // placeholders and the names below are taken out, no two Latin letters in a row remain
  // ("x₁ = {x1}", "{n}✕", "β₁", "한국어" pass; "Input", "weights:" fail).
  const names = ['Layerwise', 'PyTorch', 'JS', 'JSON', 'English', 'XOR', 'ReLU', 'Leaky', 'Tanh', 'tanh',
    'SGD', 'Adam', 'AdamW', 'RMSprop', 'sin', 'L1', 'L2', 'MB'];
  const allowed = new RegExp(`\\{\\w+\\}|\\b(${names.join('|')})\\b`, 'g');
  const same = Object.keys(STRINGS.en)
    .filter((k) => STRINGS.ko[k] === STRINGS.en[k] && /[A-Za-z]{2,}/.test(STRINGS.ko[k].replace(allowed, '')));
  assert.deepEqual(same, [], 'Korean identical to English');
  // The checker itself: words fail, names and symbols pass.
  for (const text of ['Input', 'weights:', 'L{n} layer']) assert.match(text.replace(allowed, ''), /[A-Za-z]{2,}/, text);
  for (const text of ['x₁ = {x1}', '{n}✕', 'Leaky ReLU', 'sin(x₁)', 'Layerwise JS']) assert.doesNotMatch(text.replace(allowed, ''), /[A-Za-z]{2,}/, text);
});

test('placeholders are the same in every language', () => {
  for (const key of Object.keys(STRINGS.en)) {
    const want = placeholders(STRINGS.en[key]);
    for (const lang of LANGS) assert.deepEqual(placeholders(STRINGS[lang][key]), want, `${lang}.${key}`);
  }
});

test('Korean reads as Korean', () => {
  // Labels may stay as written (ReLU, Adam, x₁), but sentences and tooltips must be Korean.
  const hangul = /[가-힣]/;
  for (const [key, en] of Object.entries(STRINGS.en)) {
    const ko = STRINGS.ko[key];
    if (key.endsWith('.tip') || /[.!?]$/.test(en)) assert.match(ko, hangul, `ko.${key} is not Korean: ${ko}`);
  }
  const share = Object.values(STRINGS.ko).filter((s) => hangul.test(s)).length / Object.keys(STRINGS.ko).length;
  assert.ok(share > 0.8, `only ${(share * 100).toFixed(0)}% of Korean strings contain Hangul`);
  // The standard Korean ML terms appear where the concept does.
  const expect = {
    'training.lr': '학습률', 'network.hiddenLayers': '은닉층', 'network.activation': '활성화 함수',
    'loss.title': '손실 함수', 'optimizer.title': '옵티마이저', 'init.title': '가중치 초기화',
    'training.batch': '배치 크기', 'metrics.testAccuracy': '정확도', 'views.boundary': '결정 경계',
    overfitting: '과적합',
  };
  for (const [key, term] of Object.entries(expect)) assert.ok(STRINGS.ko[key].includes(term), `ko.${key} uses ${term}`);
});

test("every choice of the state has a name and a tooltip", () => {
  const kinds = { dataset: DATASETS, feature: FEATURES, activation: ACTIVATIONS, loss: LOSSES, init: INITS, optimizer: OPTIMIZERS };
  for (const [kind, values] of Object.entries(kinds)) {
    for (const v of values) {
      assert.ok(`${kind}.${v}` in STRINGS.en, `${kind}.${v}`);
      assert.ok(`${kind}.${v}.tip` in STRINGS.en, `${kind}.${v}.tip`);
    }
  }
  for (const lang of FIELDS.lang.values) assert.ok(`lang.${lang}` in STRINGS.en, `lang.${lang}`);
});

test('messages the engine and config.js name exist, with the agreed wording', () => {
  assert.equal(t('en', 'diverged'),
    'Training diverged: the loss became NaN/infinite. Try a lower learning rate or another initialiser, then press Reset.');
  // config.js reports a replaced loss with this key.
  const { note } = resolveLoss({ loss: 'bce' }, 3);
  assert.equal(note, 'lossMismatch');
  for (const lang of LANGS) assert.notEqual(t(lang, note), note, `${lang} has ${note}`);
  // The diverged message names the button the learner must press, in each language.
  assert.ok(t('en', 'diverged').includes(t('en', 'controls.reset')));
  assert.ok(t('ko', 'diverged').includes(t('ko', 'controls.reset')));
});

test('t interpolates {params}', () => {
  assert.equal(t('en', 'training.epochCount', { epoch: 12 }), 'Epoch 12');
  assert.equal(t('ko', 'training.epochCount', { epoch: 12 }), '에포크 12');
  assert.equal(t('en', 'data.trainRatioValue', { train: 70, test: 30 }), '70% training, 30% test');
  assert.equal(t('ko', 'views.neuron', { n: 2, layer: 1 }), '1번째 층의 2번째 뉴런');
  assert.equal(t('en', 'metrics.loss', { value: 0 }), 'Loss: 0', 'zero is a value');
  // A missing param leaves its placeholder visible; extra params are ignored.
  assert.equal(t('en', 'training.epochCount'), 'Epoch {epoch}');
  assert.equal(t('en', 'training.epochCount', {}), 'Epoch {epoch}');
  assert.equal(t('en', 'training.epochCount', { epoch: 3, other: 1 }), 'Epoch 3');
  assert.equal(t('en', 'badSetting', { problem: 'lr must be a number, got "x"' }), 'A setting was ignored: lr must be a number, got "x"');
});

test('t falls back to English, then to the key', () => {
  assert.equal(t('fr', 'training.lr'), 'Learning rate', 'unknown language');
  assert.equal(t(undefined, 'training.lr'), 'Learning rate');
  assert.equal(t('fr', 'training.epochCount', { epoch: 2 }), 'Epoch 2', 'the fallback is interpolated too');
  assert.equal(t('ko', 'no.such.key'), 'no.such.key');
  assert.ok(Object.isFrozen(STRINGS.en) && Object.isFrozen(STRINGS.ko), 'tables are frozen');
});

test('missingKeys lists what a language lacks', () => {
  assert.deepEqual(missingKeys(STRINGS, 'en'), []);
  assert.deepEqual(missingKeys(STRINGS, 'fr'), Object.keys(STRINGS.en));
  assert.deepEqual(missingKeys({ en: { a: 'A', b: 'B', c: 'C' }, ko: { a: '가', b: ' ' } }, 'ko'), ['b', 'c'], 'empty counts as missing');
});

test('t bound to a language, as views take it', () => {
  const tr = (key, params) => t('ko', key, params);
  assert.equal(tr('training.lr'), '학습률');
  assert.equal(tr('data.class', { n: 2 }), '클래스 2');
});

test('placeholders() finds {names}', () => {
  assert.deepEqual(placeholders('a {x} b {y} {x}'), ['x', 'y']);
  assert.deepEqual(placeholders('none'), []);
});

test('fill: one rule for every page', () => {
  assert.equal(fill('{a} and {b}', { a: 1, b: 'two' }), '1 and two');
  assert.equal(fill('n = {n}', { n: 0 }), 'n = 0', 'zero is a value');
  assert.equal(fill('n = {n}', { n: '' }), 'n = ', 'so is the empty string');
  assert.equal(fill('n = {n}', { n: false }), 'n = false');
  // absent, undefined and null leave the placeholder visible
  assert.equal(fill('{a}|{b}|{c}', { b: undefined, c: null }), '{a}|{b}|{c}');
  assert.equal(fill('{a}', undefined), '{a}');
  // a function is called when the text is filled (a bound text shows a live value)
  let calls = 0;
  assert.equal(fill('{n} and {n}', { n: () => ++calls }), '1 and 2');
  // only the params' own keys count, not what every object inherits
  assert.equal(fill('{toString} {constructor}', {}), '{toString} {constructor}');
  assert.equal(fill('{x-y} {x_1}', { 'x-y': 1, x_1: 2 }), '{x-y} 2', 'names are letters, digits and _');
});

test('translator: asked language, then English, then the key, over one or more tables', () => {
  const a = { en: { hi: 'Hello {name}', only: 'English only' }, ko: { hi: '안녕 {name}' } };
  const b = { en: { bye: 'Bye' }, ko: { bye: '잘 가' } };
  const tr = translator(a, b);
  assert.equal(tr('ko', 'hi', { name: '민' }), '안녕 민');
  assert.equal(tr('ko', 'bye'), '잘 가', 'the second table');
  assert.equal(tr('ko', 'only'), 'English only');
  assert.equal(tr('fr', 'bye'), 'Bye');
  assert.equal(tr('en', 'nothing'), 'nothing');
  assert.equal(tr('en', 'toString'), 'toString', 'no inherited property is a string');
  const both = combine(a, b);
  assert.deepEqual(both.ko, { hi: '안녕 {name}', bye: '잘 가' });
  assert.ok(Object.isFrozen(both) && Object.isFrozen(both.en));
  assert.equal(pick({ en: 'Train', ko: '학습' }, 'ko'), '학습');
  assert.equal(pick({ en: 'Train' }, 'ko'), 'Train');
});
