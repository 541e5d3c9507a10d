// The playground's five class colours stay apart for colour-blind learners: every pair is at
// least MIN_DE apart (CIEDE2000) in normal vision and under simulated protan, deutan and tritan
// vision (Machado, Oliveira & Fernandes 2009, severity 1.0: their matrices act on linear RGB).
// CIELAB and CIEDE2000 are written out here from their definitions (Sharma, Wu & Dalal 2005),
// checked against pairs of that paper's test data, not taken from palette.js. The markers:
// a distinct shape per class, and closed paths of the size asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASS_COLORS, CLASS_SHAPES, classShape, markerD, markerPath, tint } from '../../web/lib/palette.js';

const CLASSES = 5; // the playground's classes (controls/csv.js MAX_CLASSES)
const MIN_DE = 15;
const MIN_TINT_DE = 10; // the heatmap's tints of the same colours

const MACHADO = {
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgbOf = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);

/** sRGB (0..1) → linear RGB, through a CVD matrix (or none), clamped, → CIELAB (D65). */
function lab(rgb, matrix = null) {
  let l = rgb.map(linear);
  if (matrix) l = matrix.map((row) => row[0] * l[0] + row[1] * l[1] + row[2] * l[2]);
  const [R, G, B] = l.map((c) => Math.min(1, Math.max(0, c)));
  const X = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const Y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const Z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const f = (t) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

/** CIEDE2000 (kL = kC = kH = 1), as Sharma et al. 2005 write it. */
function deltaE2000([L1, a1, b1], [L2, a2, b2]) {
  const deg = Math.PI / 180;
  const Cbar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b, a) => (b === 0 && a === 0 ? 0 : ((Math.atan2(b, a) / deg) + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp * deg) / 2);
  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hbp += hbp < 360 ? 360 : -360;
    hbp /= 2;
  }
  const T = 1 - 0.17 * Math.cos((hbp - 30) * deg) + 0.24 * Math.cos(2 * hbp * deg)
    + 0.32 * Math.cos((3 * hbp + 6) * deg) - 0.2 * Math.cos((4 * hbp - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const SC = 1 + 0.045 * Cbp;
  const SH = 1 + 0.015 * Cbp * T;
  const RT = -Math.sin(2 * dTheta * deg) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}

test('CIEDE2000 as written here matches Sharma et al.\'s test data', () => {
  const pairs = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  ];
  for (const [a, b, want] of pairs) assert.ok(Math.abs(deltaE2000(a, b) - want) < 1e-4, `${a} ↔ ${b}: ${deltaE2000(a, b)} ≠ ${want}`);
  // and CIELAB: sRGB white is L* 100, a* = b* = 0; pure red is about (53.24, 80.09, 67.20)
  const white = lab([1, 1, 1]);
  assert.ok(Math.abs(white[0] - 100) < 1e-3 && Math.abs(white[1]) < 1e-2 && Math.abs(white[2]) < 1e-2, `${white}`);
  const red = lab([1, 0, 0]);
  assert.ok(Math.abs(red[0] - 53.24) < 0.05 && Math.abs(red[1] - 80.09) < 0.1 && Math.abs(red[2] - 67.2) < 0.1, `${red}`);
});

/** The closest pair of colours (sRGB triples) seen through matrix: {de, i, j}. */
function closest(colors, matrix) {
  const labs = colors.map((c) => lab(c, matrix));
  let best = { de: Infinity };
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) {
      const de = deltaE2000(labs[i], labs[j]);
      if (de < best.de) best = { de, i, j };
    }
  }
  return best;
}

const VISIONS = [['normal', null], ...Object.entries(MACHADO)];

test(`the ${CLASSES} class colours are ΔE00 ≥ ${MIN_DE} apart in normal, protan, deutan and tritan vision`, () => {
  const colors = CLASS_COLORS.slice(0, CLASSES).map(rgbOf);
  for (const [vision, matrix] of VISIONS) {
    const { de, i, j } = closest(colors, matrix);
    assert.ok(de >= MIN_DE, `${vision}: classes ${i} (${CLASS_COLORS[i]}) and ${j} (${CLASS_COLORS[j]}) are only ΔE00 ${de.toFixed(1)} apart`);
  }
});

test(`their heatmap tints stay ΔE00 ≥ ${MIN_TINT_DE} apart too`, () => {
  const colors = CLASS_COLORS.slice(0, CLASSES).map((c) => tint(c).map((v) => v / 255));
  for (const [vision, matrix] of VISIONS) {
    const { de, i, j } = closest(colors, matrix);
    assert.ok(de >= MIN_TINT_DE, `${vision}: the tints of classes ${i} and ${j} are only ΔE00 ${de.toFixed(1)} apart`);
  }
});

test('the check would catch the pair it was written for: Okabe–Ito orange and vermillion for deutan vision', () => {
  const de = deltaE2000(lab(rgbOf('#E69F00'), MACHADO.deutan), lab(rgbOf('#D55E00'), MACHADO.deutan));
  assert.ok(de < MIN_DE, `orange ↔ vermillion, deutan: ${de}`);
});

test('every class has its own marker, and a marker is a closed path of the size asked for', () => {
  const shapes = Array.from({ length: CLASSES }, (_, k) => classShape(k));
  assert.equal(new Set(shapes).size, CLASSES);
  assert.deepEqual(shapes, CLASS_SHAPES.slice(0, CLASSES));
  for (const shape of shapes) {
    // a canvas path recorded: its points' extent around (10, 20) at r = 4
    const points = [];
    let closed = false;
    const ctx = {
      moveTo: (x, y) => points.push([x, y]),
      lineTo: (x, y) => points.push([x, y]),
      arc: (x, y, r) => points.push([x - r, y - r], [x + r, y + r]),
      closePath: () => (closed = true),
    };
    markerPath(ctx, shape, 10, 20, 4);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const halfW = (Math.max(...xs) - Math.min(...xs)) / 2;
    const halfH = (Math.max(...ys) - Math.min(...ys)) / 2;
    assert.ok(halfW >= 0.8 * 4 && halfW <= 1.5 * 4 && halfH >= 0.8 * 4 && halfH <= 1.5 * 4, `${shape}: ${halfW} × ${halfH}`);
    assert.ok(closed || shape === 'circle', `${shape} is closed`);
    assert.match(markerD(shape, 5), /^M[-\d. ]+[LA].*Z$/);
  }
});
