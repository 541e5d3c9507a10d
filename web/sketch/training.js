// The training panel: Train (or Stop), how many epochs a press trains, a fresh start, the
// augmentation switch, how many drawings are held out for testing, and what came of it: the
// epoch, accuracy on the training drawings and on the held-out ones, the loss, and both
// accuracies over the epochs as a small chart, so the gap between them (generalisation) shows.
//
//   const panel = new TrainingPanel({ t, train, restart, change });
//   panel.update({ training, canTrain, epochs, augment, testEvery, epoch, detail, history, counts });
import { EPOCHS, TEST_EVERY } from './dataset.js';
import { MAX_DEGREES, MAX_SHIFT } from './augment.js';
import { ICONS, h, icon, newId, relabel, setText } from '../lib/dom.js';

const TRAIN_COLOR = '#0072B2';
const TEST_COLOR = '#D55E00';

export class TrainingPanel {
  constructor({ t, train, restart, change }) {
    this.t = t;
    this.state = null;
    this.trainLabel = h('span', {});
    this.trainIcon = h('span', { class: 'icon-slot' }, icon(ICONS.play));
    this.trainButton = h('button', { type: 'button', class: 'btn primary train', onclick: () => train() }, this.trainIcon, this.trainLabel);
    this.epochs = h('select', { id: newId('epochs'), onchange: () => change({ epochs: Number(this.epochs.value) }) },
      ...EPOCHS.map((n) => h('option', { value: String(n), t: 'train.epochsOption', params: { n } })));
    this.restartButton = h('button', { type: 'button', class: 'btn small', 't-title': 'train.restart.tip', onclick: () => restart() },
      icon(ICONS.reset), h('span', { t: 'train.restart' }));
    const augment = h('input', { type: 'checkbox', id: newId('aug'), onchange: () => change({ augment: augment.checked }) });
    this.augment = augment;
    this.testEvery = h('select', { id: newId('held'), onchange: () => change({ testEvery: Number(this.testEvery.value) }) },
      ...TEST_EVERY.map((n) => h('option', { value: String(n), t: n ? 'train.heldEvery' : 'train.heldNone', params: { n, percent: n ? Math.round(100 / n) : 0 } })));
    this.epochValue = h('span', { class: 'metric-value' }, '0');
    this.trainAcc = h('span', { class: 'metric-value' }, '–');
    this.testAcc = h('span', { class: 'metric-value' }, '–');
    this.lossValue = h('span', { class: 'metric-value' }, '–');
    this.testLabel = h('span', { class: 'metric-label' });
    this.trainLabelMetric = h('span', { class: 'metric-label' });
    this.chart = h('svg', { class: 'acc-chart', viewBox: '0 0 300 96', preserveAspectRatio: 'none', role: 'img', 't-label': 'train.chart' });
    this.note = h('p', { class: 'train-note' });
    this.chartEnd = h('span', {});
    this.root = h('div', { class: 'training' },
      h('div', { class: 'train-row' },
        this.trainButton,
        h('label', { class: 'inline-field', for: this.epochs.id }, h('span', { t: 'train.epochs' }), this.epochs),
        this.restartButton),
      h('div', { class: 'metrics' },
        h('div', { class: 'metric' }, h('span', { class: 'metric-label', t: 'train.epoch' }), this.epochValue),
        h('div', { class: 'metric' }, this.trainLabelMetric, this.trainAcc),
        h('div', { class: 'metric test' }, this.testLabel, this.testAcc),
        h('div', { class: 'metric' }, h('span', { class: 'metric-label', t: 'train.loss' }), this.lossValue)),
      h('div', { class: 'chart' },
        h('div', { class: 'chart-y', 'aria-hidden': 'true' }, h('span', {}, '100%'), h('span', {}, '50%'), h('span', {}, '0%')),
        this.chart,
        h('div', { class: 'chart-x', 'aria-hidden': 'true' }, h('span', {}, '0'), this.chartEnd)),
      h('p', { class: 'chart-legend' },
        h('span', { class: 'key', style: `--key: ${TRAIN_COLOR}`, t: 'train.legendTrain' }),
        h('span', { class: 'key dashed', style: `--key: ${TEST_COLOR}`, t: 'train.legendTest' })),
      this.note,
      h('label', { class: 'toggle', for: augment.id }, augment,
        h('span', {}, h('span', { t: 'train.augment' }), h('small', { class: 'hint', t: 'train.augment.tip', params: { shift: MAX_SHIFT, degrees: MAX_DEGREES } }))),
      h('label', { class: 'inline-field', for: this.testEvery.id }, h('span', { t: 'train.held' }), this.testEvery));
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
    if (this.state) this.update(this.state);
  }

  update(state) {
    this.state = state;
    const { training, canTrain, epochs, augment, testEvery, epoch, detail, history, counts, note } = state;
    const t = this.t;
    setText(this.trainLabel, training ? 'train.stop' : 'train.go', { n: epochs }, t);
    this.trainIcon.replaceChildren(icon(training ? ICONS.stop : ICONS.play));
    this.trainButton.classList.toggle('running', training);
    this.trainButton.disabled = !training && !canTrain;
    this.trainButton.setAttribute('aria-pressed', String(training));
    this.restartButton.disabled = training || !canTrain;
    this.epochs.value = String(epochs);
    this.augment.checked = augment;
    this.testEvery.value = String(testEvery);
    this.epochValue.textContent = String(epoch);
    const pct = (v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`);
    this.trainAcc.textContent = pct(detail?.trainAccuracy);
    this.testAcc.textContent = pct(detail?.testAccuracy);
    this.lossValue.textContent = detail?.trainLoss === null || detail?.trainLoss === undefined ? '–' : detail.trainLoss.toFixed(3);
    setText(this.trainLabelMetric, 'train.trainAccuracy', { count: counts.train }, t);
    setText(this.testLabel, 'train.testAccuracy', { count: counts.test }, t);
    this.note.hidden = !note;
    if (note) setText(this.note, note.key, note.params, t);
    this.#chart(history);
  }

  // Train and test accuracy over the epochs: 0–100 % up the side, epoch 0 to the last across.
  #chart(history) {
    const W = 300, H = 96, top = 4, bottom = 4;
    const y = (a) => top + (1 - a) * (H - top - bottom);
    const grid = [0, 0.5, 1].map((a) => h('line', { x1: 0, x2: W, y1: y(a), y2: y(a), class: 'grid-line' }));
    const last = history.length ? history.at(-1).epoch : 0;
    this.chartEnd.textContent = this.t('train.chartEnd', { epoch: last });
    const x = (e) => (last > 0 ? (e / last) * W : 0);
    const line = (key, color, dashed) => {
      const pts = history.filter((r) => r[key] !== null && r[key] !== undefined).map((r) => `${x(r.epoch).toFixed(1)},${y(r[key]).toFixed(1)}`);
      return pts.length > 1 ? h('polyline', { points: pts.join(' '), fill: 'none', stroke: color, 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke', 'stroke-dasharray': dashed ? '5 3' : null }) : null;
    };
    this.chart.replaceChildren(...grid, line('trainAccuracy', TRAIN_COLOR, false), line('testAccuracy', TEST_COLOR, true));
  }
}
