// What every view needs beyond web/lib/ (whose dom.js, canvas.js and format.js the views use
// directly) and none should write twice: translated text with an English fallback, activation
// names, the page's theme for canvases, the floating read-out, the views' stylesheet, axis
// ticks and the regression colour scale.
//
// The stylesheet uses the page's custom properties when they are set (--ink, --muted, --line,
// --card, --accent, --font) and sensible values when not, so the views look at home inside
// <layerwise-playground>'s shadow root and on a bare test page alike.
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

/** Appends the views' stylesheet to root (once per root). */
export function installStyles(root) {
  el('style', { text: CSS }, root);
}

const CSS = `
.lw-view {
  position: relative;
  font-family: var(--font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--ink, #1f2933);
  font-size: 12px;
  line-height: 1.35;
  -webkit-tap-highlight-color: transparent;
}
.lw-view canvas { display: block; }
.lw-view svg { display: block; overflow: visible; }
.lw-view text { fill: currentColor; font-family: inherit; }
.lw-view .lw-muted { color: var(--muted, #5f6b7a); }
.lw-view [tabindex]:focus { outline: none; }
.lw-view .lw-focusable:focus-visible { outline: 2px solid var(--accent, #0072B2); outline-offset: 2px; border-radius: 4px; }
.lw-tip {
  position: absolute; left: 0; top: 0; z-index: 5;
  pointer-events: none;
  max-width: 17rem;
  padding: 5px 8px;
  border-radius: 6px;
  background: rgba(23, 29, 36, 0.92);
  color: #fff;
  font-size: 12px;
  line-height: 1.4;
  font-variant-numeric: tabular-nums;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
  white-space: nowrap;
}
.lw-tip[hidden] { display: none; }
.lw-tip-head { font-weight: 600; }
.lw-legend {
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px;
  margin-top: 6px; color: var(--muted, #5f6b7a);
}
.lw-legend .lw-key { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
.lw-swatch {
  display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  box-shadow: 0 0 0 1.5px #fff, 0 0 0 2.2px rgba(0, 0, 0, 0.25);
}
.lw-swatch.lw-test { box-shadow: 0 0 0 1.6px #1f2933; }
.lw-swatch.lw-line { width: 18px; height: 0; border-radius: 0; box-shadow: none; border-top: 2px solid; }
.lw-swatch.lw-line.lw-dashed { border-top-style: dashed; }
.lw-ramp { display: inline-block; width: 72px; height: 10px; border-radius: 3px; }
.lw-toggle { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; color: var(--muted, #5f6b7a); }
.lw-toggle input { margin: 0; accent-color: var(--accent, #0072B2); }
.lw-empty { color: var(--muted, #5f6b7a); padding: 12px 0; }
.lw-scroll { overflow-x: auto; overflow-y: hidden; -webkit-overflow-scrolling: touch; }
.lw-badge {
  display: inline-block; padding: 0 5px; border-radius: 8px; font-size: 11px; line-height: 16px;
  background: var(--line, #e3e7ec); color: var(--ink, #1f2933); white-space: nowrap;
}
.lw-badge.lw-warn { background: #FBE3B8; color: #6B4500; }
.lw-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

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
