// How many numbers a picture is: height × width × channels, and what that costs a first layer
// of either kind:
//   fully connected, nn.Linear(inputs, n):   inputs · n weights + n biases
//   convolution, nn.Conv2d(C, F, k):         k · k · C · F weights + F biases (any height, width)
//
//   { widget: 'size', make: inputSize({ height: 28, width: 28, channels: 1, neurons: 256, kernel: 3, filters: 64 }) }
//
// The widget object: { root, setLang, values() → {height, width, channels, neurons, kernel,
// filters, inputs, params, convParams}, set(values), onChange(fn) → unsubscribe }. A size out of
// range makes the counts null; a kernel larger than the picture makes convParams null.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, wordsFor } from './common.js';

const W = {
  height: { en: 'Height (pixels)', ko: '높이(픽셀)' },
  width: { en: 'Width (pixels)', ko: '너비(픽셀)' },
  channels: { en: 'Channels', ko: '채널' },
  grey: { en: '1: greyscale', ko: '1: 흑백' },
  rgb: { en: '3: colour (RGB)', ko: '3: 컬러(RGB)' },
  neurons: { en: 'Neurons in the first hidden layer', ko: '첫 번째 은닉층의 뉴런 수' },
  kernel: { en: 'Filter size k (k × k)', ko: '필터 크기 k (k × k)' },
  filters: { en: 'Filters', ko: '필터 수' },
  inputs: { en: 'Input values (= input neurons)', ko: '입력값 개수(= 입력 뉴런 수)' },
  params: { en: 'Fully connected first layer: weights and biases', ko: '완전 연결 첫 층: 가중치와 편향' },
  convParams: { en: 'Convolutional first layer: weights and biases', ko: '합성곱 첫 층: 가중치와 편향' },
  bad: { en: 'Sizes are whole numbers from 1 to 4096.', ko: '크기는 1부터 4096까지의 정수입니다.' },
  bigKernel: { en: 'The filter cannot be larger than the picture: make k at most {max}.', ko: '필터가 그림보다 클 수는 없습니다. k를 {max} 이하로 하세요.' },
};

const CSS = `
.lw-size .lw-controls label { flex-direction: column; align-items: flex-start; gap: .15rem; font-size: 14px; }
.lw-size input[type="number"] { width: 7rem; }
.lw-size select { font: inherit; padding: .2rem .3rem; }
.lw-size dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: .75rem 0 0; }
.lw-size dt { color: var(--muted); font-size: 15px; }
.lw-size dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; overflow-wrap: anywhere; }
@media (max-width: 700px) { .lw-size dl { grid-template-columns: 1fr; } .lw-size dd { margin-bottom: .4rem; } }
`;

const MAX = 4096;

export function inputSize(preset = {}) {
  return (ctx) => {
    addStyle('input-size', CSS);
    const words = wordsFor(ctx.lang);
    const listeners = new Set();
    const number = (value) => h('input', { type: 'number', min: 1, max: MAX, step: 1, inputmode: 'numeric', value: String(value), oninput: update });
    const height = number(preset.height ?? 28);
    const width = number(preset.width ?? 28);
    const neurons = number(preset.neurons ?? 256);
    const kernel = number(preset.kernel ?? 3);
    const filters = number(preset.filters ?? 64);
    const channels = h('select', { onchange: update },
      words.bind(h('option', { value: '1' }), W.grey), words.bind(h('option', { value: '3' }), W.rgb));
    channels.value = String(preset.channels ?? 1);
    const inputs = h('dd', { 'aria-live': 'polite' });
    const params = h('dd', { 'aria-live': 'polite' });
    const convParams = h('dd', { 'aria-live': 'polite' });
    const problem = h('p', { class: 'lw-readout', role: 'alert' });
    const field = (text, control) => h('label', {}, words.bind(h('span'), text), control);

    const read = (input) => {
      const v = Number(input.value);
      return Number.isInteger(v) && v >= 1 && v <= MAX ? v : null;
    };
    function values() {
      const v = {
        height: read(height), width: read(width), channels: Number(channels.value), neurons: read(neurons),
        kernel: read(kernel), filters: read(filters),
      };
      const ok = v.height && v.width && v.neurons && v.kernel && v.filters;
      v.inputs = ok ? v.height * v.width * v.channels : null;
      v.params = ok ? v.inputs * v.neurons + v.neurons : null;
      v.convParams = ok && v.kernel <= Math.min(v.height, v.width) ? v.kernel * v.kernel * v.channels * v.filters + v.filters : null;
      return v;
    }
    function update() {
      const v = values();
      const n = formatReadout;
      inputs.textContent = v.inputs === null ? '–' : `${v.height} × ${v.width} × ${v.channels} = ${n(v.inputs)}`;
      params.textContent = v.params === null ? '–' : `${n(v.inputs)} × ${v.neurons} + ${v.neurons} = ${n(v.params)}`;
      convParams.textContent = v.convParams === null ? '–'
        : `${v.kernel} × ${v.kernel} × ${v.channels} × ${v.filters} + ${v.filters} = ${n(v.convParams)}`;
      problem.textContent = v.inputs === null ? words.t(W.bad)
        : v.convParams === null ? words.t(W.bigKernel, { max: Math.min(v.height, v.width) }) : '';
      for (const fn of listeners) fn(v);
    }

    const root = h('div', { class: 'lw-card lw-size' },
      h('div', { class: 'lw-controls' }, field(W.height, height), field(W.width, width), field(W.channels, channels)),
      h('div', { class: 'lw-controls' }, field(W.neurons, neurons), field(W.kernel, kernel), field(W.filters, filters)),
      h('dl', {}, words.bind(h('dt'), W.inputs), inputs, words.bind(h('dt'), W.params), params,
        words.bind(h('dt'), W.convParams), convParams),
      problem);
    update();
    return {
      root,
      values,
      set(v) {
        if (v.height !== undefined) height.value = String(v.height);
        if (v.width !== undefined) width.value = String(v.width);
        if (v.channels !== undefined) channels.value = String(v.channels);
        if (v.neurons !== undefined) neurons.value = String(v.neurons);
        if (v.kernel !== undefined) kernel.value = String(v.kernel);
        if (v.filters !== undefined) filters.value = String(v.filters);
        update();
      },
      setLang(lang) { words.setLang(lang); update(); },
      onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    };
  };
}
