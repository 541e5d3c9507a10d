// docs/embedding.md is what a course author reads instead of the code: its reference must name
// every setting, every `hide` token and every speed the playground accepts, with the values the
// state table allows, so a new setting cannot ship undocumented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FIELDS, KEYS } from '../../web/playground/state.js';
import { HIDE_TOKENS, SPEEDS } from '../../web/playground/controls/panels.js';

const doc = await readFile(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
// The reference's table rows by their first cell (`features` is a setting and a hide token: two rows).
const rows = {};
for (const line of doc.split('\n').filter((l) => l.startsWith('| `'))) (rows[line.slice(3, line.indexOf('`', 3))] ??= []).push(line);
const settingRow = (key) => rows[key]?.find((l) => l.split('|').length === 6); // setting | values | default | what

test('every setting of the state table has a row with its allowed values and default', () => {
  for (const key of KEYS) {
    const row = settingRow(key);
    assert.ok(row, `docs/embedding.md has no row for the setting ${key}`);
    const f = FIELDS[key];
    if (f.values) for (const v of f.values) assert.ok(row.includes(`\`${v}\``), `${key}: value ${v} undocumented`);
    if (f.min !== undefined && f.kind !== 'list') assert.ok(row.includes(`${f.min} to`), `${key}: its minimum ${f.min}`);
    if (f.kind === 'sizes') assert.ok(row.includes(`up to ${f.max} layers of 1 to ${f.maxSize}`), `${key}: its limits`);
  }
});

test('every hide token and every speed is documented', () => {
  for (const token of HIDE_TOKENS) assert.ok(rows[token]?.some((l) => l.split('|').length === 4), `hide token ${token} undocumented`);
  const speed = rows.speed[0];
  for (const s of SPEEDS) assert.ok(speed.includes(`\`${s}\``), `speed ${s} undocumented`);
});
