// Data augmentation: new training pictures made from old ones by small random shifts and
// rotations, so the network learns that a circle moved by two pixels or turned by a few degrees
// is still a circle. No DOM.
//
// It works on the 28 × 28 picture, not on the strokes: preprocessing re-centres and re-scales
// every drawing (web/lib/preprocess.js), so a shifted stroke would come out exactly where it went in.
// The picture is turned about its centre (14, 14) by θ ∈ [−maxDegrees, maxDegrees] and moved by
// (dx, dy) ∈ [−maxShift, maxShift]² pixels (continuous values), sampled bilinearly; whatever
// comes in from outside the square is paper (0).
//
// The training worker keeps one training set per network (wasm/trainer-worker.mjs has no request
// to swap it between epochs), so the element makes COPIES augmented versions of every training
// drawing each time it builds a network; one epoch then sees each drawing COPIES + 1 times, each
// time a little differently placed. The held-out drawings are never augmented.
import { SIZE, CENTER } from '../lib/preprocess.js';

export const MAX_SHIFT = 2; // pixels
export const MAX_DEGREES = 10;
export const COPIES = 4;

/**
 * The image turned by `degrees` (clockwise on screen, y down) about (14, 14) and then moved by
 * (dx, dy) pixels: a new Float32Array. Output pixel p takes the source at R(−θ)(p − c − d) + c.
 */
export function transform(image, { dx = 0, dy = 0, degrees = 0 } = {}) {
  const out = new Float32Array(SIZE * SIZE);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const at = (r, c) => (r < 0 || c < 0 || r >= SIZE || c >= SIZE ? 0 : image[r * SIZE + c]);
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const px = c + 0.5 - CENTER - dx;
      const py = r + 0.5 - CENTER - dy;
      // source point (continuous), back in pixel-index space (centres at integers)
      const sx = cos * px + sin * py + CENTER - 0.5;
      const sy = -sin * px + cos * py + CENTER - 0.5;
      const c0 = Math.floor(sx);
      const r0 = Math.floor(sy);
      const fx = sx - c0;
      const fy = sy - r0;
      out[r * SIZE + c] = (1 - fy) * ((1 - fx) * at(r0, c0) + fx * at(r0, c0 + 1)) +
        fy * ((1 - fx) * at(r0 + 1, c0) + fx * at(r0 + 1, c0 + 1));
    }
  }
  return out;
}

/** One random augmentation of image: a shift of up to maxShift px and a turn of up to maxDegrees. */
export function augment(image, rand, { maxShift = MAX_SHIFT, maxDegrees = MAX_DEGREES } = {}) {
  const between = (m) => (2 * rand() - 1) * m;
  return transform(image, { dx: between(maxShift), dy: between(maxShift), degrees: between(maxDegrees) });
}
