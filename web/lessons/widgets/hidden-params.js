// Counting parameters layer by layer: editable sizes (inputs, hidden layers, outputs) and, for
// each nn.Linear(n_in, n_out), its n_in·n_out weights and n_out biases; the total is checked
// against the engine's own count (lw.Model.fromSpec(spec).numParams) when the model is small
// enough to build here.
//
//   { widget: 'params', make: hiddenParams({ sizes: [784, 256, 128, 64, 10] }) }
//
// The widget object: { root, setLang, sizes() → [inputs, ...hidden, outputs] (null for a bad
// field), setSizes(list), counts() → {layers: [{in, out, weights, biases}], total},
// engineCount() → Promise<number|null>, onChange(fn) → unsubscribe }.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine, wordsFor } from './common.js';

const MAX_SIZE = 4096;
const MAX_HIDDEN = 6;
const ENGINE_LIMIT = 5_000_000; // parameters the engine builds to confirm the count

const W = {
  inputs: { en: 'Inputs', ko: '입력' },
  hidden: { en: 'Hidden {i}', ko: '은닉층 {i}' },
  outputs: { en: 'Outputs', ko: '출력' },
  add: { en: 'Add a hidden layer', ko: '은닉층 추가' },
  remove: { en: 'Remove the last hidden layer', ko: '마지막 은닉층 삭제' },
  layer: { en: 'Layer', ko: '층' },
  weights: { en: 'Weights', ko: '가중치' },
  biases: { en: 'Biases', ko: '편향' },
  total: { en: 'Total', ko: '합계' },
  sum: { en: 'All layers', ko: '모든 층' },
  engine: { en: 'The engine builds this network and counts {n} parameters.', ko: '엔진이 이 네트워크를 직접 만들어 세어 보니 파라미터가 {n}개입니다.' },
  engineBig: { en: 'Too big to build here; the count is the formula\'s.', ko: '여기서 직접 만들기에는 너무 커서 공식으로만 셉니다.' },
  bad: { en: 'Every size is a whole number from 1 to 4096.', ko: '크기는 모두 1부터 4096까지의 정수입니다.' },
  caption: { en: 'Parameters per layer', ko: '층별 파라미터' },
};

const CSS = `
.lw-params .sizes { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: flex-end; margin-bottom: .75rem; }
.lw-params .sizes label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: .1rem; }
.lw-params .sizes input { width: 5.5rem; }
.lw-params .arrow { color: var(--muted); padding-bottom: .3rem; }
.lw-params table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 15px; }
.lw-params caption { text-align: left; font-weight: 650; font-size: 15px; margin-bottom: .25rem; }
.lw-params th, .lw-params td { padding: .25rem .5rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
.lw-params th:first-child, .lw-params td:first-child { text-align: left; }
.lw-params tfoot td { font-weight: 700; border-bottom: 0; }
.lw-params .table-box { overflow-x: auto; }
.lw-params .engine { margin: .5rem 0 0; }
@media (max-width: 700px) { .lw-params th, .lw-params td { padding: .25rem .3rem; font-size: 14px; } }
`;

/** Parameters of a stack of Linear layers: sizes = [inputs, ...hidden, outputs]. */
function countParams(sizes) {
  const layers = [];
  for (let i = 1; i < sizes.length; i++) {
    layers.push({ in: sizes[i - 1], out: sizes[i], weights: sizes[i - 1] * sizes[i], biases: sizes[i] });
  }
  return { layers, total: layers.reduce((s, l) => s + l.weights + l.biases, 0) };
}

export function hiddenParams({ sizes: preset = [784, 256, 128, 64, 10] } = {}) {
  return (ctx) => {
    addStyle('hidden-params', CSS);
    const words = wordsFor(ctx.lang);
    const listeners = new Set();
    const sizesRow = h('div', { class: 'sizes' });
    const body = h('tbody');
    const foot = h('tfoot');
    const engineLine = h('p', { class: 'lw-readout engine', 'aria-live': 'polite' });
    const problem = h('p', { class: 'lw-readout', role: 'alert' });
    const addButton = h('button', { type: 'button', class: 'lw-button', onclick: () => edit(+1) }, words.bind(h('span'), W.add));
    const removeButton = h('button', { type: 'button', class: 'lw-button', onclick: () => edit(-1) }, words.bind(h('span'), W.remove));
    let inputs = [];
    let labelNodes = []; // [node, text, params]: rebuilt with the fields, relabelled by update()
    let engineJob = 0;

    const field = (value) => h('input', { type: 'number', min: 1, max: MAX_SIZE, step: 1, inputmode: 'numeric', value: String(value), oninput: update });
    function build(list) {
      inputs = list.map(field);
      const labels = list.map((_, i) => (i === 0 ? W.inputs : i === list.length - 1 ? W.outputs : W.hidden));
      labelNodes = labels.map((text, i) => [h('span'), text, { i }]);
      sizesRow.replaceChildren(...inputs.flatMap((input, i) => [
        i > 0 ? h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→') : null,
        h('label', {}, labelNodes[i][0], input),
      ]).filter(Boolean));
      addButton.disabled = list.length - 2 >= MAX_HIDDEN;
      removeButton.disabled = list.length <= 2;
    }
    function edit(delta) {
      const list = sizes().map((v) => v ?? 1);
      if (delta > 0) list.splice(list.length - 1, 0, list[list.length - 2] > 1 ? Math.max(1, Math.round(list[list.length - 2] / 2)) : 1);
      else if (list.length > 2) list.splice(list.length - 2, 1);
      build(list);
      update();
    }
    function sizes() {
      return inputs.map((input) => {
        const v = Number(input.value);
        return Number.isInteger(v) && v >= 1 && v <= MAX_SIZE ? v : null;
      });
    }
    function counts() {
      const list = sizes();
      return list.includes(null) ? null : countParams(list);
    }
    const cell = (v) => h('td', {}, formatReadout(v));
    function update() {
      const c = counts();
      for (const [node, text, params] of labelNodes) node.textContent = words.t(text, params);
      problem.textContent = c ? '' : words.t(W.bad);
      body.replaceChildren(...(c?.layers ?? []).map((l) => h('tr', {},
        h('td', {}, `Linear(${l.in}, ${l.out})`), cell(l.weights), cell(l.biases), cell(l.weights + l.biases))));
      foot.replaceChildren(c ? h('tr', {}, h('td', {}, words.t(W.sum)), h('td'), h('td'), cell(c.total)) : '');
      confirm(c);
      for (const fn of listeners) fn(api);
    }
    // The engine builds the same stack (ReLU between the layers) and counts for itself.
    async function engineCount() {
      const c = counts();
      if (!c || c.total > ENGINE_LIMIT) return null;
      const list = sizes();
      const lw = await getEngine();
      const layers = [];
      for (let i = 1; i < list.length; i++) {
        layers.push({ type: 'linear', out: list[i] });
        if (i < list.length - 1) layers.push({ type: 'relu' });
      }
      const model = lw.Model.fromSpec({ input: [list[0]], layers });
      try { return model.numParams; } finally { model.dispose(); }
    }
    function confirm(c) {
      const job = ++engineJob;
      if (!c) { engineLine.textContent = ''; return; }
      if (c.total > ENGINE_LIMIT) { engineLine.textContent = words.t(W.engineBig); return; }
      engineCount().then((n) => {
        if (job !== engineJob) return;
        engineLine.textContent = words.t(W.engine, { n: formatReadout(n) }) + (n === c.total ? ' ✓' : ' ✗');
        engineLine.dataset.count = String(n);
      }).catch((error) => { console.error('hidden-params: engine', error); });
    }

    const head = h('thead', {}, h('tr', {}, words.bind(h('th', { scope: 'col' }), W.layer), words.bind(h('th', { scope: 'col' }), W.weights),
      words.bind(h('th', { scope: 'col' }), W.biases), words.bind(h('th', { scope: 'col' }), W.total)));
    const root = h('div', { class: 'lw-card lw-params' },
      sizesRow,
      h('div', { class: 'lw-controls' }, removeButton, addButton),
      h('div', { class: 'table-box' }, h('table', {}, words.bind(h('caption'), W.caption), head, body, foot)),
      engineLine, problem);
    const api = {
      root,
      sizes,
      counts,
      engineCount,
      setSizes(list) { build(list); update(); },
      setLang(lang) { words.setLang(lang); update(); },
      onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    };
    build(preset);
    update();
    return api;
  };
}
