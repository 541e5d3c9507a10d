// A standalone page for the views: it trains a model in the engine's worker (the state comes
// from the URL hash, as in the playground) and renders every view from the snapshots. The
// browser test drives it through window.viewsDemo.
import { createTrainer } from '../engine/trainer.mjs';
import { trainerConfig } from '../playground/config.js';
import { DEFAULTS, fromHash } from '../playground/state.js';
import { translator } from '../lib/i18n.js';
import { VIEW_STRINGS } from '../playground/views/strings.js';
import { BoundaryView } from '../playground/views/boundary.js';
import { NetworkView } from '../playground/views/network.js';
import { CurvesView } from '../playground/views/curves.js';
import { HistogramsView } from '../playground/views/histograms.js';

const DEFAULT_HASH = '#dataset=spiral&layers=8,8&activation=tanh&optimizer=adam&lr=0.03&noise=10&seed=1';
const PRESETS = {
  spiral: DEFAULT_HASH,
  'relu 6×16': '#dataset=circle&layers=16,16,16,16,16,16&activation=relu&optimizer=adam&lr=0.01&seed=2',
  '3 classes': '#dataset=blobs3&layers=6,6&activation=tanh&optimizer=adam&lr=0.03&noise=20',
  sine: '#dataset=sine&layers=8,8&activation=tanh&optimizer=adam&lr=0.03',
  plane: '#dataset=plane&layers=4&activation=tanh&optimizer=adam&lr=0.03&noise=10',
  'xor + features': '#dataset=xor&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=4&activation=relu&optimizer=adam&lr=0.03',
  '8×64': '#dataset=spiral&layers=64,64,64,64,64,64,64,64&activation=relu&optimizer=adam&lr=0.003',
};
const presets = document.getElementById('presets');
for (const [name, hash] of Object.entries(PRESETS)) {
  const a = document.createElement('a');
  a.href = hash;
  a.textContent = name;
  a.addEventListener('click', () => setTimeout(() => location.reload()));
  presets.append(a);
}

const viewText = translator(VIEW_STRINGS);
const t = (key, params) => viewText('en', key, params);
let { state } = fromHash(location.hash || DEFAULT_HASH, DEFAULTS);
const views = {
  boundary: new BoundaryView(document.getElementById('boundary'), { t }),
  network: new NetworkView(document.getElementById('network'), { t }),
  curves: new CurvesView(document.getElementById('curves'), { t }),
  histograms: new HistogramsView(document.getElementById('histograms'), { t }),
};

const status = document.getElementById('status');
const run = trainerConfig(state);
const trainer = await createTrainer();
let snapshot = await trainer.init(run.config);
const data = snapshot.data;
const history = { epochs: [], trainLoss: [], testLoss: [], trainAccuracy: [], testAccuracy: [] };
const context = () => ({ state, classes: run.classes, output: run.output, data, t, lang: 'en', history });

function record(s) {
  history.epochs.push(s.epoch);
  history.trainLoss.push(s.trainLoss);
  history.testLoss.push(s.testLoss);
  history.trainAccuracy.push(s.trainAccuracy);
  history.testAccuracy.push(s.testAccuracy);
}

/** Every view's update() once; returns the milliseconds each took. */
function render() {
  const ctx = context();
  const ms = {};
  for (const [name, view] of Object.entries(views)) {
    const t0 = performance.now();
    view.update(snapshot, ctx);
    ms[name] = performance.now() - t0;
  }
  const acc = snapshot.trainAccuracy;
  status.textContent = `epoch ${snapshot.epoch} · train loss ${snapshot.trainLoss?.toFixed(4)}` +
    (acc === null ? '' : ` · train accuracy ${(100 * acc).toFixed(1)}%`);
  return ms;
}

async function train(epochs) {
  snapshot = await trainer.train(epochs);
  record(snapshot);
  return render();
}

/** The mean and worst time of `frames` renders of the current snapshot, per view and in all. */
function measure(frames = 60) {
  for (let i = 0; i < 5; i++) render(); // warm up (the first frames compile the code)
  const sums = {};
  let worst = 0;
  let total = 0;
  for (let i = 0; i < frames; i++) {
    const ms = render();
    let all = 0;
    for (const [k, v] of Object.entries(ms)) {
      sums[k] = (sums[k] ?? 0) + v;
      all += v;
    }
    total += all;
    worst = Math.max(worst, all);
  }
  const mean = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / frames]));
  // the same with the browser's style and layout work that the updates cause (not painting)
  let withLayout = 0;
  for (let i = 0; i < frames; i++) {
    const t0 = performance.now();
    render();
    void document.body.offsetHeight;
    withLayout += performance.now() - t0;
  }
  return { frames, meanMs: total / frames, worstMs: worst, perView: mean, withLayoutMs: withLayout / frames };
}

let playing = false;
async function loop() {
  while (playing) {
    snapshot = await trainer.trainFor(30);
    record(snapshot);
    render();
    await new Promise(requestAnimationFrame);
  }
}
document.getElementById('play').addEventListener('click', (e) => {
  playing = !playing;
  e.target.textContent = playing ? 'Pause' : 'Play';
  if (playing) loop();
});
document.getElementById('step').addEventListener('click', () => train(10));
for (const key of ['discretize', 'showTest']) {
  const box = document.getElementById(key);
  box.checked = state[key];
  box.addEventListener('change', () => {
    state = Object.freeze({ ...state, [key]: box.checked });
    render();
  });
}

record(snapshot);
render();
window.viewsDemo = { trainer, views, train, render, measure, history, get snapshot() { return snapshot; }, get state() { return state; },
  setState(changes) { state = Object.freeze({ ...state, ...changes }); render(); } };
document.body.dataset.ready = 'true';
