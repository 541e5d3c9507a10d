// The optimisers lesson's race: the same network from the same initial weights (one seed), trained on the
// same spiral in the same mini-batches by SGD, SGD with momentum, RMSprop and Adam, each at its
// own learning rate. It trains on the main thread in slices of a few milliseconds per
// animation frame and draws the four loss curves (log scale) as they grow.
//
//   { widget: 'race', make: optimRace({ epochs: 100 }) }
// The widget: { root, setLang, result (last finished race or null), running, done (promise of
// the current race's result), onFinish(fn) → unsubscribe, setLr(id, lr) (restarts), restart() }.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { shuffled } from '../../lib/random.js';
import { addStyle, getEngine, wordsFor } from './common.js';
import { LinePlot } from './plot.js';
import { playgroundHref } from './playground.js';
import { pageText } from '../catalog.js';
import { OPTIMISERS, listeners, lrText, swatch } from './optim-common.js';

/** The usual textbook learning rates (SGD 0.01, RMSprop and Adam 0.001); momentum uses SGD's. */
const RACE_LRS = Object.freeze({ sgd: 0.01, momentum: 0.01, rmsprop: 0.001, adam: 0.001 });
/** The network and data of the race (the lesson's code shows the same). */
const RACE_SETUP = Object.freeze({
  data: { name: 'spiral', n: 300, noise: 0.1, seed: 7 },
  hidden: [16, 16],
  activation: 'tanh',
  seed: 3,
  batch: 20,
});

const FRAME_MS = 6;

const CSS = `
.optim-race .racers { display: grid; grid-template-columns: minmax(9rem, auto) auto 1fr; gap: .4rem 1rem; align-items: center; margin: 0 0 .75rem; font-size: 15px; }
.optim-race .racer-name { display: flex; align-items: center; font-weight: 600; }
.optim-race .racer-lr { display: inline-flex; gap: .35rem; align-items: center; }
.optim-race .racer-lr input { width: 6.5rem; min-height: 40px; font-size: 15px; }
.optim-race .racer-out { font-variant-numeric: tabular-nums; color: var(--muted); }
.optim-race .racer-out.lead { color: var(--ink); font-weight: 600; }
.optim-race input[aria-invalid="true"] { outline: 2px solid #d55e00; }
@media (max-width: 560px) {
  .optim-race .racers { grid-template-columns: 1fr auto; }
  .optim-race .racer-out { grid-column: 1 / -1; margin: -.3rem 0 .3rem; font-size: 14px; }
}
`;

export function optimRace({ epochs = 100, lrs = RACE_LRS } = {}) {
  return (ctx) => {
    addStyle('optim-race', CSS);
    const words = wordsFor(ctx.lang);
    const finished = listeners();
    const inputs = {};
    const outs = {};
    const rows = OPTIMISERS.map((o) => {
      const input = h('input', { type: 'number', min: '0.00001', max: '10', step: 'any', value: lrText(lrs[o.id]), inputmode: 'decimal' });
      input.addEventListener('change', () => { if (readLr(o.id) !== null) restart(); });
      inputs[o.id] = input;
      outs[o.id] = h('span', { class: 'racer-out', 'aria-live': 'off' }, '–');
      return [
        h('span', { class: 'racer-name' }, swatch(o.color), words.bind(h('span'), o.name)),
        h('label', { class: 'racer-lr' }, words.bind(h('span'), { en: 'lr', ko: '학습률' }), input),
        outs[o.id],
      ];
    });
    const status = h('span', { class: 'lw-readout', role: 'status' });
    const again = h('button', { type: 'button', class: 'lw-button primary', onclick: () => restart() },
      words.bind(h('span'), { en: 'Race again', ko: '다시 경주' }));
    const narrow = matchMedia('(max-width: 560px)').matches; // a smaller drawing keeps its text readable on phones
    const plot = new LinePlot({ width: narrow ? 360 : 640, height: narrow ? 240 : 280, logY: true, xDomain: [0, epochs], yCap: 100 });
    plot.margin.top = 22; // room for the axis name above the top tick
    // the same network and data in the full playground, with Adam at the rate typed here
    const open = words.bind(h('a', { class: 'open-playground', target: '_blank', rel: 'noopener' }), (lang) => `${pageText(lang, 'widget.open')} ↗`);
    const updateLink = () => {
      open.href = playgroundHref({ dataset: 'spiral', points: 300, noise: 10, layers: [16, 16], activation: ['tanh'],
        optimizer: 'adam', lr: readLr('adam') ?? lrs.adam, batch: 20, seed: 3, lang: words.lang });
    };
    const root = h('div', { class: 'lw-card optim-race' },
      h('div', { class: 'racers' }, ...rows.flat()),
      h('div', { class: 'lw-controls' }, again, status),
      plot.root, open);

    let run = null; // the race in progress or last finished
    let frame = 0;
    let resolveDone = null;
    let env = null; // the engine, data and spec, once loaded
    const widget = {
      root,
      result: null,
      get running() { return Boolean(run && !run.over); },
      done: Promise.resolve(null),
      onFinish: finished.on,
      setLr(id, lr) { inputs[id].value = String(lr); return restart(); },
      restart: () => restart(),
      setLang(lang) { words.setLang(lang); relabel(); draw(); updateLink(); },
    };

    function readLr(id) {
      const v = Number(inputs[id].value);
      const ok = inputs[id].value.trim() !== '' && Number.isFinite(v) && v > 0 && v <= 10;
      inputs[id].setAttribute('aria-invalid', String(!ok));
      return ok ? v : null;
    }

    function relabel() {
      plot.setLabels(words.t({ en: 'epoch', ko: '에포크' }), words.t({ en: 'loss (log scale)', ko: '손실 (로그 눈금)' }));
      plot.root.setAttribute('aria-label', words.t({ en: 'Loss of each optimiser after every epoch', ko: '에포크마다 잰 옵티마이저별 손실' }));
      for (const o of OPTIMISERS) inputs[o.id].setAttribute('aria-label', `${words.t(o.name)}: ${words.t({ en: 'learning rate', ko: '학습률' })}`);
    }

    function draw() {
      if (!run) { status.textContent = words.t({ en: 'Loading the engine…', ko: '엔진을 불러오는 중…' }); return; }
      // the plot fits its log axis to the curves; the rows above the plot are its legend
      plot.update(run.racers.map((r) => ({ color: r.o.color, points: r.points })));
      const best = run.over ? Math.min(...run.racers.map((r) => (Number.isFinite(r.loss) ? r.loss : Infinity))) : NaN;
      for (const r of run.racers) {
        const out = outs[r.o.id];
        out.classList.toggle('lead', r.loss === best);
        out.textContent = r.diverged
          ? words.t({ en: 'diverged at epoch {e}', ko: '에포크 {e}에서 발산' }, { e: r.points.length })
          : r.points.length
            ? words.t({ en: 'loss {l} · accuracy {a} %', ko: '손실 {l} · 정확도 {a} %' }, { l: formatReadout(r.loss, 3), a: Math.round(r.accuracy * 100) })
            : '–';
      }
      status.textContent = run.over
        ? words.t({ en: 'Finished: {n} epochs.', ko: '{n} 에포크 완료.' }, { n: epochs })
        : words.t({ en: 'Epoch {e} of {n}…', ko: '에포크 {e} / {n}…' }, { e: run.epoch, n: epochs });
    }

    const engine = getEngine().then((lw) => {
      const { data: d, hidden, activation, seed } = RACE_SETUP;
      const data = lw.data.generate(d.name, { n: d.n, noise: d.noise, seed: d.seed });
      const { x, y } = data.toArrays();
      const layers = hidden.flatMap((out) => [{ type: 'linear', out }, { type: activation }]);
      layers.push({ type: 'linear', out: data.classes });
      return { lw, data, x, y, spec: { input: [2], layers, seed }, loss: lw.loss.CrossEntropy() };
    });

    function dispose(r) {
      for (const racer of r?.racers ?? []) { racer.model.dispose(); racer.opt.dispose(); }
    }

    async function restart() {
      updateLink();
      const chosen = Object.fromEntries(OPTIMISERS.map((o) => [o.id, readLr(o.id)]));
      if (Object.values(chosen).some((v) => v === null)) return widget.done;
      env = await engine;
      const { lw, spec } = env;
      cancelAnimationFrame(frame);
      if (run && !run.over) resolveDone?.(null);
      dispose(run);
      run = {
        epoch: 0,
        over: false,
        racers: OPTIMISERS.map((o) => {
          const model = lw.Model.fromSpec(spec); // same seed: the same initial weights for all four
          return { o, lr: chosen[o.id], model, opt: o.make(lw, model, chosen[o.id]), points: [], loss: NaN, accuracy: NaN, diverged: false };
        }),
      };
      widget.done = new Promise((resolve) => { resolveDone = resolve; });
      draw();
      frame = requestAnimationFrame(tick);
      return widget.done;
    }

    function tick() {
      const { data, x, y, loss } = env;
      const r = run;
      const start = performance.now();
      const { batch } = RACE_SETUP;
      while (r.epoch < epochs && performance.now() - start < FRAME_MS) {
        const order = shuffled(data.size, r.epoch); // the same order for every optimiser
        for (const racer of r.racers) {
          if (racer.diverged) continue;
          for (let s = 0; s < order.length; s += batch) {
            const ids = order.slice(s, s + batch);
            const bx = new Float32Array(ids.length * 2);
            const by = new Float32Array(ids.length);
            ids.forEach((k, i) => { bx[2 * i] = x[2 * k]; bx[2 * i + 1] = x[2 * k + 1]; by[i] = y[k]; });
            try {
              racer.model.trainStep(bx, by, ids.length, loss, racer.opt);
            } catch {
              racer.diverged = true;
              break;
            }
          }
          if (!racer.diverged) {
            const e = racer.model.evaluate(data, loss);
            racer.diverged = !Number.isFinite(e.loss) || e.loss > 1e4;
            racer.loss = racer.diverged ? NaN : e.loss;
            racer.accuracy = e.accuracy;
            racer.points.push([r.epoch + 1, racer.loss]);
          }
        }
        r.epoch += 1;
      }
      if (r.epoch >= epochs) {
        r.over = true;
        widget.result = {
          epochs,
          lr: Object.fromEntries(r.racers.map((q) => [q.o.id, q.lr])),
          loss: Object.fromEntries(r.racers.map((q) => [q.o.id, q.loss])),
          accuracy: Object.fromEntries(r.racers.map((q) => [q.o.id, q.accuracy])),
          diverged: Object.fromEntries(r.racers.map((q) => [q.o.id, q.diverged])),
        };
        draw();
        resolveDone?.(widget.result);
        finished.emit(widget.result);
        return;
      }
      draw();
      frame = requestAnimationFrame(tick);
    }

    relabel();
    draw();
    restart();
    return widget;
  };
}
