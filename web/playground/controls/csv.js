// Drawn points as data: their limits, the check every source of points passes (the pad, the
// `drawn` property, the autosave), and CSV text in and out.
//
//   x,y,label          classification: label is a class index 0 .. classes − 1
//   -2.5,1,0
//   3,0.25,2
//
//   x,y,value          regression (classes 0): value is any number (the pad paints −1 .. 1)
//
// Reading keeps every good line and reports each bad one by its line number (1 = the first
// line of the file), so a spreadsheet with a few broken rows still opens. Blank lines are
// skipped; a first line of three names is a header, whose third name decides between classes
// and values ("value" or "target" mean values; without a header the caller's mode decides).
// Numbers are written in the shortest form that reads back to the same float32, so an export
// read back gives the very same points, labels and order.

import { t as translate } from '../i18n.js';

export const EXTENT = 6; // points lie in [−EXTENT, EXTENT]², the plane the boundary view shows
export const MAX_CLASSES = 5;
export const MAX_POINTS = 2000;

/**
 * A checked copy of drawn points {x, y, classes}: x holds x1, x2 of each point, y its class
 * (classes 2 .. MAX_CLASSES) or value (classes 0). Throws an Error naming the problem. This is
 * the one check of drawn points: the pad, the `drawn` property, the export file (file.js), the
 * autosave and CSV lines (pointProblem) all pass it, so what any of them accepts the page shows
 * and trains. Values are checked as the float32 the engine trains on.
 */
export function checkPoints(d) {
  if (d === null || typeof d !== 'object') throw new PointsProblem('points.notObject');
  const classes = d.classes ?? 2;
  if (!(classes === 0 || (Number.isInteger(classes) && classes >= 2 && classes <= MAX_CLASSES))) {
    throw new PointsProblem('points.classes', { max: MAX_CLASSES, got: String(classes) });
  }
  const x = Float32Array.from(d.x ?? []);
  const y = Float32Array.from(d.y ?? []);
  if (x.length !== 2 * y.length) throw new PointsProblem('points.pairs', { points: y.length, need: 2 * y.length, got: x.length });
  if (y.length > MAX_POINTS) throw new PointsProblem('points.tooMany', { max: MAX_POINTS, got: y.length });
  for (let i = 0; i < y.length; i++) {
    const problem = pointProblem(x[2 * i], x[2 * i + 1], y[i], classes);
    if (problem?.column) throw new PointsProblem('points.outside', { point: i + 1, extent: EXTENT, column: problem.column, value: problem.value });
    if (problem) throw new PointsProblem(classes > 0 ? 'points.label' : 'points.value', { point: i + 1, last: classes - 1, value: y[i] });
  }
  return { x, y, classes };
}

/** Drawn points refused by checkPoints: a string key of the playground's and its params; the message is the English. */
export class PointsProblem extends Error {
  constructor(key, params = {}) {
    super(translate('en', key, params));
    this.name = 'PointsProblem';
    this.key = key;
    this.params = params;
  }
}

/**
 * What is wrong with one point (x1, x2, its label or value; classes as in checkPoints), as
 * float32: null when nothing, {column: 'x' | 'y', value} for a coordinate off the plot,
 * {label: value} for a label that is no class or a value that is not finite.
 */
export function pointProblem(px, py, v, classes) {
  const outside = [px, py].findIndex((c) => !(Math.abs(Math.fround(c)) <= EXTENT));
  if (outside >= 0) return { column: outside ? 'y' : 'x', value: outside ? py : px };
  const f = Math.fround(v);
  if (!Number.isFinite(f) || (classes > 0 && !(Number.isInteger(f) && f >= 0 && f < classes))) return { label: v };
  return null;
}

/** The shortest decimal text that reads back (as float32) to the same float32 value. */
export function float32Text(v) {
  const f = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const s = String(Number(f.toPrecision(digits)));
    if (Math.fround(Number(s)) === f) return s;
  }
  return String(f);
}

/** The points as CSV text: a header, then one line per point in order. */
export function toCSV(drawn) {
  const { x, y, classes } = drawn ?? { x: [], y: [], classes: 2 };
  const lines = [classes === 0 ? 'x,y,value' : 'x,y,label'];
  for (let i = 0; i < y.length; i++) lines.push(`${float32Text(x[2 * i])},${float32Text(x[2 * i + 1])},${float32Text(y[i])}`);
  return `${lines.join('\n')}\n`;
}

// A decimal number: 12, -0.5, .5, 5., 1e-3. Each stretch of digits can be matched one way only
// (the fraction is `\.\d*` as a whole, not an optional dot between two runs of digits), so a
// failed match backtracks over a cell once: linear time, even for a cell of 40,000 digits and a
// letter (the pattern `\d+\.?\d*` took quadratic time there; bench/bench_parse.mjs).
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const VALUE_NAMES = new Set(['value', 'target', 'values', 'targets']);

function cellsOf(line) {
  return line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

/**
 * Reads CSV text. `regression` is the mode of a file without a header. Returns
 * {drawn: {x, y, classes}, problems: [{line, key, params}], header} where each problem's key is
 * a string of i18n.js (csv.*) and params fill it; drawn holds the good lines only (classes is
 * 0 for values, else at least 2 and one more than the largest label).
 */
export function fromCSV(text, { regression = false } = {}) {
  const lines = String(text).replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop(); // the newline that ends the last line
  const x = [];
  const y = [];
  const problems = [];
  let values = regression;
  let header = null;
  let seenData = false;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    if (lines[i].trim() === '') continue;
    const cells = cellsOf(lines[i]);
    if (!seenData && header === null && cells.length === 3 && !cells.some((c) => NUMBER.test(c))) {
      header = cells.join(',');
      values = VALUE_NAMES.has((cells[2] ?? '').toLowerCase()) ? true
        : /^(label|class|classes|labels)$/i.test(cells[2] ?? '') ? false : regression;
      continue;
    }
    seenData = true;
    if (cells.length !== 3) {
      problems.push({ line, key: 'csv.columns', params: { count: cells.length } });
      continue;
    }
    const bad = cells.findIndex((c) => !NUMBER.test(c));
    if (bad >= 0) {
      problems.push(bad < 2 ? { line, key: 'csv.notNumber', params: { column: bad ? 'y' : 'x', text: cells[bad] } }
        : { line, key: values ? 'csv.valueNotNumber' : 'csv.labelNotNumber', params: { text: cells[bad] } });
      continue;
    }
    const [px, py, v] = cells.map(Number);
    const problem = pointProblem(px, py, v, values ? 0 : MAX_CLASSES);
    if (problem?.column) {
      problems.push({ line, key: 'csv.outside', params: { column: problem.column, text: cells[problem.column === 'y' ? 1 : 0], extent: EXTENT } });
      continue;
    }
    if (problem) {
      problems.push(values ? { line, key: 'csv.valueNotNumber', params: { text: cells[2] } }
        : { line, key: 'csv.label', params: { text: cells[2], last: MAX_CLASSES - 1 } });
      continue;
    }
    if (y.length >= MAX_POINTS) {
      const more = lines.slice(i + 1).filter((l) => l.trim() !== '').length;
      problems.push({ line, key: 'csv.tooMany', params: { max: MAX_POINTS, more } });
      break;
    }
    x.push(px, py);
    y.push(v);
  }
  const classes = values ? 0 : Math.max(2, ...y.map((v) => v + 1));
  return { drawn: { x: Float32Array.from(x), y: Float32Array.from(y), classes }, problems, header };
}
