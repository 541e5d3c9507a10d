// What is going wrong with a run, read from the worker's statistics and the learning curves:
// no DOM, so the rules are tested on their own (tests/js/diagnose.test.mjs) and reproduced in
// the page (tests/browser/diagnoses.test.mjs). The element shows each finding as a note that
// names the evidence, the likely fix and the lesson section that explains it.
//
//   dead          a hidden ReLU layer with at least half its units 0 on every training point
//   saturated     a hidden tanh or sigmoid layer with at least 80 % of its outputs in the flat
//                 ends (|tanh| > 0.99; sigmoid < 0.01 or > 0.99) while the network is still
//                 wrong, in the first 5 epochs or with a loss that moved less than 5 % over
//                 the last half of the run (a network that learns may well use the flat
//                 ends: that is how it draws sharp boundaries)
//   vanishing     the first layer's weight gradients 100 times smaller (RMS) than the last's
//   exploding     a layer's weight gradients above 10 (RMS), or the first layer's 100 times
//                 larger than the last's: steps that large throw the weights about
//   overfitting   the test loss 20 % above its lowest while the training loss kept falling, or
//                 the test loss 2.5 times the training loss (and 0.1 above it)
//   flat          after 100 epochs, the training loss moved less than 1 % over the last half of
//                 the run while the network is still wrong
// "Still wrong": training accuracy under 95 %, or for regression a training loss above 0.01.
//
// The statistics are those of a snapshot's `stats` (one entry per spec layer, over the whole
// training set); the curves are the run's history (web/lib/run.js).

export const THRESHOLDS = Object.freeze({
  dead: 0.5,
  saturated: 0.8,
  gradientRatio: 100,
  gradientLarge: 10,
  overfitRise: 1.2,
  overfitGap: 2.5,
  overfitMinEpochs: 30,
  flatEpochs: 100,
  flatChange: 0.01,
});

/** Where each finding is explained: a lesson and a section of it (web/lessons/content/). */
export const LESSON_OF = Object.freeze({
  dead: ['together', 'dead'],
  saturated: ['init', 'depth'],
  vanishing: ['init', 'depth'],
  exploding: ['init', 'xavier'],
  overfitting: ['together', 'overfit'],
  flat: ['together', 'flat'],
});

const rms = (s) => Math.sqrt((s?.std ?? 0) ** 2 + (s?.mean ?? 0) ** 2);
const percent = (v) => Math.round(100 * v);

/**
 * The findings of a run: [{id, params}], params the numbers its text names (already rounded
 * for display where they are counts or percentages). `spec` is the trainer's model spec,
 * `stats` a snapshot's (or null), `history` the run's curves, `classification` whether the
 * data are classes.
 */
export function diagnose({ spec, stats, history, classification }) {
  const found = [];
  const layers = spec?.layers ?? [];
  const rows = history?.epochs?.length ?? 0;
  const lastTrain = rows ? history.trainLoss[rows - 1] : null;
  const lastAccuracy = rows ? history.trainAccuracy?.[rows - 1] : null;
  const wrong = classification
    ? !(lastAccuracy >= 0.95) // also when there is no accuracy yet
    : !(lastTrain <= 0.01);
  const lastEpoch = rows ? history.epochs[rows - 1] : 0;
  const change = movedSinceHalf(history); // relative change of the training loss, or null
  const stuck = lastEpoch <= 5 || (change !== null && change < 0.05);
  const linear = layers.map((l, i) => (l.type === 'linear' ? i : -1)).filter((i) => i >= 0);
  const lastLinear = linear.at(-1);
  // Hidden layer n (1-based) for a spec index: the number of linear layers up to it.
  const hiddenNumber = (i) => linear.filter((k) => k < i).length;

  if (stats && stats.length === layers.length) {
    layers.forEach((layer, i) => {
      if (i < lastLinear) {
        const width = layers[linear.filter((k) => k < i).at(-1)]?.out ?? 0;
        if (layer.type === 'relu' && stats[i].dead >= THRESHOLDS.dead) {
          found.push({ id: 'dead', params: { layer: hiddenNumber(i), dead: Math.round(stats[i].dead * width), width } });
        }
        if ((layer.type === 'tanh' || layer.type === 'sigmoid') && stats[i].saturated >= THRESHOLDS.saturated && wrong && stuck) {
          found.push({ id: 'saturated', params: { layer: hiddenNumber(i), percent: percent(stats[i].saturated), activation: layer.type } });
        }
      }
    });
    if (linear.length >= 2) {
      const all = linear.map((i) => rms(stats[i].weightGrads));
      const [first, last] = [all[0], all.at(-1)];
      if (all.every((g) => Number.isFinite(g)) && first > 0 && last > 0) {
        const ratio = first / last;
        const largest = Math.max(...all);
        const params = { first, last, largest, layer: all.indexOf(largest) + 1 };
        if (ratio * THRESHOLDS.gradientRatio < 1) found.push({ id: 'vanishing', params: { ...params, ratio: 1 / ratio } });
        else if (ratio > THRESHOLDS.gradientRatio || largest > THRESHOLDS.gradientLarge) found.push({ id: 'exploding', params: { ...params, ratio } });
      }
    }
  }

  const h = history;
  const n = h?.epochs?.length ?? 0;
  if (n >= 2) {
    const e = n - 1;
    const epoch = h.epochs[e];
    const train = h.trainLoss[e];
    const test = h.testLoss?.[e];
    if (test !== null && test !== undefined && epoch >= THRESHOLDS.overfitMinEpochs) {
      let m = 0;
      for (let i = 1; i < n; i++) if (h.testLoss[i] < h.testLoss[m]) m = i;
      const rising = m < e && test >= THRESHOLDS.overfitRise * h.testLoss[m] + 0.01 && train < h.trainLoss[m];
      const gap = test > THRESHOLDS.overfitGap * train && test - train > 0.1;
      if (rising || gap) {
        found.push({ id: 'overfitting', params: { test, train, best: h.testLoss[m], bestEpoch: h.epochs[m], epoch } });
      }
    }
    const half = halfway(h);
    if (epoch >= THRESHOLDS.flatEpochs && change !== null && change < THRESHOLDS.flatChange && wrong) {
      found.push({ id: 'flat', params: { from: h.epochs[half], epoch, before: h.trainLoss[half], now: train } });
    }
  }
  return found;
}

// The first row of the history at or after half the last epoch.
function halfway(h) {
  const e = h.epochs.length - 1;
  let half = 0;
  while (half < e && h.epochs[half] < h.epochs[e] / 2) half++;
  return half;
}

// |L(now) − L(halfway)| / |L(halfway)| of the training loss, or null with too little history.
function movedSinceHalf(h) {
  const n = h?.epochs?.length ?? 0;
  if (n < 2) return null;
  const half = halfway(h);
  const before = h.trainLoss[half];
  const now = h.trainLoss[n - 1];
  if (half >= n - 1 || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  return Math.abs(now - before) / Math.max(Math.abs(before), 1e-12);
}
