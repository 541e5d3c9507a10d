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

export const EXTENT = 6; // points lie in [−EXTENT, EXTENT]², the plane the boundary view shows
export const MAX_CLASSES = 5;
export const MAX_POINTS = 2000;

/**
 * A checked copy of drawn points {x, y, classes}: x holds x1, x2 of each point, y its class
 * (classes 2 .. MAX_CLASSES) or value (classes 0). Throws an Error naming the problem.
 */
export function checkPoints(d) {
  if (d === null || typeof d !== 'object') throw new Error('drawn points must be an object {x, y, classes}');
  const classes = d.classes ?? 2;
  if (!(classes === 0 || (Number.isInteger(classes) && classes >= 2 && classes <= MAX_CLASSES))) {
    throw new Error(`classes must be 0 (values) or 2 to ${MAX_CLASSES}, got ${classes}`);
  }
  const x = Float32Array.from(d.x ?? []);
  const y = Float32Array.from(d.y ?? []);
  if (x.length !== 2 * y.length) throw new Error(`x must hold two numbers per point: ${y.length} points need ${2 * y.length}, got ${x.length}`);
  if (y.length > MAX_POINTS) throw new Error(`at most ${MAX_POINTS} points, got ${y.length}`);
  if (!x.every((v) => Math.abs(v) <= EXTENT)) throw new Error(`every coordinate must lie between −${EXTENT} and ${EXTENT}`);
  if (!y.every(Number.isFinite)) throw new Error('every value must be a finite number');
  if (classes > 0 && !y.every((v) => Number.isInteger(v) && v >= 0 && v < classes)) {
    throw new Error(`every label must be a class from 0 to ${classes - 1}`);
  }
  return { x, y, classes };
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

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
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
    const outside = [px, py].findIndex((c) => !(Math.abs(c) <= EXTENT));
    if (outside >= 0) {
      problems.push({ line, key: 'csv.outside', params: { column: outside ? 'y' : 'x', text: cells[outside], extent: EXTENT } });
      continue;
    }
    if (!Number.isFinite(Math.fround(v)) || (!values && !(Number.isInteger(v) && v >= 0 && v < MAX_CLASSES))) {
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
