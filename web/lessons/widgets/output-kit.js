// Parts shared by the output-layer and loss-function widgets (output-*.js, loss-*.js): words
// that also follow the language in attributes (aria-label), a slider paired with a number box,
// a little change notifier for tasks and tests, and training in slices over animation frames.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, wordsFor } from './common.js';

addStyle('output-kit', `
.lw-kit-slider { display: grid; grid-template-columns: minmax(4.5rem, auto) minmax(0, 1fr) 5.5rem; gap: .5rem; align-items: center; }
.lw-kit-slider input[type="range"] { width: 100%; min-width: 0; }
.lw-kit-slider input[type="number"] { width: 5.5rem; }
.lw-kit-slider label { font-variant-numeric: tabular-nums; }
.lw-kit-table { border-collapse: collapse; font-size: 15px; font-variant-numeric: tabular-nums; width: 100%; }
.lw-kit-table th, .lw-kit-table td { padding: .25rem .5rem; border-bottom: 1px solid var(--line); text-align: right; }
.lw-kit-table th:first-child, .lw-kit-table td:first-child { text-align: left; }
.lw-kit-scroll { overflow-x: auto; }
.lw-kit-plot-title { font-size: 14px; color: var(--muted); margin: .25rem 0 0; }
fieldset.lw-kit-choice { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
fieldset.lw-kit-choice legend { float: left; margin-right: .5rem; padding: 0; font-weight: 600; }
fieldset.lw-kit-choice label { display: inline-flex; gap: .35rem; align-items: center; min-height: 32px; }
`);

/** wordsFor(lang) plus attributes: words.attr(node, 'aria-label', {en, ko}). */
export function bilingual(lang) {
  const words = wordsFor(lang);
  const attrs = [];
  const setLang = words.setLang;
  words.attr = (node, name, text) => {
    attrs.push([node, name, text]);
    node.setAttribute(name, words.t(text));
    return node;
  };
  /** Text with {params} whose values are functions: bound once; refresh() rereads them. */
  words.live = (node, text, params) => {
    words.bind(node, text, params);
    return () => { node.textContent = words.t(text, params); };
  };
  words.setLang = (next) => {
    setLang(next);
    for (const [node, name, text] of attrs) node.setAttribute(name, words.t(text));
  };
  return words;
}

/** Listeners for a widget's changes: { on(fn) → off, emit(detail) }. */
export function changes() {
  const fns = new Set();
  return {
    on(fn) { fns.add(fn); return () => fns.delete(fn); },
    emit(detail) { for (const fn of [...fns]) fn(detail); },
  };
}

/**
 * A slider with a number box beside it, both labelled: { root, value, set(v) }.
 * onInput(v) runs on every change of either.
 */
export function slider(words, { label, text, min, max, step, value, onInput }) {
  const range = h('input', { type: 'range', min, max, step, value });
  const box = h('input', { type: 'number', min, max, step, value, inputmode: 'decimal' });
  words.attr(range, 'aria-label', label);
  words.attr(box, 'aria-label', label);
  const name = words.bind(h('label'), text ?? label);
  const id = `lw-kit-${Math.random().toString(36).slice(2, 9)}`;
  range.id = id;
  name.setAttribute('for', id);
  const clamp = (v) => Math.min(max, Math.max(min, v));
  const api = {
    root: h('div', { class: 'lw-kit-slider' }, name, range, box),
    value: Number(value),
    set(v, { quiet = false } = {}) {
      if (!Number.isFinite(v)) return;
      api.value = clamp(v);
      range.value = String(api.value);
      if (document.activeElement !== box) box.value = String(api.value);
      if (!quiet) onInput?.(api.value);
    },
  };
  range.addEventListener('input', () => { box.value = range.value; api.set(Number(range.value)); });
  box.addEventListener('input', () => { if (box.value.trim() !== '') api.set(Number(box.value)); });
  box.addEventListener('change', () => { box.value = String(api.value); });
  return api;
}

/** A group of radio buttons: { root, value, set(v) }; options [[value, {en, ko}]]. */
export function choice(words, { legend, name, options, value, onChange }) {
  const api = { value };
  const inputs = options.map(([v, text]) => {
    const input = h('input', { type: 'radio', name, value: v, checked: v === value });
    input.addEventListener('change', () => { if (input.checked) { api.value = v; onChange?.(v); } });
    return h('label', {}, input, words.bind(h('span'), text));
  });
  api.root = h('fieldset', { class: 'lw-kit-choice' }, words.bind(h('legend'), legend), ...inputs);
  api.set = (v) => {
    api.value = v;
    for (const label of inputs) { const input = label.querySelector('input'); input.checked = input.value === v; }
    onChange?.(v);
  };
  return api;
}

/**
 * Runs step(i) for i = 0 … total − 1, `perFrame` at a time, one slice per animation frame
 * (a hidden tab gets a timer instead, so a run always finishes); after each slice draw().
 */
export function inSlices(total, perFrame, step, draw) {
  return new Promise((resolve, reject) => {
    let i = 0;
    const next = () => (document.hidden ? setTimeout(tick, 0) : requestAnimationFrame(tick));
    const tick = () => {
      try {
        const end = Math.min(total, i + perFrame);
        for (; i < end; i++) step(i);
        draw();
        if (i < total) next();
        else resolve();
      } catch (error) {
        reject(error);
      }
    };
    next();
  });
}

/** A plot's drawing width for this screen: its text stays readable on a phone. */
export const plotWidth = (max = 640) => Math.round(Math.min(max, Math.max(300, (window.innerWidth || max) - 60)));

addStyle('output-kit-legend', `
.lw-kit-legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; font-size: 14px; color: var(--ink); margin: .25rem 0; }
.lw-kit-legend span { display: inline-flex; align-items: center; gap: .4rem; }
.lw-kit-legend i { display: inline-block; width: 22px; height: 0; border-top: 3px solid; }
.lw-kit-legend i.dash { border-top-style: dashed; }
`);

/** A legend above a plot (so that it never covers a curve): items [{color, dash, text: {en, ko}}]. */
export function legend(words, items) {
  return h('div', { class: 'lw-kit-legend' }, ...items.map(({ color, dash, text }) =>
    h('span', {}, h('i', { class: dash ? 'dash' : null, style: `border-color:${color}` }), words.bind(h('span'), text))));
}

/** A number for a table cell: 4 significant digits and a real minus sign. */
export const num = (v) => formatReadout(v, 4).replace(/^-/, '−');
