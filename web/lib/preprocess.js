// From strokes to the 28×28 picture the network reads: the recipe MNIST's digits went through
// (LeCun, Cortes & Burges, "The MNIST database of handwritten digits": "normalized to fit in a
// 20x20 pixel box while preserving their aspect ratio … anti-aliasing … centered in a 28x28
// image by computing the center of mass of the pixels"). No DOM: it runs in a page, a worker
// and in Node's tests alike.
//
//   strokes   [[x0, y0, x1, y1, …], …]: one flat list of points per stroke, in pad units (the
//             pad is the unit square, x to the right, y down). Points as [x, y] pairs or
//             {x, y} objects are taken too. A stroke of one point is a dot.
//   image     Float32Array(784), row-major: pixel (row r, column c) at r·28 + c, ink 1, paper 0.
//
// The steps:
//   1. bounding box  of the points, widened by the pen (a stroke has width): the ink's box.
//   2. scale         the longest side of the ink's box to 20 px, keeping the aspect ratio. The
//                    pen scales with the drawing, as it did in MNIST's scans, but only between
//                    MIN_PEN_PX and MAX_PEN_PX: a dot or a tiny scribble would otherwise become a
//                    blob, and a sketch filling the whole pad a hairline.
//   3. rasterise     every segment as a capsule (the pen's disc swept along it) on a grid of
//                    SUPERSAMPLE × SUPERSAMPLE points per pixel; a pixel's grey level is the
//                    share of its points under ink (anti-aliasing by area), so values are in
//                    [0, 1].
//   4. centre        shift the drawing so that its centre of mass sits at (14, 14), the middle
//                    of the 28 × 28 square (pixel (r, c) covers [c, c + 1] × [r, r + 1]; its
//                    centre is (c + ½, r + ½)). The shift is exact (the strokes move, then are
//                    rasterised again), except that the ink's box is kept inside the square: a
//                    very lopsided drawing ends up nearer the middle than its mass alone says.

export const SIZE = 28; // the picture is SIZE × SIZE
export const BOX = 20; // the longest side of the ink's box, in pixels
export const CENTER = SIZE / 2; // where the centre of mass goes
/** Pen width in pad units (the pad is 1 × 1): what the pad draws with, too. */
export const PEN = 0.06;
const MIN_PEN_PX = 1.5;
export const MAX_PEN_PX = 3.5;
const SUPERSAMPLE = 4;

/** Strokes as flat Float64Arrays [x0, y0, x1, y1, …]; drops empty strokes and bad points. */
export function flatStrokes(strokes) {
  const out = [];
  for (const stroke of strokes ?? []) {
    const flat = [];
    if (stroke && typeof stroke.length === 'number' && stroke.length > 0 && typeof stroke[0] === 'number') {
      for (let i = 0; i + 1 < stroke.length; i += 2) flat.push(stroke[i], stroke[i + 1]);
    } else {
      for (const p of stroke ?? []) {
        if (Array.isArray(p) || ArrayBuffer.isView(p)) flat.push(p[0], p[1]);
        else if (p && typeof p === 'object') flat.push(p.x, p.y);
      }
    }
    const clean = [];
    for (let i = 0; i < flat.length; i += 2) {
      if (Number.isFinite(flat[i]) && Number.isFinite(flat[i + 1])) clean.push(flat[i], flat[i + 1]);
    }
    if (clean.length) out.push(Float64Array.from(clean));
  }
  return out;
}

/**
 * How the strokes land in the 28 × 28 square before centring: px = x·scale + dx,
 * py = y·scale + dy, a pen of radius `radius` px, and the ink's box {left, top, width, height}
 * in pixels. null for no points.
 */
export function layout(strokes, { pen = PEN } = {}) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const s of strokes) {
    for (let i = 0; i < s.length; i += 2) {
      if (s[i] < minX) minX = s[i];
      if (s[i] > maxX) maxX = s[i];
      if (s[i + 1] < minY) minY = s[i + 1];
      if (s[i + 1] > maxY) maxY = s[i + 1];
    }
  }
  if (minX === Infinity) return null;
  const w = maxX - minX;
  const h = maxY - minY;
  const longest = Math.max(w, h);
  // the pen at the scale that makes the ink's box BOX wide, held between the bounds
  let penPx = (pen * BOX) / (longest + pen);
  penPx = Math.min(MAX_PEN_PX, Math.max(MIN_PEN_PX, penPx));
  const scale = longest > 0 ? (BOX - penPx) / longest : 0;
  const width = w * scale + penPx;
  const height = h * scale + penPx;
  const left = (SIZE - width) / 2;
  const top = (SIZE - height) / 2;
  const radius = penPx / 2;
  return { scale, dx: left + radius - minX * scale, dy: top + radius - minY * scale, radius, box: { left, top, width, height } };
}

/**
 * Rasterises strokes (pad units) placed by `place` ({scale, dx, dy, radius}) into a new
 * SIZE × SIZE Float32Array of grey levels in [0, 1]: each pixel the share of its
 * SUPERSAMPLE² sample points that lie within `radius` of a segment.
 */
function rasterise(strokes, place, supersample = SUPERSAMPLE) {
  const S = supersample;
  const N = SIZE * S;
  const hit = new Uint8Array(N * N);
  const { scale, dx, dy, radius } = place;
  const r = radius * S; // in sample units
  const r2 = r * r;
  for (const s of strokes) {
    const n = s.length / 2;
    for (let i = 0; i < n; i++) {
      // segment a → b in sample units (a lone point is a segment of length 0)
      const ax = (s[2 * i] * scale + dx) * S;
      const ay = (s[2 * i + 1] * scale + dy) * S;
      const j = n === 1 ? i : i + 1;
      if (j >= n) break;
      const bx = (s[2 * j] * scale + dx) * S;
      const by = (s[2 * j + 1] * scale + dy) * S;
      const ex = bx - ax;
      const ey = by - ay;
      const len2 = ex * ex + ey * ey;
      // sample (u, v) is at ((u + ½), (v + ½)) in sample units
      const u0 = Math.max(0, Math.floor(Math.min(ax, bx) - r - 0.5));
      const u1 = Math.min(N - 1, Math.ceil(Math.max(ax, bx) + r - 0.5));
      const v0 = Math.max(0, Math.floor(Math.min(ay, by) - r - 0.5));
      const v1 = Math.min(N - 1, Math.ceil(Math.max(ay, by) + r - 0.5));
      for (let v = v0; v <= v1; v++) {
        const py = v + 0.5 - ay;
        for (let u = u0; u <= u1; u++) {
          const px = u + 0.5 - ax;
          let t = len2 > 0 ? (px * ex + py * ey) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const qx = px - t * ex;
          const qy = py - t * ey;
          if (qx * qx + qy * qy <= r2) hit[v * N + u] = 1;
        }
      }
    }
  }
  const image = new Float32Array(SIZE * SIZE);
  const share = 1 / (S * S);
  for (let v = 0; v < N; v++) {
    const row = ((v / S) | 0) * SIZE;
    for (let u = 0; u < N; u++) if (hit[v * N + u]) image[row + ((u / S) | 0)] += share;
  }
  for (let i = 0; i < image.length; i++) if (image[i] > 1) image[i] = 1; // rounding
  return image;
}

/** Centre of mass {x, y, mass} of a SIZE × SIZE image (pixel (r, c) at (c + ½, r + ½)). */
export function centreOfMass(image, size = SIZE) {
  let mass = 0, x = 0, y = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = image[r * size + c];
      mass += v;
      x += v * (c + 0.5);
      y += v * (r + 0.5);
    }
  }
  return mass > 0 ? { x: x / mass, y: y / mass, mass } : { x: size / 2, y: size / 2, mass: 0 };
}

/**
 * Strokes → the network's input: Float32Array(784) of grey levels in [0, 1], the drawing's
 * ink box scaled to 20 px on its longest side and its centre of mass at (14, 14). No ink: all
 * zeros. options.pen: the pen width in pad units (default PEN).
 */
export function preprocess(strokes, { pen = PEN, supersample = SUPERSAMPLE } = {}) {
  const flat = flatStrokes(strokes);
  const place = layout(flat, { pen });
  if (!place) return new Float32Array(SIZE * SIZE);
  const first = rasterise(flat, place, supersample);
  const com = centreOfMass(first);
  const { left, top, width, height } = place.box;
  const shiftX = Math.min(SIZE - left - width, Math.max(-left, CENTER - com.x));
  const shiftY = Math.min(SIZE - top - height, Math.max(-top, CENTER - com.y));
  if (Math.abs(shiftX) < 1e-9 && Math.abs(shiftY) < 1e-9) return first;
  return rasterise(flat, { ...place, dx: place.dx + shiftX, dy: place.dy + shiftY }, supersample);
}
