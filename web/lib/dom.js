// Small DOM builders for every page: the playground's panels, the sketch pad, the lessons and
// their widgets, and the views.
//
// h() builds controls whose texts carry their string key: data-t (text), data-t-label
// (aria-label), data-t-title (title), data-t-group (an optgroup's label) or
// data-t-placeholder, with data-t-params for the {placeholders}. One call to relabel(root, t)
// then puts a whole element into another language in place: what the learner made, the focus
// and the scroll position stay. el() and svg() are the views' plainer builders (attributes as
// given, appended to a parent), for nodes they rebuild often.
//
// A `style` given to any of them is set through CSSOM (node.style.cssText), never as a style=""
// attribute: a strict Content Security Policy (style-src 'self', docs/embedding.md) blocks
// the attribute but not CSSOM. Fixed looks belong in the stylesheets as classes; `style`
// carries what is computed (a class's colour, often as a custom property such as --swatch).

let uid = 0;
/** A page-unique id with a readable prefix (label `for`, aria-describedby). */
export const newId = (prefix) => `lw-${prefix}-${++uid}`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const DATA_KEYS = {
  t: 't', 't-label': 'tLabel', 't-title': 'tTitle', 't-group': 'tGroup', 't-placeholder': 'tPlaceholder',
};
const SVG = new Set(['svg', 'path', 'polyline', 'polygon', 'line', 'rect', 'g', 'text', 'circle', 'defs', 'clipPath']);

/**
 * h('button', {class: 'x', 't-label': 'play', onclick}, child, ...): an element. Attributes
 * named t, t-label, t-title, t-group, t-placeholder become data-t* keys; on* functions become
 * listeners; a `params` object fills the string's {placeholders}; `style` goes through CSSOM;
 * null/false attributes are left out; the SVG tags above are made in the SVG namespace.
 */
export function h(tag, attrs = {}, ...children) {
  const svg = SVG.has(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name in DATA_KEYS) el.dataset[DATA_KEYS[name]] = value;
    else if (name === 'params') el.dataset.tParams = JSON.stringify(value);
    else if (name === 'value' && !svg) el.value = value;
    else if (name === 'checked' || name === 'disabled' || name === 'hidden') el[name] = Boolean(value);
    else if (name === 'style') el.style.cssText = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function made(node, attrs, parent) {
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'style') node.style.cssText = v;
    else node.setAttribute(k, v);
  }
  if (parent) parent.appendChild(node);
  return node;
}

/** An HTML element with attributes as given (`text`: its text; `style` through CSSOM), appended to parent if given. */
export function el(tag, attrs = {}, parent = null) {
  return made(document.createElement(tag), attrs, parent);
}

/** An SVG element with attributes as given (`text`: its text; `style` through CSSOM), appended to parent if given. */
export function svg(tag, attrs = {}, parent = null) {
  return made(document.createElementNS(SVG_NS, tag), attrs, parent);
}

/** Sets the key (and params) of an element's text and relabels it now. */
export function setText(el, key, params, t) {
  el.dataset.t = key;
  if (params) el.dataset.tParams = JSON.stringify(params);
  else delete el.dataset.tParams;
  if (t) relabelOne(el, t);
}

/**
 * Puts root into an element's shadow root after a <link> to its stylesheet, hidden until the
 * stylesheet has loaded (or failed), so unstyled controls never flash.
 */
export function attachStyled(shadow, stylesheet, root) {
  const link = h('link', { rel: 'stylesheet', href: stylesheet });
  root.style.visibility = 'hidden';
  const show = () => root.style.removeProperty('visibility');
  link.addEventListener('load', show);
  link.addEventListener('error', show);
  shadow.append(link, root);
}

/**
 * An element's status line: box (class "message <kind>") shows message {key, params, kind}
 * in the language of t, with an action button {key, name, onclick} after it if given (Undo,
 * Try again); null hides it.
 */
export function showMessage(box, message, t, action = null) {
  box.hidden = !message;
  if (!message) return;
  box.className = `message ${message.kind}`;
  const text = h('span', {});
  setText(text, message.key, message.params, t);
  const parts = [text];
  if (action) parts.push(h('button', { type: 'button', class: `btn small ${action.name}`, onclick: action.onclick }, t(action.key)));
  box.replaceChildren(...parts);
}

/** Puts one marked element's text into the language of t. */
export function relabelOne(el, t) {
  const params = el.dataset.tParams ? JSON.parse(el.dataset.tParams) : undefined;
  if (el.dataset.t) el.textContent = t(el.dataset.t, params);
  if (el.dataset.tLabel) el.setAttribute('aria-label', t(el.dataset.tLabel, params));
  if (el.dataset.tTitle) el.title = t(el.dataset.tTitle, params);
  if (el.dataset.tGroup) el.label = t(el.dataset.tGroup, params);
  if (el.dataset.tPlaceholder) el.placeholder = t(el.dataset.tPlaceholder, params);
}

/** Puts every marked text under root (root included, when it is an element) into the language of t. */
export function relabel(root, t) {
  if (root.dataset) relabelOne(root, t);
  const marked = '[data-t], [data-t-label], [data-t-title], [data-t-group], [data-t-placeholder]';
  for (const el of root.querySelectorAll(marked)) relabelOne(el, t);
}

/**
 * Help a learner can reach by touch, keyboard and screen reader: an info button (named "More
 * about <the label>" by the key `help.more` and the element labelId) that shows or hides a short
 * explanation (the string `hint`) in place; the explanation is the control's aria-describedby,
 * so a screen reader reads it with the control. Escape inside `scope` hides it again and gives
 * the focus back to the button. Returns {button, tip}; the caller places both.
 */
export function infoFor(control, hint, labelId) {
  const tip = h('p', { class: 'info-tip', id: newId('tip'), role: 'note', t: hint, hidden: true });
  const more = h('span', { class: 'vh', id: newId('more'), t: 'help.more' });
  const button = h('button', {
    type: 'button', class: 'info-button', 'aria-expanded': 'false', 'aria-controls': tip.id,
    'aria-labelledby': `${more.id} ${labelId}`, onclick: () => showTip(button, tip, tip.hidden),
  }, more, icon(ICONS.info));
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), tip.id].filter(Boolean).join(' '));
  return { button, tip };
}

function showTip(button, tip, show) {
  tip.hidden = !show;
  button.setAttribute('aria-expanded', String(show));
}

// Escape in a field whose explanation is open closes it and puts the focus on its info button.
function closeOnEscape(scope, info) {
  scope.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || info.tip.hidden) return;
    showTip(info.button, info.tip, false);
    info.button.focus();
    e.stopPropagation();
  });
}

/**
 * A labelled control: <div class="field"><label for>text</label>control [output]</div>; with a
 * hint (a string key), the label's row also holds an info button and the field ends with the
 * explanation it opens (infoFor).
 */
export function field(labelKey, control, { output, hint, className = '' } = {}) {
  control.id ||= newId('f');
  const label = h('label', { for: control.id, id: newId('label'), t: labelKey });
  if (!hint) return h('div', { class: `field ${className}`.trim() }, label, control, output ?? null);
  const info = infoFor(control, hint, label.id);
  const root = h('div', { class: `field has-info ${className}`.trim() },
    h('div', { class: 'field-head' }, label, info.button), control, output ?? null, info.tip);
  closeOnEscape(root, info);
  return root;
}

/** <select> of [value, key] pairs (or groups {group: key, options: [...]}). */
export function select(options, onchange) {
  const el = h('select', { onchange: () => onchange(el.value) });
  for (const o of options) {
    if (o.group) {
      el.append(h('optgroup', { 't-group': o.group }, ...o.options.map(option)));
    } else {
      el.append(option(o));
    }
  }
  return el;
}

function option([value, key, params]) {
  return key === null ? h('option', { value }, String(value)) : h('option', { value, t: key, params });
}

/** Gives a <select> the value, adding an option for it when it is not one of the presets. */
export function setSelect(el, value, format = String) {
  const text = String(value);
  if (![...el.options].some((o) => o.value === text)) {
    const extra = h('option', { value: text, 'data-extra': '' }, format(value));
    const after = [...el.options].find((o) => !o.dataset.extra && Number(o.value) > Number(value));
    el.insertBefore(extra, after ?? null);
  }
  for (const o of [...el.options]) if (o.dataset.extra && o.value !== text) o.remove();
  el.value = text;
}

/**
 * A checkbox with its label after it: {label, input}; with a hint, `label` is a wrapper that
 * also holds the info button and its explanation (infoFor).
 */
export function toggle(labelKey, onchange, { hint } = {}) {
  const input = h('input', { type: 'checkbox', id: newId('c'), onchange: () => onchange(input.checked) });
  const text = h('span', { id: newId('label'), t: labelKey });
  const label = h('label', { class: 'toggle', for: input.id }, input, text);
  if (!hint) return { label, input };
  const info = infoFor(input, hint, text.id);
  const wrap = h('span', { class: 'toggle-wrap has-info' }, label, info.button, info.tip);
  closeOnEscape(wrap, info);
  return { label: wrap, input };
}

/** A range slider with a live read-out. */
export function range({ min, max, step, format = String }, onchange) {
  const input = h('input', { type: 'range', min, max, step });
  const out = h('output', { class: 'readout', 'aria-hidden': 'true' });
  const show = () => {
    out.textContent = format(Number(input.value));
    input.setAttribute('aria-valuetext', out.textContent);
  };
  input.addEventListener('input', show);
  input.addEventListener('change', () => onchange(Number(input.value)));
  return { input, out, set: (v) => { input.value = v; show(); } };
}

/** An inline SVG icon from a 24×24 path (one of ICONS). */
export function icon(d) {
  return h('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: 'icon', focusable: 'false' }, h('path', { d }));
}

/** The icons of the playground and the sketch pad: 24×24 SVG paths. */
export const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  stop: 'M6 6h12v12H6z',
  stepEpoch: 'M6 5v14l9-7zM16 5h3v14h-3z',
  stepBatch: 'M5 11h9V6l7 6-7 6v-5H5z',
  reset: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
  regenerate: 'M17.7 6.3A8 8 0 1 0 20 12h-2a6 6 0 1 1-1.8-4.2L13 11h7V4z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  minus: 'M5 11h14v2H5z',
  undo: 'M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.9 7.9 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.5 10.5 0 0 0 12.5 8z',
  clear: 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  copy: 'M8 3h11v13h-2V5H8zM5 7h10v14H5z',
  embed: 'M8.6 16.6 4 12l4.6-4.6L7.2 6l-6 6 6 6zm6.8 0L20 12l-4.6-4.6L16.8 6l6 6-6 6z',
  download: 'M11 4h2v8l3-3 1.4 1.4L12 15.8 6.6 10.4 8 9l3 3zM5 18h14v2H5z',
  upload: 'M11 16h2V8l3 3 1.4-1.4L12 4.2 6.6 9.6 8 11l3-3zM5 18h14v2H5z',
  info: 'M11 10h2v7h-2zM11 7h2v2h-2zM12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16z',
  sparkle: 'M12 2l2.2 6.3L20.5 10l-6.3 2.2L12 18.5l-2.2-6.3L3.5 10l6.3-1.7zM19 15l1 2.7 2.7 1-2.7 1L19 22.5l-1-2.8-2.7-1 2.7-1z',
};
