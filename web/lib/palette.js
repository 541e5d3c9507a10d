// The colours of every page: one palette, safe for the common kinds of colour blindness, shared
// by the playground's views, the sketch pad and the lessons so that orange always means the
// same thing.
//
//   two classes, probabilities   diverging orange ↔ blue, pale grey at 0.5 (class 0 orange,
//                                class 1 blue, as in TensorFlow Playground, whose learners
//                                already know it); built from the Okabe–Ito orange #E69F00 and
//                                blue #0072B2, which stay apart for protan, deutan and tritan
//                                vision because they differ in lightness as well as in hue
//   more classes (up to 8)       orange and blue, then wine #882255, red #D62728 and sky blue
//                                #56B4E9 (the playground's five classes), then Okabe–Ito's
//                                bluish green, yellow and black; a softmax output is coloured by
//                                the probability-weighted mix of its classes' colours. The five
//                                were chosen so that every pair stays apart (CIEDE2000 ΔE ≥ 15,
//                                the closest pair 18.9: orange ↔ red for deutan vision) under
//                                simulated protan, deutan and tritan vision (Machado et al.
//                                2009, full severity); Okabe–Ito's orange and vermillion fell to
//                                12.5 for deutan vision (tests/js/palette.test.mjs checks)
//   class markers                each class also has a shape (CLASS_SHAPES: circle, square,
//                                triangle, diamond, cross), so colour is never the only cue
//   weights, regression values   the same diverging map: negative orange, positive blue
//
// Heatmaps use *tints* (the class colours blended toward white) so the full-strength points
// drawn over them stand out; the map is interpolated in CIELAB so equal steps in value look
// like equal steps in colour. Everything here returns RGB triples or fills RGBA bytes
// directly, so a view can paint an ImageData without making a string per pixel.

/** Orange, blue, wine, red, sky blue (the five classes), bluish green, yellow, black. */
export const CLASS_COLORS = Object.freeze(['#E69F00', '#0072B2', '#882255', '#D62728',
  '#56B4E9', '#009E73', '#F0E442', '#000000']);

// ---- class markers: a shape per class, drawn around (x, y) at "radius" r ----

/** The marker of class k is CLASS_SHAPES[k % CLASS_SHAPES.length]. */
export const CLASS_SHAPES = Object.freeze(['circle', 'square', 'triangle', 'diamond', 'cross']);

// Each polygon's corners for r = 1 (y down), sized so every shape covers about the circle's
// area and reads as the same size.
const C = 0.42; // the cross's half arm width
const SHAPE_CORNERS = Object.freeze({
  square: [[-0.86, -0.86], [0.86, -0.86], [0.86, 0.86], [-0.86, 0.86]],
  triangle: [[0, -1.45], [1.256, 0.725], [-1.256, 0.725]],
  diamond: [[0, -1.2], [1.2, 0], [0, 1.2], [-1.2, 0]],
  cross: [[-C, -1.15], [C, -1.15], [C, -C], [1.15, -C], [1.15, C], [C, C], [C, 1.15], [-C, 1.15], [-C, C],
    [-1.15, C], [-1.15, -C], [-C, -C]],
});

/** The shape of class k. */
export function classShape(k) {
  return CLASS_SHAPES[k % CLASS_SHAPES.length];
}

/** Adds a closed sub-path of the marker `shape` at (x, y) to a canvas path (then fill/stroke). */
export function markerPath(ctx, shape, x, y, r) {
  const corners = SHAPE_CORNERS[shape];
  if (!corners) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  ctx.moveTo(x + corners[0][0] * r, y + corners[0][1] * r);
  for (let i = 1; i < corners.length; i++) ctx.lineTo(x + corners[i][0] * r, y + corners[i][1] * r);
  ctx.closePath();
}

/**
 * Class k's marker in its colour as a small inline SVG element (legends and buttons; DOM only):
 * `size` CSS pixels square, data-shape naming the shape, hidden from assistive technology (the
 * text beside it names the class).
 */
export function classMarker(k, { size = 12, stroke = 'rgba(31, 41, 51, 0.45)' } = {}) {
  const NS = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(NS, 'svg');
  const shape = classShape(k);
  for (const [name, value] of [['class', 'lw-marker'], ['width', size], ['height', size], ['viewBox', '-7 -7 14 14'],
    ['aria-hidden', 'true'], ['data-shape', shape]]) icon.setAttribute(name, String(value));
  const path = document.createElementNS(NS, 'path');
  for (const [name, value] of [['d', markerD(shape, 4.6)], ['fill', CLASS_COLORS[k % CLASS_COLORS.length]], ['stroke', stroke],
    ['stroke-width', '1']]) path.setAttribute(name, value);
  icon.append(path);
  return icon;
}

/** The same marker as an SVG path's `d`, centred on (0, 0) (legends and buttons). */
export function markerD(shape, r) {
  const corners = SHAPE_CORNERS[shape];
  const n = (v) => Math.round(v * r * 1000) / 1000;
  if (!corners) return `M${n(1)} 0A${n(1)} ${n(1)} 0 1 1 ${n(-1)} 0A${n(1)} ${n(1)} 0 1 1 ${n(1)} 0Z`;
  return `M${corners.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z`;
}
const ORANGE = CLASS_COLORS[0];
const BLUE = CLASS_COLORS[1];
/** Darker strokes of orange and blue for thin lines (edges, bars) on white. */
export const NEGATIVE = '#C97F00';
export const POSITIVE = '#0072B2';
/** The middle of every diverging map (probability 0.5, value 0). */
export const NEUTRAL = '#F4F4F2';

/** Share of white in a heatmap tint (0: the class colour itself). */
const TINT = 0.36;

export function hexToRGB(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function rgbToCss(rgb) {
  return `rgb(${rgb[0] | 0},${rgb[1] | 0},${rgb[2] | 0})`;
}

// ---- CIELAB (D65), for interpolation ----

const toLinear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const WHITE = [0.95047, 1, 1.08883];
const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const fInv = (t) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

function rgbToLab([r, g, b]) {
  const [R, G, B] = [r / 255, g / 255, b / 255].map(toLinear);
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / WHITE[0];
  const Y = (0.2126 * R + 0.7152 * G + 0.0722 * B) / WHITE[1];
  const Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / WHITE[2];
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

function labToRGB([L, a, b]) {
  const fy = (L + 16) / 116;
  const X = WHITE[0] * fInv(fy + a / 500);
  const Y = WHITE[1] * fInv(fy);
  const Z = WHITE[2] * fInv(fy - b / 200);
  const R = 3.2406 * X - 1.5372 * Y - 0.4986 * Z;
  const G = -0.9689 * X + 1.8758 * Y + 0.0415 * Z;
  const B = 0.0557 * X - 0.2040 * Y + 1.0570 * Z;
  return [R, G, B].map((c) => Math.round(255 * toGamma(Math.min(1, Math.max(0, c)))));
}

function mixLab(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** hex blended toward white by `amount` (in CIELAB), as RGB. */
export function tint(hex, amount = TINT) {
  return labToRGB(mixLab(rgbToLab(hexToRGB(hex)), rgbToLab([255, 255, 255]), amount));
}

/** Heatmap colour of class k (its class colour, tinted), as RGB. */
const CLASS_TINTS = Object.freeze(CLASS_COLORS.map((c) => Object.freeze(tint(c))));
export const NEUTRAL_RGB = Object.freeze(hexToRGB(NEUTRAL));

// ---- the diverging map: 257 entries over t ∈ [−1, 1], entry 128 = NEUTRAL ----

const STEPS = 128;

function divergingTable(negHex, posHex, amount) {
  const table = new Uint8ClampedArray((2 * STEPS + 1) * 3);
  const mid = rgbToLab(NEUTRAL_RGB);
  const neg = rgbToLab(tint(negHex, amount));
  const pos = rgbToLab(tint(posHex, amount));
  for (let i = 0; i <= 2 * STEPS; i++) {
    const t = (i - STEPS) / STEPS;
    const rgb = labToRGB(t < 0 ? mixLab(mid, neg, -t) : mixLab(mid, pos, t));
    table.set(rgb, 3 * i);
  }
  return table;
}

/** Heatmap map (tints): RGB of entry i at 3·i; t ∈ [−1, 1] is entry round((t + 1)·128). */
export const DIVERGING = divergingTable(ORANGE, BLUE, TINT);
/** The same map at full strength (legends, points coloured by a value). */
export const DIVERGING_STRONG = divergingTable(ORANGE, BLUE, 0);

/**
 * A diverging table as opaque 32-bit pixels (for a Uint32Array view of ImageData.data: one
 * store per pixel instead of four), in the machine's byte order.
 */
export function packTable(table) {
  const little = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const out = new Uint32Array(table.length / 3);
  for (let i = 0; i < out.length; i++) {
    const [r, g, b] = [table[3 * i], table[3 * i + 1], table[3 * i + 2]];
    out[i] = little ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
  }
  return out;
}

/** Entry of t ∈ [−1, 1] (clamped; NaN → the middle) in a diverging table. */
function divergingIndex(t) {
  if (!(t === t)) return STEPS;
  const i = Math.round((t + 1) * STEPS);
  return i < 0 ? 0 : i > 2 * STEPS ? 2 * STEPS : i;
}

/** RGB of t ∈ [−1, 1] (−1 orange, 0 pale, +1 blue), written into out. */
export function diverging(t, out = [0, 0, 0], table = DIVERGING) {
  const i = 3 * divergingIndex(t);
  out[0] = table[i];
  out[1] = table[i + 1];
  out[2] = table[i + 2];
  return out;
}

/** CSS colour of t ∈ [−1, 1] at full strength (for points, text and legends). */
export function divergingCss(t, table = DIVERGING_STRONG) {
  return rgbToCss(diverging(t, [0, 0, 0], table));
}

// ---- numbers the views share ----

export function sigmoid(x) {
  return 1 / (1 + Math.exp(-x));
}

/** Softmax of src[offset .. offset+count) into dst[0 .. count). */
export function softmaxInto(src, offset, count, dst) {
  let max = -Infinity;
  for (let k = 0; k < count; k++) max = Math.max(max, src[offset + k]);
  let sum = 0;
  for (let k = 0; k < count; k++) sum += (dst[k] = Math.exp(src[offset + k] - max));
  for (let k = 0; k < count; k++) dst[k] /= sum;
  return dst;
}

// ---- filling RGBA bytes (ImageData.data) ----

/**
 * rgba[4·(at + i)] ← the diverging colour of (values[start + i] − center) / scale, for i in
 * [0, count). Opaque. The hot loop of every heatmap.
 */
export function fillDiverging(rgba, at, values, start, count, center, scale, table = DIVERGING) {
  const k = STEPS / (scale > 0 ? scale : 1);
  const top = 2 * STEPS;
  for (let i = 0; i < count; i++) {
    const v = values[start + i];
    let j = v === v ? Math.round((v - center) * k) + STEPS : STEPS;
    j = j < 0 ? 0 : j > top ? top : j;
    const o = 4 * (at + i);
    const c = 3 * j;
    rgba[o] = table[c];
    rgba[o + 1] = table[c + 1];
    rgba[o + 2] = table[c + 2];
    rgba[o + 3] = 255;
  }
}

/**
 * One cell of a several-class output: the classes' tints mixed by their probabilities
 * (probs[0 .. count)), faded toward NEUTRAL as confidence falls to chance (1/count), so a
 * sure region is a clear colour and a boundary is pale. Discrete: the winning class's tint.
 */
export function classMixInto(rgba, o, probs, count, discrete) {
  let best = 0;
  for (let k = 1; k < count; k++) if (probs[k] > probs[best]) best = k;
  if (discrete) {
    const c = CLASS_TINTS[best % CLASS_TINTS.length];
    rgba[o] = c[0]; rgba[o + 1] = c[1]; rgba[o + 2] = c[2]; rgba[o + 3] = 255;
    return best;
  }
  let r = 0, g = 0, b = 0;
  for (let k = 0; k < count; k++) {
    const c = CLASS_TINTS[k % CLASS_TINTS.length];
    r += probs[k] * c[0]; g += probs[k] * c[1]; b += probs[k] * c[2];
  }
  const chance = 1 / count;
  const conf = Math.max(0, Math.min(1, (probs[best] - chance) / (1 - chance)));
  rgba[o] = NEUTRAL_RGB[0] + (r - NEUTRAL_RGB[0]) * conf;
  rgba[o + 1] = NEUTRAL_RGB[1] + (g - NEUTRAL_RGB[1]) * conf;
  rgba[o + 2] = NEUTRAL_RGB[2] + (b - NEUTRAL_RGB[2]) * conf;
  rgba[o + 3] = 255;
  return best;
}
