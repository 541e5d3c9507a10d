// Refused settings (web/lib/refusals.js, web/playground/state.js): each problem names the
// setting, the value given and what is allowed, in English for scripts and in Korean through
// the string table; a bad value never stops the good ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REFUSAL_STRINGS, SettingProblem, readChoices, readTokens } from '../../web/lib/refusals.js';
import { translator } from '../../web/lib/i18n.js';
import { DEFAULTS, fromHash, withChanges } from '../../web/playground/state.js';

const t = translator(REFUSAL_STRINGS);

test('a refused value names the setting, the value and what is allowed, in both languages', () => {
  const { state, problems } = withChanges(DEFAULTS, { dataset: 'spirals', noise: '20', lr: 'abc', batch: 0, layers: '4,100', features: 'x1,x1' });
  assert.equal(state.noise, 20, 'the good value applies');
  assert.equal(state.dataset, DEFAULTS.dataset, 'a refused one keeps what it was');
  assert.deepEqual(problems.map((p) => [p.setting, p.value, p.key]), [
    ['dataset', 'spirals', 'setting.oneOf'],
    ['lr', 'abc', 'setting.number'],
    ['batch', '0', 'setting.range'],
    ['layers', '100', 'setting.layerSize'],
    ['features', 'x1', 'setting.listTwice'],
  ]);
  assert.ok(problems.every((p) => p instanceof SettingProblem));
  assert.equal(problems[0].message, 'dataset must be one of circle, xor, gauss, spiral, moons, blobs3, plane, sine, drawn, got "spirals"');
  assert.equal(problems[2].message, 'batch must be between 1 and 100, got 0');
  assert.equal(problems[2].text((k, p) => t('ko', k, p)), 'batch 값은 1에서 100 사이여야 합니다. 받은 값: 0');
  assert.deepEqual(JSON.parse(JSON.stringify(problems[1])), {
    setting: 'lr', value: 'abc', key: 'setting.number', params: { setting: 'lr', value: 'abc' }, message: 'lr must be a number, got "abc"',
  });
});

test('the URL hash: unknown settings are named with the known ones; known ones still apply', () => {
  const { state, problems } = fromHash('#colour=red&noise=30&layers=1,2,3,4,5,6,7,8,9');
  assert.equal(state.noise, 30);
  assert.deepEqual(problems.map((p) => [p.setting, p.value, p.key]), [['colour', 'red', 'setting.unknown'], ['layers', '9', 'setting.layerCount']]);
  assert.match(problems[0].message, /^unknown setting "colour"; the settings are: dataset, noise, trainRatio, /);
  assert.equal(problems[1].message, 'layers: at most 8 hidden layers, got 9');
});

test('readChoices keeps allowed attribute values and refuses the others; unset ones are neither', () => {
  const choices = { lang: ['en', 'ko'], preset: ['mlp', 'cnn'] };
  const { values, problems } = readChoices({ lang: 'fr', preset: 'cnn', other: null }, choices);
  assert.deepEqual(values, { preset: 'cnn' });
  assert.deepEqual(problems.map((p) => p.message), ['lang must be one of en, ko, got "fr"']);
  assert.deepEqual(readChoices({ lang: null }, choices), { values: {}, problems: [] });
});

test('readTokens keeps the allowed tokens of a list and refuses each other one', () => {
  const { tokens, problems } = readTokens('hide', ' code,histogram  files,,curve ', ['code', 'files', 'curves', 'histograms']);
  assert.deepEqual(tokens, ['code', 'files']);
  assert.deepEqual(problems.map((p) => p.message), [
    'hide: unknown "histogram"; allowed: code, files, curves, histograms',
    'hide: unknown "curve"; allowed: code, files, curves, histograms',
  ]);
  assert.deepEqual(readTokens('hide', null, ['code']), { tokens: [], problems: [] });
});
