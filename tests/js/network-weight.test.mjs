// views/network.js's readWeight: the weight editor's text → a value, or the string key of what
// is wrong with it (the editor shows it and changes nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WEIGHT, readWeight } from '../../web/playground/views/network.js';

test('readWeight takes finite numbers up to MAX_WEIGHT in size, a true minus included', () => {
  assert.deepEqual(readWeight('1.75'), { value: 1.75 });
  assert.deepEqual(readWeight(' -0.5 '), { value: -0.5 });
  assert.deepEqual(readWeight('\u22122'), { value: -2 });
  assert.deepEqual(readWeight('1e-3'), { value: 0.001 });
  assert.deepEqual(readWeight(String(MAX_WEIGHT)), { value: 100 });
  assert.deepEqual(readWeight(`-${MAX_WEIGHT}`), { value: -100 });
});

test('readWeight refuses what is empty, not a number or too large', () => {
  assert.deepEqual(readWeight(''), { problem: 'net.editEmpty' });
  assert.deepEqual(readWeight('   '), { problem: 'net.editEmpty' });
  assert.deepEqual(readWeight('abc'), { problem: 'net.editNotNumber' });
  assert.deepEqual(readWeight('NaN'), { problem: 'net.editNotNumber' });
  assert.deepEqual(readWeight('1,5'), { problem: 'net.editNotNumber' });
  assert.deepEqual(readWeight('100.5'), { problem: 'net.editTooBig' });
  assert.deepEqual(readWeight('-1e9'), { problem: 'net.editTooBig' });
  assert.deepEqual(readWeight('Infinity'), { problem: 'net.editTooBig' });
});
