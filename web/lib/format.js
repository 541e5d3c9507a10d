// Numbers as the pages write them. Two styles, each kept exactly as its readers' tests expect:
// the views' short form (formatNumber, formatPercent: at most 3 significant digits, a true
// minus sign, '–' for a missing or NaN value) and the lessons' read-outs (formatReadout:
// 4 significant digits, integers with thousands separators, 'NaN' written out, since a lesson
// shows a NaN on purpose); and a grey level as the 28 × 28 input view's lens writes it
// (formatPixel).

const MINUS = '\u2212';

/** A number in at most `digits` significant digits, with a true minus sign: 0.0123, −4.56e−5. */
export function formatNumber(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  let s;
  if (a >= 1e5 || a < 1e-3) {
    s = v.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  } else {
    s = String(Number(v.toPrecision(digits)));
  }
  return s.replace(/-/g, MINUS);
}

/** A share in [0, 1] as a percentage: 0.975 → "97.5%". */
export function formatPercent(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const p = 100 * v;
  return `${p >= 99.95 || p === 0 ? p.toFixed(0) : p >= 10 ? p.toFixed(1) : p.toPrecision(2)}%`;
}

/**
 * A lesson's read-out: `digits` significant digits (4), integers below 1e9 as 12,345, tiny
 * and huge values as 1.23e−5 (the first minus sign a true one), NaN as 'NaN', ±∞.
 */
export function formatReadout(v, digits = 4) {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : (v > 0 ? '∞' : `${MINUS}∞`);
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace('-', MINUS);
  return Number(v.toPrecision(digits)).toString().replace('-', MINUS);
}

/** A grey level in [0, 1] as the input view's lens writes it: 0, 1, or two decimals (.83). */
export function formatPixel(v) {
  if (v <= 0) return '0';
  const text = v.toFixed(2);
  return text === '1.00' ? '1' : text.replace(/^0/, '');
}
