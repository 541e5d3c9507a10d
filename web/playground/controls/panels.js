// The playground's controls and layout: toolbar, training settings, data, network and output
// panels, and the slots the views and the code panel draw into. buildPanels() makes the DOM
// once; sync(state, info) shows a state; user actions call back into the element (actions),
// which turns them into a new state. Nothing here trains or keeps state of its own.
import { ACTIVATIONS, DATASETS, FEATURES, FIELDS, INITS, LOSSES, MAX_LAYERS, MAX_NEURONS, OPTIMIZERS, REGRESSION, activationOf } from '../state.js';
import { ICONS, field, h, icon, newId, range, relabel, select, setSelect, setText, toggle } from '../../lib/dom.js';
import { DrawPad } from './drawpad.js';
import { DatasetPicker, PENCIL } from './thumbnails.js';
import { Dock, showPlaying } from './dock.js';
import { located } from '../../lib/embedded.js';
import { linkLang } from '../../lib/i18n.js';

const LR = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REG = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const DROPOUT = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const MOMENTUM = [0, 0.5, 0.9, 0.95, 0.99];
const BETA1 = [0, 0.5, 0.8, 0.9, 0.95, 0.99];
const BETA2 = [0.9, 0.99, 0.999, 0.9999];
const ALPHA = [0.9, 0.95, 0.99, 0.999];
const STD = [0.01, 0.05, 0.1, 0.5, 1, 2, 5];
const POINTS = [50, 100, 200, 400, 800, 1000, 2000];
export const SPEEDS = ['slow', 'normal', 'fast', 'max'];
/** The parts the element's `hide` attribute can leave out: each is a data-panel below. */
export const HIDE_TOKENS = ['controls', 'brand', 'settings', 'data', 'features', 'network', 'diagram', 'output',
  'boundary', 'curves', 'compare', 'challenges', 'stepper', 'histograms', 'code', 'files', 'embed', 'lang', 'dock'];
const LANGUAGES = [['en', 'English'], ['ko', '한국어']];

const numberOptions = (values) => values.map((v) => [String(v), null]);

/** Separates thousands: 1234 → "1,234". */
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** The epoch counter keeps six digits like a meter: 001,234. */
const formatEpoch = (n) => thousands(String(n).padStart(6, '0'));

/** A loss or accuracy for the read-outs. */
function formatMetric(v, percent = false) {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (percent) return `${(100 * v).toFixed(1)}%`;
  if (v !== 0 && Math.abs(v) < 0.001) return v.toExponential(2);
  return v.toFixed(3);
}

// A link to another page of the site (its path under web/), or nothing where that page is not
// there (the one-file playground carries no other page); sync() keeps it in the element's language.
function pageLink(refs, page, key) {
  const href = located(page, new URL(`../../${page}`, import.meta.url));
  const link = href && h('a', { class: 'brand-link', href, t: key, 't-title': `${key}.tip` });
  if (link) (refs.pageLinks ??= []).push(link);
  return link;
}

// The timeline under the curves: a scrubber over the kept epochs (its last stop is "now"),
// what it shows, and the way back to now or on from the kept epoch.
function buildTimeline(refs, actions) {
  const tl = {
    range: h('input', { type: 'range', class: 'timeline-range', min: '0', max: '0', step: '1', value: '0', 't-label': 'timeline.title',
      oninput: () => actions.scrub(Number(tl.range.value)) }),
    label: h('output', { class: 'timeline-label' }),
    live: h('button', { type: 'button', class: 'btn small timeline-live', t: 'timeline.live', 't-title': 'timeline.live.tip', onclick: () => actions.live() }),
    resume: h('button', { type: 'button', class: 'btn small timeline-resume', t: 'timeline.resume', 't-title': 'timeline.resume.tip', onclick: () => actions.resumeHere() }),
  };
  tl.root = h('div', { class: 'timeline', 'data-panel': 'curves' },
    h('span', { class: 'timeline-title', t: 'timeline.title', 't-title': 'timeline.tip' }), tl.range, tl.label, tl.live, tl.resume);
  refs.timeline = tl;
  return tl.root;
}

// A section whose heading folds it away (on a phone, what the learner is not changing now
// takes no room): the heading's text becomes a button that says whether the section is open.
function foldable(section) {
  const heading = section.querySelector('h2');
  const button = h('button', { type: 'button', class: 'fold', 'aria-expanded': 'true', 't-title': 'section.fold',
    onclick: () => fold(section, button.getAttribute('aria-expanded') === 'true') }, ...heading.childNodes);
  for (const key of ['t', 'tTitle']) {
    if (!heading.dataset[key]) continue;
    button.dataset[key] = heading.dataset[key]; // the heading's text is the button's now
    delete heading.dataset[key];
  }
  heading.replaceChildren(button);
  section.foldButton = button;
  return section;
}

function fold(section, folded) {
  section.classList.toggle('folded', folded);
  section.foldButton.setAttribute('aria-expanded', String(!folded));
}

function iconButton(name, key, onclick, { text = false, className = '', tip = key } = {}) {
  return h('button', { type: 'button', class: `btn ${className}`.trim(), 't-label': key, 't-title': tip, onclick },
    icon(ICONS[name]), text ? h('span', { class: 'btn-text', t: key }) : null);
}

/**
 * Builds the element's DOM. actions: {change(changes), layers('add' | 'remove'), neurons(i, ±1),
 * layerActivation(i, name), togglePlay(), stepEpoch(), stepBatch(), reset(), regenerate(),
 * speed(name), exportFile(), importFile(file), embed(), copyCode(), codeTab(name), drawn(points),
 * drawFrom(dataset), importCSV(file), exportCSV()}.
 * Returns {root, slots, refs, sync(state, info), setPlaying, setEpoch, setMetrics, setMessage,
 * setCode, setHidden}; info = {t, loss, output, classes, regression, drawn}.
 */
export function buildPanels(actions) {
  const change = (key) => (value) => actions.change({ [key]: value });
  const numberChange = (key) => (value) => actions.change({ [key]: Number(value) });
  const refs = {};

  // ---- toolbar ----
  refs.play = h('button', { type: 'button', class: 'btn play', 't-label': 'controls.play', 't-title': 'controls.play.tip', 'aria-pressed': 'false', onclick: actions.togglePlay },
    icon(ICONS.play));
  refs.epoch = h('output', { class: 'epoch-value', 'aria-live': 'off' }, formatEpoch(0));
  refs.steps = h('output', { class: 'steps-value', 'aria-live': 'off' }, '0');
  refs.speed = select(SPEEDS.map((s) => [s, `speed.${s}`]), actions.speed);
  refs.lang = select(LANGUAGES.map(([v]) => [v, null]), change('lang'));
  LANGUAGES.forEach(([, name], i) => (refs.lang.options[i].textContent = name)); // each in its own language
  refs.fileInput = h('input', { type: 'file', accept: '.json,application/json', hidden: true, class: 'file-input',
    onchange: () => {
      const file = refs.fileInput.files?.[0];
      refs.fileInput.value = '';
      if (file) actions.importFile(file);
    } });
  const toolbar = h('header', { class: 'bar', role: 'toolbar', 't-label': 'controls.toolbar', 'data-panel': 'controls' },
    h('div', { class: 'brand', 'data-panel': 'brand' },
      h('span', { t: 'app.title' }),
      pageLink(refs, 'sketch.html', 'nav.sketch'),
      pageLink(refs, 'images.html', 'nav.images'),
      pageLink(refs, 'lessons/index.html', 'nav.lessons')),
    h('div', { class: 'transport' },
      iconButton('reset', 'controls.reset', actions.reset, { className: 'round', tip: 'controls.reset.tip' }),
      refs.play,
      iconButton('stepEpoch', 'controls.step', actions.stepEpoch, { className: 'round', tip: 'controls.step.tip' }),
      iconButton('stepBatch', 'controls.stepBatch', actions.stepBatch, { className: 'round', tip: 'controls.stepBatch.tip' })),
    h('div', { class: 'epoch' }, h('span', { class: 'epoch-label', t: 'training.epoch' }), refs.epoch,
      // the optimiser steps (batches) since the network was built: what "One batch" moves
      h('span', { class: 'steps', 't-title': 'training.steps.tip' }, h('span', { t: 'training.steps' }), ' ', refs.steps)),
    field('controls.speed', refs.speed, { className: 'compact', hint: 'speed.tip' }),
    refs.compare = h('button', { type: 'button', class: 'btn small compare-toggle', 'data-panel': 'compare', 'aria-pressed': 'false',
      t: 'ab.start', 't-title': 'ab.start.tip', onclick: () => actions.compare() }),
    h('div', { class: 'spacer' }),
    h('div', { class: 'files', 'data-panel': 'files' },
      iconButton('download', 'state.export', actions.exportFile, { text: true, tip: 'state.export.tip' }),
      iconButton('upload', 'state.import', () => refs.fileInput.click(), { text: true, tip: 'state.import.tip' }),
      refs.fileInput),
    // the snippets name the site's embed page: not there in the one-file playground
    located('embed.html', new URL('../../embed.html', import.meta.url)) && h('div', { class: 'files', 'data-panel': 'embed' },
      iconButton('embed', 'state.embed', actions.embed, { text: true, tip: 'state.embed.tip' })),
    refs.tour = h('button', { type: 'button', class: 'btn small tour-button', t: 'help.tour', 't-title': 'help.tour.tip', hidden: true, onclick: () => actions.tour() }),
    h('div', { 'data-panel': 'lang' }, field('app.language', refs.lang, { className: 'compact' })));

  // ---- training settings strip ----
  refs.optimizer = select(OPTIMIZERS.map((o) => [o, `optimizer.${o}`]), change('optimizer'));
  refs.lr = select(numberOptions(LR), numberChange('lr'));
  refs.batch = range({ min: FIELDS.batch.min, max: FIELDS.batch.max, step: 1 }, change('batch'));
  refs.momentum = select(numberOptions(MOMENTUM), numberChange('momentum'));
  refs.nesterov = toggle('training.nesterov', change('nesterov'), { hint: 'training.nesterov.tip' });
  refs.beta1 = select(numberOptions(BETA1), numberChange('beta1'));
  refs.beta2 = select(numberOptions(BETA2), numberChange('beta2'));
  refs.alpha = select(numberOptions(ALPHA), numberChange('alpha'));
  refs.l1 = select(numberOptions(REG), numberChange('l1'));
  refs.l2 = select(numberOptions(REG), numberChange('l2'));
  refs.weightDecay = select(numberOptions(REG), numberChange('weightDecay'));
  refs.momentumField = field('training.momentum', refs.momentum, { hint: 'training.momentum.tip' });
  refs.nesterovField = h('div', { class: 'field toggle-field' }, refs.nesterov.label);
  refs.beta1Field = field('training.beta1', refs.beta1, { hint: 'training.beta1.tip' });
  refs.beta2Field = field('training.beta2', refs.beta2, { hint: 'training.beta2.tip' });
  refs.alphaField = field('training.alpha', refs.alpha, { hint: 'training.alpha.tip' });
  // AdamW's one weight decay is decoupled (PyTorch's weight_decay, default 0.01): its own
  // setting, shown instead of L2 (which the other optimisers add to the gradient)
  refs.l2Field = field('training.l2', refs.l2, { hint: 'training.l2.tip' });
  refs.weightDecayField = field('training.weightDecay', refs.weightDecay, { hint: 'training.weightDecay.tip' });
  const settings = h('section', { class: 'settings', 'data-panel': 'settings', 't-label': 'training.title' },
    h('h2', { class: 'settings-title', t: 'training.title' }),
    field('optimizer.title', refs.optimizer, { hint: 'optimizer.title.tip' }),
    field('training.lr', refs.lr, { hint: 'training.lr.tip' }),
    field('training.batch', refs.batch.input, { output: refs.batch.out, className: 'slider', hint: 'training.batch.tip' }),
    refs.momentumField, refs.nesterovField, refs.beta1Field, refs.beta2Field, refs.alphaField,
    field('training.l1', refs.l1, { hint: 'training.l1.tip' }),
    refs.l2Field, refs.weightDecayField);

  // ---- data ----
  // the datasets as thumbnails of their points (thumbnails.js); the drawing is the last
  // classification one
  refs.datasets = new DatasetPicker([
    { key: 'data.classification', names: DATASETS.filter((d) => !REGRESSION.has(d)) },
    { key: 'data.regression', names: [...REGRESSION] },
  ], change('dataset'));
  refs.noise = range({ min: FIELDS.noise.min, max: FIELDS.noise.max, step: 5, format: (v) => `${v}%` }, change('noise'));
  refs.trainRatio = range({ min: FIELDS.trainRatio.min, max: FIELDS.trainRatio.max, step: 10, format: (v) => `${v}%` }, change('trainRatio'));
  refs.points = select(numberOptions(POINTS), numberChange('points'));
  refs.seed = h('input', { type: 'number', min: 0, max: FIELDS.seed.max, step: 1, inputmode: 'numeric',
    onchange: () => actions.change({ seed: refs.seed.value }) });
  refs.showTest = toggle('controls.showTest', change('showTest'), { hint: 'controls.showTest.tip' });
  refs.standardize = toggle('features.standardize', change('standardize'), { hint: 'features.standardize.tip' });
  refs.features = FEATURES.map((f) => {
    const input = h('input', { type: 'checkbox', value: f, id: newId('feat'),
      onchange: () => actions.change({ features: refs.features.filter((x) => x.input.checked).map((x) => x.input.value) }) });
    return { input, label: h('label', { class: 'chip', for: input.id, 't-title': `feature.${f}.tip` }, input, h('span', { t: `feature.${f}` })) };
  });
  const featuresLegend = h('legend', { t: 'features.title', 't-title': 'features.tip' });
  refs.pad = new DrawPad({ change: actions.drawn, drawFrom: actions.drawFrom, importCSV: actions.importCSV, exportCSV: actions.exportCSV });
  refs.editPoints = h('button', { type: 'button', class: 'btn edit-points', 't-title': 'data.editPoints.tip', onclick: () => actions.drawFrom() },
    icon(PENCIL), h('span', { class: 'btn-text', t: 'data.editPoints' }));
  const data = h('section', { class: 'panel data', 'data-panel': 'data' },
    h('h2', { t: 'data.title' }),
    refs.datasets.root,
    refs.pad.root,
    field('data.noise', refs.noise.input, { output: refs.noise.out, className: 'slider', hint: 'data.noise.tip' }),
    field('data.trainRatio', refs.trainRatio.input, { output: refs.trainRatio.out, className: 'slider', hint: 'data.trainRatio.tip' }),
    field('data.points', refs.points),
    h('div', { class: 'row' },
      iconButton('regenerate', 'data.regenerate', actions.regenerate, { text: true, tip: 'data.regenerate.tip' }),
      field('data.seed', refs.seed, { className: 'compact seed', hint: 'data.seed.tip' })),
    refs.editPoints,
    h('fieldset', { class: 'features', 'data-panel': 'features' }, featuresLegend,
      h('div', { class: 'chips' }, refs.features.map((f) => f.label))),
    refs.standardize.label);

  // ---- network ----
  refs.layerCount = h('span', { class: 'layer-count', 'aria-live': 'polite' });
  refs.addLayer = iconButton('plus', 'network.addLayer', () => actions.layers('add'), { className: 'round small' });
  refs.removeLayer = iconButton('minus', 'network.removeLayer', () => actions.layers('remove'), { className: 'round small' });
  refs.layerCards = h('ol', { class: 'layer-cards' });
  refs.activationAll = select([['', 'network.activationMixed'], ...ACTIVATIONS.map((a) => [a, `activation.${a}`])], (v) => v && actions.change({ activation: [v] }));
  refs.activationAll.options[0].disabled = true;
  refs.init = select(INITS.map((i) => [i, `init.${i}`]), change('init'));
  refs.initStd = select(numberOptions(STD), numberChange('initStd'));
  refs.initStdField = field('init.std', refs.initStd, { className: 'compact' });
  refs.dropout = select(DROPOUT.map((v) => [String(v), v === 0 ? 'network.dropoutNone' : null]), numberChange('dropout'));
  refs.loss = select(LOSSES.map((l) => [l, `loss.${l}`]), change('loss'));
  refs.head = h('p', { class: 'head' });
  const slots = {
    network: h('div', { class: 'slot slot-network', 'data-panel': 'diagram' }),
    boundary: h('div', { class: 'slot slot-boundary', 'data-panel': 'boundary' }),
    curves: h('div', { class: 'slot slot-curves', 'data-panel': 'curves' }),
    histograms: h('div', { class: 'slot slot-histograms' }),
    stepper: h('div', { class: 'slot slot-stepper' }),
    compare: h('div', { class: 'slot-compare' }),
    challenges: h('div', { class: 'slot-challenges' }),
  };
  const network = h('section', { class: 'panel network', 'data-panel': 'network' },
    h('div', { class: 'network-head' },
      h('h2', { t: 'network.title' }),
      h('div', { class: 'layer-buttons', role: 'group', 't-label': 'network.hiddenLayers', 't-title': 'network.hiddenLayers.tip' }, refs.removeLayer, refs.layerCount, refs.addLayer)),
    refs.layerCards,
    slots.network,
    h('div', { class: 'network-settings' },
      field('network.activationAll', refs.activationAll, { hint: 'network.activation.tip' }),
      h('div', { class: 'init-row' }, field('init.title', refs.init, { hint: 'init.title.tip' }), refs.initStdField),
      field('network.dropout', refs.dropout, { hint: 'network.dropout.tip' }),
      field('loss.title', refs.loss, { hint: 'loss.title.tip' })),
    refs.head);

  // ---- output ----
  const metric = (key, cls) => {
    const value = h('span', { class: 'metric-value' }, '–');
    const row = h('div', { class: `metric ${cls}` }, h('span', { class: 'metric-label', t: key }), value);
    return { row, value };
  };
  refs.metrics = {
    testLoss: metric('metrics.testLoss', 'test'),
    trainLoss: metric('metrics.trainLoss', 'train'),
    testAccuracy: metric('metrics.testAccuracy', 'test'),
    trainAccuracy: metric('metrics.trainAccuracy', 'train'),
  };
  refs.diagnoses = h('div', { class: 'diagnoses', role: 'region', 't-label': 'diag.title', 'aria-live': 'polite' });
  refs.discretize = toggle('controls.discretize', change('discretize'), { hint: 'controls.discretize.tip' });
  const output = h('section', { class: 'panel output', 'data-panel': 'output' },
    h('h2', { t: 'output.title' }),
    h('div', { class: 'metrics', role: 'group', 't-label': 'output.title' },
      refs.metrics.testLoss.row, refs.metrics.trainLoss.row, refs.metrics.testAccuracy.row, refs.metrics.trainAccuracy.row),
    refs.diagnoses,
    slots.boundary,
    h('div', { class: 'row toggles', 'data-panel': 'boundary' }, refs.showTest.label, refs.discretize.label),
    slots.curves,
    buildTimeline(refs, actions));

  // ---- the backprop stepper: closed until asked for (it traces only while open) ----
  refs.stepper = h('details', { class: 'stepper-box', ontoggle: () => actions.stepper(refs.stepper.open) },
    h('summary', {}, h('h2', { t: 'views.stepper' }), h('span', { class: 'summary-tip', t: 'views.stepper.tip' })),
    slots.stepper);
  const stepper = h('section', { class: 'panel stepper', 'data-panel': 'stepper' }, refs.stepper);

  // ---- histograms and code ----
  const histograms = h('section', { class: 'panel histograms', 'data-panel': 'histograms' },
    h('h2', { t: 'views.histograms' }), slots.histograms);
  refs.codeTabs = ['pytorch', 'layerwise'].map((name, i) => h('button', {
    type: 'button', role: 'tab', class: 'tab', id: newId('tab'), 'aria-selected': i === 0 ? 'true' : 'false',
    tabindex: i === 0 ? '0' : '-1', t: `code.${name}`, 'data-tab': name,
    onclick: () => actions.codeTab(name),
    onkeydown: (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      const other = refs.codeTabs[1 - i];
      other.focus();
      actions.codeTab(other.dataset.tab);
    },
  }));
  refs.code = h('code', {});
  refs.copy = iconButton('copy', 'code.copy', actions.copyCode, { text: true });
  refs.codeDownload = iconButton('download', 'code.download', actions.downloadCode, { text: true, tip: 'code.download.tip' });
  // Which weights the PyTorch code carries: the run's initial ones, or the trained ones now.
  refs.codeWeights = h('select', { class: 'code-weights-select', onchange: () => actions.codeWeights(refs.codeWeights.value) },
    h('option', { value: 'initial', t: 'code.weights.initial' }),
    h('option', { value: 'trained', t: 'code.weights.trained' }));
  refs.codeWeightsBox = h('label', { class: 'code-weights', 't-title': 'code.weights.tip' },
    h('span', { t: 'code.weights' }), refs.codeWeights);
  const codePanelId = newId('code');
  const code = h('section', { class: 'panel code', 'data-panel': 'code' },
    h('div', { class: 'code-head' },
      h('h2', { t: 'code.title', 't-title': 'code.tip' }),
      h('div', { class: 'tabs', role: 'tablist', 't-label': 'code.title' }, refs.codeTabs),
      refs.codeWeightsBox, refs.copy, refs.codeDownload),
    h('pre', { id: codePanelId, role: 'tabpanel', tabindex: '0' }, refs.code));
  refs.codeTabs.forEach((tab) => tab.setAttribute('aria-controls', codePanelId));

  refs.message = h('div', { class: 'message', role: 'status', 'aria-live': 'polite', hidden: true });
  for (const section of [settings, data, network, histograms, code]) foldable(section);
  refs.dock = new Dock({
    togglePlay: actions.togglePlay,
    stepEpoch: actions.stepEpoch,
    plot: actions.plot,
    showOutput: () => slots.boundary.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  });
  const root = h('div', { class: 'lwp' },
    toolbar,
    settings,
    refs.message,
    h('div', { class: 'main' }, data, network, output),
    slots.compare,
    slots.challenges,
    stepper,
    histograms,
    code,
    refs.dock.root);
  refs.dock.watch(root, [toolbar.querySelector('.transport'), slots.boundary]);

  return {
    root,
    slots,
    refs,
    sync: (state, info) => sync(refs, state, info, actions),
    setPlaying(playing, t) {
      showPlaying(refs.play, playing, t);
      refs.dock.setPlaying(playing, t);
    },
    // n epochs; steps: the optimiser steps (batches) since the network was built
    setEpoch(n, steps = 0) {
      refs.epoch.textContent = formatEpoch(n);
      refs.steps.textContent = thousands(steps);
      refs.dock.setEpoch(refs.epoch.textContent);
    },
    // notes: [{id, text: [key, params], fix: key, link: {href, where} | null}], from diagnose.js
    setDiagnoses(notes, t) {
      refs.diagnoses.replaceChildren(...notes.map((n) => h('div', { class: 'diagnosis', role: 'note', 'data-diagnosis': n.id },
        h('p', { class: 'evidence', t: n.text[0], params: n.text[1] }),
        h('p', { class: 'fix', t: n.fix }),
        n.link && h('a', { class: 'why', href: n.link.href, t: 'diag.read', params: { where: n.link.where } }),
        h('button', { type: 'button', class: 'dismiss', 't-label': 'diag.dismiss', 't-title': 'diag.dismiss', onclick: () => actions.dismiss(n.id) }, '×'))));
      relabel(refs.diagnoses, t);
    },
    // {count, index, epoch, live}: the kept epochs, the one shown (index = count: live)
    setTimeline({ count, index, epoch, live }, t) {
      const tl = refs.timeline;
      tl.range.max = String(count);
      tl.range.value = String(index);
      tl.range.disabled = count === 0;
      tl.range.setAttribute('aria-valuetext', t(live ? 'timeline.atLive' : 'timeline.atKept', { epoch }));
      setText(tl.label, live ? 'timeline.atLive' : 'timeline.atKept', { epoch }, t);
      tl.live.hidden = live;
      tl.resume.hidden = live;
      tl.root.classList.toggle('scrubbed', !live);
    },
    setMetrics(m, regression, t) {
      refs.metrics.testLoss.value.textContent = formatMetric(m.testLoss);
      refs.dock.setLoss(formatMetric(m.testLoss), t);
      refs.metrics.trainLoss.value.textContent = formatMetric(m.trainLoss);
      refs.metrics.testAccuracy.value.textContent = formatMetric(m.testAccuracy, true);
      refs.metrics.trainAccuracy.value.textContent = formatMetric(m.trainAccuracy, true);
      refs.metrics.testAccuracy.row.hidden = regression;
      refs.metrics.trainAccuracy.row.hidden = regression;
    },
    setMessage(message, t) {
      refs.message.hidden = !message;
      refs.message.className = `message ${message?.kind ?? ''}`.trim();
      if (message) setText(refs.message, message.key, message.params, t);
      else {
        delete refs.message.dataset.t;
        refs.message.textContent = '';
      }
    },
    setCode(text, tab, weights = 'initial') {
      refs.code.textContent = text;
      refs.codeWeightsBox.hidden = tab !== 'pytorch';
      refs.codeWeights.value = weights;
      for (const b of refs.codeTabs) {
        const on = b.dataset.tab === tab;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
      }
    },
    setHidden(hidden) {
      for (const el of root.querySelectorAll('[data-panel]')) el.hidden = hidden.has(el.dataset.panel);
      refs.dock.allow(!hidden.has('dock') && !hidden.has('controls'));
      // a column with nothing left to show goes, and the others take its room
      root.querySelector('.main').dataset.columns = [data, network, output].filter((p) => !p.hidden).length;
    },
  };
}

function sync(refs, state, info, actions) {
  refs.lang.value = state.lang;
  linkLang(refs.pageLinks ?? [], state.lang);
  setSelect(refs.optimizer, state.optimizer);
  setSelect(refs.lr, state.lr);
  refs.batch.set(state.batch);
  setSelect(refs.momentum, state.momentum);
  refs.nesterov.input.checked = state.nesterov;
  setSelect(refs.beta1, state.beta1);
  setSelect(refs.beta2, state.beta2);
  setSelect(refs.alpha, state.alpha);
  setSelect(refs.l1, state.l1);
  setSelect(refs.l2, state.l2);
  setSelect(refs.weightDecay, state.weightDecay);
  const adam = state.optimizer === 'adam' || state.optimizer === 'adamw';
  refs.momentumField.hidden = adam;
  refs.nesterovField.hidden = state.optimizer !== 'sgd';
  refs.beta1Field.hidden = refs.beta2Field.hidden = !adam;
  refs.l2Field.hidden = state.optimizer === 'adamw';
  refs.weightDecayField.hidden = state.optimizer !== 'adamw';
  refs.alphaField.hidden = state.optimizer !== 'rmsprop';

  refs.datasets.update(state.dataset, info.drawn);
  refs.pad.root.hidden = state.dataset !== 'drawn';
  refs.pad.update(info.drawn, info.t); // hidden or not, so that its undo history sees every change
  // drawn points have no noise or size to choose
  for (const control of [refs.noise.input, refs.points]) control.closest('.field').hidden = state.dataset === 'drawn';
  refs.editPoints.hidden = state.dataset === 'drawn';
  refs.noise.set(state.noise);
  refs.trainRatio.set(state.trainRatio);
  setSelect(refs.points, state.points);
  if (refs.seed.value !== String(state.seed)) refs.seed.value = String(state.seed);
  refs.showTest.input.checked = state.showTest;
  refs.discretize.input.checked = state.discretize;
  refs.discretize.label.hidden = info.regression;
  refs.standardize.input.checked = state.standardize;
  for (const f of refs.features) {
    f.input.checked = state.features.includes(f.input.value);
    // the last feature cannot be switched off: a network needs an input
    f.input.disabled = f.input.checked && state.features.length === 1;
  }

  const n = state.layers.length;
  setText(refs.layerCount, 'network.layerCount', { count: n }, info.t);
  refs.addLayer.disabled = n >= MAX_LAYERS;
  refs.removeLayer.disabled = n === 0;
  syncLayerCards(refs, state, info, actions);
  const acts = state.layers.map((_, i) => activationOf(state, i));
  const same = acts.every((a) => a === acts[0]);
  refs.activationAll.value = n === 0 ? state.activation[0] : same ? acts[0] : '';
  refs.activationAll.disabled = n === 0;
  refs.init.value = state.init;
  setSelect(refs.initStd, state.initStd);
  refs.initStdField.hidden = state.init !== 'normal';
  setSelect(refs.dropout, state.dropout);
  refs.loss.value = state.loss;
  setText(refs.head, `network.head.${info.output}`, null, info.t);
}

// One card per hidden layer: its neurons (− n +) and its activation.
function syncLayerCards(refs, state, info, actions) {
  const cards = refs.layerCards;
  while (cards.children.length > state.layers.length) cards.lastElementChild.remove();
  while (cards.children.length < state.layers.length) {
    const i = cards.children.length;
    const count = h('span', { class: 'neuron-count' });
    const act = select(ACTIVATIONS.map((a) => [a, `activation.${a}`]), (v) => actions.layerActivation(i, v));
    act.dataset.tLabel = 'network.layerActivation';
    act.dataset.tParams = JSON.stringify({ n: i + 1 });
    const minus = iconButton('minus', 'network.removeNeuron', () => actions.neurons(i, -1), { className: 'round small' });
    const plus = iconButton('plus', 'network.addNeuron', () => actions.neurons(i, +1), { className: 'round small' });
    for (const b of [minus, plus]) b.dataset.tParams = JSON.stringify({ n: i + 1 });
    const card = h('li', { class: 'layer-card' },
      h('span', { class: 'layer-name', t: 'network.layer', params: { n: i + 1 } }),
      h('div', { class: 'neuron-buttons' }, minus, count, plus),
      act);
    card.refs = { count, act, minus, plus };
    cards.append(card);
    relabel(card, info.t);
  }
  state.layers.forEach((size, i) => {
    const { count, act, minus, plus } = cards.children[i].refs;
    setText(count, 'network.neurons', { count: size }, info.t);
    minus.disabled = size <= 1;
    plus.disabled = size >= MAX_NEURONS;
    act.value = activationOf(state, i);
  });
}
