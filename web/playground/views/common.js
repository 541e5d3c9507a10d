// What every view needs beyond web/lib/ (whose dom.js, canvas.js and format.js the views use
// directly) and none should write twice: translated text with an English fallback, activation
// names, the page's theme for canvases, the floating read-out, axis ticks and the regression
// colour scale. The views' classes are styled by views.css, which the stylesheet of each
// element that shows views imports.
import { el } from '../../lib/dom.js';
import { translator as tableTranslator } from '../../lib/i18n.js';
import { VIEW_STRINGS } from './strings.js';

const viewText = tableTranslator(VIEW_STRINGS);

/**
 * A translator that always answers: the playground's t(key, params) when it knows the key,
 * else the English text of VIEW_STRINGS, else the key itself.
 */
export function translator(t) {
  return (key, params) => {
    const s = typeof t === 'function' ? t(key, params) : undefined;
    if (typeof s === 'string' && s !== key && s !== '') return s;
    return viewText('en', key, params);
  };
}

const ACTIVATION_ENGLISH = {
  identity: 'linear', leaky_relu: 'leaky ReLU', relu: 'ReLU', tanh: 'tanh', sigmoid: 'sigmoid',
  softmax: 'softmax',
};

/** An activation's name in the UI's language (the playground's activation.* strings). */
export function activationLabel(t, type) {
  const key = `activation.${type === 'identity' ? 'linear' : type}`;
  const s = t(key);
  return s && s !== key ? s : (ACTIVATION_ENGLISH[type] ?? type);
}

/** Reads a few CSS custom properties of node for drawing on a canvas (which cannot use var()). */
export function themeOf(node) {
  const cs = getComputedStyle(node);
  const get = (name, dflt) => cs.getPropertyValue(name).trim() || dflt;
  return {
    ink: get('--ink', '#1f2933'),
    muted: get('--muted', '#5f6b7a'),
    line: get('--line', '#e3e7ec'),
    card: get('--card', '#ffffff'),
    accent: get('--accent', '#0072B2'),
    font: cs.fontFamily || 'system-ui, sans-serif',
  };
}

/**
 * The floating read-out of a view: a small dark label that follows the pointer (or the
 * keyboard's focus) inside `host` (positioned), kept within host's box. It is also a polite
 * live region, so a screen reader hears what a keyboard user moves to.
 */
export class Readout {
  constructor(host) {
    this.host = host;
    this.node = el('div', { class: 'lw-tip', role: 'status', 'aria-live': 'polite' }, host);
    this.text = '';
    this.hide();
  }

  /** Shows lines of text (an array, or one string) with its anchor at (x, y) in host's pixels. */
  show(lines, x, y) {
    const text = Array.isArray(lines) ? lines.join('\n') : lines;
    if (text !== this.text) {
      this.text = text;
      this.node.replaceChildren(...text.split('\n').map((line, i) => el('div', {
        class: i === 0 ? 'lw-tip-head' : 'lw-tip-line', text: line,
      })));
    }
    this.node.hidden = false;
    const hw = this.host.clientWidth;
    const w = this.node.offsetWidth;
    const h = this.node.offsetHeight;
    let left = x + 14;
    if (left + w > hw - 2) left = x - 14 - w;
    if (left < 2) left = Math.max(2, Math.min(hw - w - 2, x - w / 2));
    let top = y - h - 12;
    if (top < 2) top = y + 16;
    this.node.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  hide() {
    this.node.hidden = true;
  }

  get visible() {
    return !this.node.hidden;
  }
}


/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Largest |target| of the data: regression colours run from −it to +it. */
export function targetScale(data) {
  let m = 0;
  for (const set of [data?.train, data?.test]) {
    if (!set) continue;
    for (const v of set.y) if (Math.abs(v) > m) m = Math.abs(v);
  }
  return m > 0 ? m : 1;
}
