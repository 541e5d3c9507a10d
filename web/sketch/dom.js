// Small DOM builders for the sketch element. A text a learner reads is marked with its string
// key (data-t for text, data-t-label for aria-label, data-t-title for title, data-t-placeholder),
// so relabel() puts the whole element into another language in place: drawings, focus and the
// run stay as they are.

let uid = 0;
/** A page-unique id with a readable prefix. */
export const newId = (prefix) => `lws-${prefix}-${++uid}`;

const DATA_KEYS = { t: 't', 't-label': 'tLabel', 't-title': 'tTitle', 't-placeholder': 'tPlaceholder' };
const SVG = new Set(['svg', 'path', 'polyline', 'line', 'rect', 'g', 'text', 'circle']);

/**
 * h('button', {class: 'btn', t: 'train.go', params: {n: 30}, onclick}, ...children): an element.
 * t, t-label, t-title, t-placeholder become data-t* keys; on* functions become listeners;
 * null, undefined and false attributes are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const svg = SVG.has(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name in DATA_KEYS) el.dataset[DATA_KEYS[name]] = value;
    else if (name === 'params') el.dataset.tParams = JSON.stringify(value);
    else if (name === 'value' && !svg) el.value = value;
    else if (name === 'checked' || name === 'disabled' || name === 'hidden') el[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Puts one marked element's texts into the language of t. */
export function relabelOne(el, t) {
  const params = el.dataset.tParams ? JSON.parse(el.dataset.tParams) : undefined;
  if (el.dataset.t) el.textContent = t(el.dataset.t, params);
  if (el.dataset.tLabel) el.setAttribute('aria-label', t(el.dataset.tLabel, params));
  if (el.dataset.tTitle) el.title = t(el.dataset.tTitle, params);
  if (el.dataset.tPlaceholder) el.placeholder = t(el.dataset.tPlaceholder, params);
}

/** Puts every marked text under root (root included) into the language of t. */
export function relabel(root, t) {
  if (root.dataset) relabelOne(root, t);
  for (const el of root.querySelectorAll('[data-t], [data-t-label], [data-t-title], [data-t-placeholder]')) relabelOne(el, t);
}

/** Gives a marked element a new key and params, and relabels it now. */
export function setText(el, key, params, t) {
  el.dataset.t = key;
  if (params) el.dataset.tParams = JSON.stringify(params);
  else delete el.dataset.tParams;
  relabelOne(el, t);
}

/** An inline SVG icon from a 24 × 24 path. */
export function icon(d) {
  return h('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: 'icon', focusable: 'false' }, h('path', { d }));
}

export const ICONS = {
  train: 'M8 5v14l11-7z',
  stop: 'M6 6h12v12H6z',
  undo: 'M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.9 7.9 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.5 10.5 0 0 0 12.5 8z',
  clear: 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  minus: 'M5 11h14v2H5z',
  download: 'M11 4h2v8l3-3 1.4 1.4L12 15.8 6.6 10.4 8 9l3 3zM5 18h14v2H5z',
  upload: 'M11 16h2V8l3 3 1.4-1.4L12 4.2 6.6 9.6 8 11l3-3zM5 18h14v2H5z',
  sparkle: 'M12 2l2.2 6.3L20.5 10l-6.3 2.2L12 18.5l-2.2-6.3L3.5 10l6.3-1.7zM19 15l1 2.7 2.7 1-2.7 1L19 22.5l-1-2.8-2.7-1 2.7-1z',
  reset: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
};
