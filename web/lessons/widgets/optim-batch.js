// The optimisers lesson's batch-size race on real pictures: one small network (784-32-10, ReLU)
// learns Fashion-MNIST (the site's 10,000 training and 2,000 test pictures, web/lib/fashion.js)
// three times with plain SGD, in batches of 1, of 10 and of all 10,000 (full batch). The three
// copies start from the same initial weights (one seed), use the same learning rate and see the
// same pictures in the same shuffled order each epoch; only the batch size differs. Each is
// measured on the 2,000 test pictures at checkpoints (every CHECK_EVERY pictures, and after 1,
// 2, 5, 10, 20, … updates), and the plot puts the test loss against one of three axes: epochs
// (pictures seen ÷ 10,000), updates (log scale) or seconds of the copy's own computing (its
// training calls, timed in groups; the measuring is not counted).
//
// Training runs on the main thread (getEngine()), a few milliseconds per animation frame,
// always advancing the copy that has seen the fewest pictures, so the three move through the
// epoch together; the full batch's one update per epoch is a single call and blocks its frame.
// The pictures (a 5 MB download, cached) are fetched when the widget comes near the screen or
// Race is pressed.
//
//   { widget: 'batch', make: optimBatch() }
// Widget: { root, setLang, result, running, done (promise of the current race's result),
// onFinish(fn) → unsubscribe, load() → Promise, race() → Promise (the finished or stopped
// result), stop(), set({ lr, epochs, axis }) }.
// result: { lr, epochs, finished, racers: { <id>: { batch, pictures, updates, seconds, loss,
// accuracy, diverged, curve: [{ pictures, updates, seconds, loss }] } } } (loss and accuracy:
// the last checkpoint's, on the test pictures).
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { shuffled } from '../../lib/random.js';
import { addStyle } from './common.js';
import { fashionOnce, scaled } from './fashion-load.js';
import { LinePlot } from './plot.js';
import { bilingual, changes, choice, legend, plotWidth } from './output-kit.js';
import { swatch } from './optim-common.js';

const PIXELS = 784;
const HIDDEN = 32;
const CLASSES = 10;
const SEED = 1;
const CHECK_EVERY = 500;
const LR_CHOICES = Object.freeze([0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]);
const EPOCH_CHOICES = [1, 2, 3];
const FRAME_MS = 12;
const GROUP_MS = 4;

/** The three copies; `batch: null` is the whole training set. */
const RACERS = Object.freeze([
  { id: 'b1', batch: 1, color: '#D55E00', name: { en: 'batch 1', ko: '배치 1' } },
  { id: 'b10', batch: 10, color: '#0072B2', name: { en: 'batch 10', ko: '배치 10' } },
  { id: 'full', batch: null, color: '#009E73', name: { en: 'full batch (10,000)', ko: '전체 배치 (10,000)' } },
]);

/** The network every copy starts as: the same spec and seed, so the same initial weights. */
const BATCH_SPEC = Object.freeze({
  input: [PIXELS],
  layers: [{ type: 'linear', out: HIDDEN }, { type: 'relu' }, { type: 'linear', out: CLASSES }],
  seed: SEED,
});

/** True when update u (1, 2, …) of a copy that takes `batch` pictures per update is a checkpoint. */
function isCheckpoint(u, batch) {
  if ((u * batch) % CHECK_EVERY === 0) return true;
  let power = 1;
  while (power * 10 <= u) power *= 10;
  return u === power || u === 2 * power || u === 5 * power; // 1, 2, 5, 10, 20, 50, …
}

const W = {
  lr: { en: 'Learning rate (all three)', ko: '학습률 (세 모델 공통)' },
  epochs: { en: 'Epochs', ko: '에포크' },
  race: { en: 'Race', ko: '경주 시작' },
  stop: { en: 'Stop', ko: '멈춤' },
  axis: { en: 'Compare per', ko: '비교 기준' },
  perEpoch: { en: 'epoch', ko: '에포크' },
  perUpdate: { en: 'update', ko: '업데이트' },
  perSecond: { en: 'second', ko: '초' },
  waiting: { en: 'The pictures load when you reach this widget or press Race (5 MB, kept for later visits).', ko: '이 위젯까지 내려오거나 경주 시작을 누르면 그림을 불러옵니다(5MB, 다음 방문을 위해 저장해 둡니다).' },
  loading: { en: 'Loading the pictures… {done} of {total} MB', ko: '그림을 불러오는 중… {total}MB 중 {done}MB' },
  ready: { en: 'Ready. Press Race.', ko: '준비됐습니다. 경주 시작을 누르세요.' },
  running: { en: 'Epoch {epoch} of {epochs}: {pictures} of 10,000 pictures…', ko: '에포크 {epoch}/{epochs}: 그림 10,000장 중 {pictures}장…' },
  stopped: { en: 'Stopped. Press Race to start again.', ko: '멈췄습니다. 경주 시작을 누르면 처음부터 다시 합니다.' },
  finished: { en: 'Done: learning rate {lr}, {epochs}. Test loss and accuracy (2,000 test pictures) are beside each name.', ko: '끝났습니다: 학습률 {lr}, {epochs} 에포크. 이름 옆의 값은 테스트 그림 2,000장에서 잰 손실과 정확도입니다.' },
  failed: { en: 'Could not load the pictures: {message}. Press Race to try again.', ko: '그림을 불러오지 못했습니다: {message}. 경주 시작을 누르면 다시 시도합니다.' },
  outcome: { en: 'test loss {loss} · accuracy {acc}% · {updates} · {seconds} s', ko: '테스트 손실 {loss} · 정확도 {acc}% · 업데이트 {updates}번 · {seconds}초' },
  diverged: { en: 'diverged after {updates}', ko: '업데이트 {updates}번 만에 발산' },
  chance: { en: 'guessing uniformly (ln 10)', ko: '균등하게 찍을 때 (ln 10)' },
  xEpoch: { en: 'epochs (pictures seen ÷ 10,000)', ko: '에포크 (본 그림 수 ÷ 10,000)' },
  xUpdate: { en: 'updates (log scale)', ko: '업데이트 횟수 (로그 눈금)' },
  xSecond: { en: 'seconds of computing', ko: '계산 시간 (초)' },
  yLabel: { en: 'test loss', ko: '테스트 손실' },
  plotLabel: { en: 'Test loss of batch 1, batch 10 and the full batch against the chosen axis', ko: '배치 1, 배치 10, 전체 배치의 테스트 손실을 고른 축에 따라 그린 그래프' },
};

addStyle('optim-batch', `
.optim-batch select { font: inherit; font-size: 15px; min-height: 40px; padding: 0 .4rem; }
.optim-batch .status { margin: .5rem 0; min-height: 1.5em; }
.optim-batch .racers { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; font-size: 15px; margin: .25rem 0 .5rem; }
.optim-batch .racer-name { display: flex; align-items: center; font-weight: 600; }
.optim-batch .racer-out { font-variant-numeric: tabular-nums; color: var(--muted); }
.optim-batch fieldset.lw-kit-choice label { min-height: 40px; }
@media (max-width: 560px) {
  .optim-batch .racers { grid-template-columns: 1fr; }
  .optim-batch .racer-out { margin: -.2rem 0 .3rem; font-size: 14px; }
}
`);

/** "1 update", "1,000 updates" in English; the number alone in Korean (the text around it says 번). */
const updatesText = (n, lang) => (lang === 'ko' ? n.toLocaleString('en-US') : `${n.toLocaleString('en-US')} update${n === 1 ? '' : 's'}`);
/** "1 epoch", "3 epochs" in English; the number alone in Korean. */
const epochsText = (n, lang) => (lang === 'ko' ? String(n) : `${n} epoch${n === 1 ? '' : 's'}`);

const nextFrame = () => new Promise((resolve) => (document.hidden ? setTimeout(resolve, 0) : requestAnimationFrame(() => resolve())));

/** "1", "10", "100", "1k"… for a tick at 10^e. */
const powerText = (e) => (e >= 3 ? `${10 ** (e - 3)}k` : String(10 ** e));

export function optimBatch({ lr = 0.01, epochs = 1, axis = 'epoch' } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const finished = changes();
    const state = { lr, epochs, axis };
    let env = null; // { lw, x, y, count, test } once loaded
    let run = null;
    let status = { text: W.waiting, params: {} };
    let resolveDone = null;

    const lrSelect = h('select', { 'data-role': 'lr' }, ...LR_CHOICES.map((v) => h('option', { value: String(v) }, String(v))));
    const epochSelect = h('select', { 'data-role': 'epochs' }, ...EPOCH_CHOICES.map((v) => h('option', { value: String(v) }, String(v))));
    lrSelect.value = String(lr);
    epochSelect.value = String(epochs);
    const raceLabel = h('span');
    const raceButton = h('button', { type: 'button', class: 'lw-button primary', 'data-role': 'race' }, raceLabel);
    const axisChoice = choice(words, {
      legend: W.axis,
      name: `optim-batch-axis-${Math.random().toString(36).slice(2)}`,
      options: [['epoch', W.perEpoch], ['update', W.perUpdate], ['second', W.perSecond]],
      value: axis,
      onChange: (v) => { state.axis = v; draw(); },
    });
    const statusLine = h('p', { class: 'status lw-readout', role: 'status', 'aria-live': 'polite' });
    const outs = {};
    const racers = h('div', { class: 'racers' }, ...RACERS.flatMap((r) => [
      h('span', { class: 'racer-name' }, swatch(r.color), words.bind(h('span'), r.name)),
      (outs[r.id] = h('span', { class: 'racer-out', 'data-racer': r.id }, '–')),
    ]));
    const plot = new LinePlot({ width: plotWidth(720), height: 260, yDomain: [0, 3] });
    words.attr(plot.root, 'aria-label', W.plotLabel);
    const root = h('div', { class: 'lw-card optim-batch' },
      h('div', { class: 'lw-controls' },
        h('label', {}, words.bind(h('span'), W.lr), lrSelect),
        h('label', {}, words.bind(h('span'), W.epochs), epochSelect),
        raceButton),
      statusLine,
      racers,
      axisChoice.root,
      legend(words, [{ color: '#7b8794', dash: true, text: W.chance }]),
      plot.root);

    const live = () => Boolean(run && !run.finished && !run.stopped);
    const result = () => run && {
      lr: run.lr,
      epochs: run.epochs,
      finished: run.finished,
      racers: Object.fromEntries(run.racers.map((r) => [r.id, {
        batch: r.batch, pictures: r.pictures, updates: r.updates, seconds: r.seconds, loss: r.loss, accuracy: r.accuracy,
        diverged: r.diverged, curve: r.curve.map((c) => ({ ...c })),
      }])),
    };
    /** The status line: a text and its params (or a function of the language giving them). */
    const setStatus = (text, params = {}) => {
      status = { text, params };
      statusLine.textContent = words.t(text, typeof params === 'function' ? params(words.lang) : params);
    };

    /** Where a checkpoint sits on the chosen axis (updates: log10, the start left out). */
    const along = (c) => (state.axis === 'epoch' ? c.pictures / (env?.count ?? 10000)
      : state.axis === 'second' ? c.seconds : c.updates > 0 ? Math.log10(c.updates) : NaN);

    function draw() {
      raceLabel.textContent = words.t(live() ? W.stop : W.race);
      for (const r of RACERS) {
        const q = run?.racers.find((x) => x.id === r.id);
        outs[r.id].textContent = !q || !q.curve.length ? '–'
          : q.diverged ? words.t(W.diverged, { updates: updatesText(q.updates, words.lang) })
            : words.t(W.outcome, {
              loss: formatReadout(q.loss, 3), acc: Math.round(100 * q.accuracy),
              updates: updatesText(q.updates, words.lang), seconds: formatReadout(q.seconds, 2),
            });
      }
      const epochsRun = run?.epochs ?? state.epochs;
      const pictures = epochsRun * (env?.count ?? 10000);
      const maxUpdates = pictures; // batch 1's
      const maxSeconds = Math.max(1e-3, ...(run?.racers ?? []).map((r) => r.seconds));
      plot.xDomain = state.axis === 'epoch' ? [0, epochsRun] : state.axis === 'second' ? [0, maxSeconds] : [0, Math.log10(maxUpdates)];
      plot.setLabels(words.t({ epoch: W.xEpoch, update: W.xUpdate, second: W.xSecond }[state.axis]), words.t(W.yLabel));
      const [x0, x1] = plot.xDomain;
      const series = (run?.racers ?? []).map((r) => ({ color: r.color, points: r.curve.map((c) => [along(c), c.loss]).filter(([x]) => Number.isFinite(x)) }));
      plot.update([{ color: '#7b8794', dash: true, width: 1.5, points: [[x0, Math.LN10], [x1, Math.LN10]] }, ...series], {
        // the full batch has few checkpoints: each is marked
        markers: (run?.racers ?? []).filter((r) => r.batch === r.count).flatMap((r) => r.curve.map((c) => [along(c), c.loss, r.color])),
      });
      if (state.axis === 'update') {
        // the axis holds log10 of the count: label its ticks with the counts
        for (const t of plot.grid.querySelectorAll('text[text-anchor="middle"]')) {
          const e = Number(t.textContent.replace('−', '-'));
          t.textContent = Number.isInteger(e) ? powerText(e) : '';
        }
      }
      statusLine.textContent = words.t(status.text, typeof status.params === 'function' ? status.params(words.lang) : status.params);
    }

    /** The pictures and the engine, once; a failure is shown and the next call tries again. */
    const load = fashionOnce(root, {
      progress: (done, total) => setStatus(W.loading, { done, total }),
      ready({ lw, data }) {
        const test = lw.data.fromArrays(scaled(data.test.images), Float32Array.from(data.test.labels), { features: PIXELS, classes: CLASSES });
        env = { lw, x: scaled(data.train.images), y: Float32Array.from(data.train.labels), count: data.train.count, test };
        if (!run) setStatus(W.ready);
        draw();
        return env;
      },
      failed(error) {
        setStatus(W.failed, { message: error.message });
        draw();
      },
    });

    function stop() {
      if (!live()) return;
      run.stopped = true;
      setStatus(W.stopped);
      draw();
    }

    /** One copy: its model and optimiser, and where it is. */
    function racer(r, lw) {
      const model = lw.Model.fromSpec(BATCH_SPEC);
      const batch = r.batch ?? env.count;
      return { ...r, batch, count: env.count, model, opt: lw.optim.SGD(model, { lr: state.lr }), pictures: 0, updates: 0, seconds: 0, loss: NaN, accuracy: NaN, diverged: false, curve: [], order: null };
    }

    function measure(q) {
      const { loss, accuracy } = q.model.evaluate(env.test, 'cross_entropy');
      if (!Number.isFinite(loss)) { q.diverged = true; return; }
      Object.assign(q, { loss, accuracy });
      q.curve.push({ pictures: q.pictures, updates: q.updates, seconds: q.seconds, loss });
    }

    /** One update of copy q on its next batch of the epoch's shuffled order. */
    function update(q) {
      const { x, y, count } = env;
      const at = q.pictures % count;
      if (at === 0) q.order = shuffled(count, SEED * 1000 + q.pictures / count); // the same order for the three
      const n = Math.min(q.batch, count - at);
      let bx;
      let by;
      if (n === count) { bx = x; by = y; } else {
        bx = new Float32Array(n * PIXELS);
        by = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          const k = q.order[at + i];
          bx.set(x.subarray(k * PIXELS, (k + 1) * PIXELS), i * PIXELS);
          by[i] = y[k];
        }
      }
      q.model.trainStep(bx, by, n, 'cross_entropy', q.opt);
      q.pictures += n;
      q.updates += 1;
    }

    async function race() {
      stop();
      try {
        await load();
      } catch {
        return result();
      }
      const { lw, count } = env;
      const me = { lr: state.lr, epochs: state.epochs, finished: false, stopped: false, racers: RACERS.map((r) => racer(r, lw)) };
      run = me;
      widget.done = new Promise((resolve) => { resolveDone = resolve; });
      const done = resolveDone;
      const total = me.epochs * count;
      try {
        for (const q of me.racers) measure(q); // the start: the same weights, the same loss
        while (!me.stopped) {
          const going = me.racers.filter((q) => !q.diverged && q.pictures < total);
          if (!going.length) break;
          const frameStart = performance.now();
          do {
            // the copy that has seen the fewest pictures goes next, up to its next checkpoint or GROUP_MS
            const q = me.racers.filter((c) => !c.diverged && c.pictures < total).sort((a, b) => a.pictures - b.pictures)[0];
            if (!q) break;
            const t0 = performance.now();
            let due = false;
            try {
              do {
                update(q);
                due = isCheckpoint(q.updates, q.batch) || q.pictures >= total;
              } while (!due && performance.now() - t0 < GROUP_MS);
            } catch {
              q.diverged = true; // a step that made the numbers non-finite
            }
            q.seconds += (performance.now() - t0) / 1000;
            if (due && !q.diverged) measure(q);
          } while (performance.now() - frameStart < FRAME_MS);
          const least = Math.min(...me.racers.filter((q) => !q.diverged).map((q) => q.pictures), total);
          if (least < total) setStatus(W.running, { epoch: Math.floor(least / count) + 1, epochs: me.epochs, pictures: (least % count).toLocaleString('en-US') });
          draw();
          await nextFrame();
        }
        if (!me.stopped) {
          me.finished = true;
          setStatus(W.finished, (l) => ({ epochs: epochsText(me.epochs, l), lr: me.lr }));
          draw();
          finished.emit(result());
        }
      } finally {
        for (const q of me.racers) { q.opt.dispose(); q.model.dispose(); }
        done(run === me ? result() : null);
      }
      return run === me ? result() : null;
    }

    const reset = () => {
      stop();
      run = null;
      if (env) setStatus(W.ready);
      draw();
    };
    lrSelect.addEventListener('change', () => { state.lr = Number(lrSelect.value); reset(); });
    epochSelect.addEventListener('change', () => { state.epochs = Number(epochSelect.value); reset(); });
    raceButton.addEventListener('click', () => { if (live()) stop(); else race(); });

    const widget = {
      root,
      get result() { return result(); },
      get running() { return live(); },
      done: Promise.resolve(null),
      onFinish: finished.on,
      load,
      race,
      stop,
      set({ lr: l, epochs: e, axis: a } = {}) {
        if (l !== undefined) { lrSelect.value = String(l); state.lr = l; }
        if (e !== undefined) { epochSelect.value = String(e); state.epochs = e; }
        if (l !== undefined || e !== undefined) reset();
        if (a !== undefined) axisChoice.set(a);
      },
      setLang(lang) { words.setLang(lang); draw(); },
    };
    draw();
    return widget;
  };
}
