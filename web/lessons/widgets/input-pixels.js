// "A picture is a grid of numbers": the sketch pad's drawing pad, the 28 × 28 picture the
// network reads (the sketch pad's InputView, with its lens), and the same 784 numbers laid out
// as the one long vector x[0..783] that nn.Linear(784, …) takes.
//
//   { widget: 'pixels', make: inputPixels() }
//
// The widget object: { root, setLang, pad, view, image, nonZero, source, onChange(fn) }.
// `image` is the Float32Array(784) of the drawing (row-major, ink 1, paper 0), `source` says who
// drew it ('pen', 'example' or null when empty), `view.cursor` is the lens's {r, c} or null;
// onChange(fn) calls fn(widget) after every change of the drawing or the lens and returns the
// unsubscribe.
import { SketchPad } from '../../lib/pad.js';
import { InputView } from '../../lib/input-view.js';
import { SIZE, preprocess } from '../../lib/preprocess.js';
import { relabel } from '../../lib/dom.js';
import { translator } from '../../lib/i18n.js';
import { h } from '../../lib/dom.js';
import { addStyle, wordsFor } from './common.js';

const N = SIZE * SIZE;

// The texts of the pad and the 28 × 28 input view, which show them by these keys (the sketch
// pad gives the same keys its own, shorter texts).
const PIXEL_STRINGS = {
  en: {
    'pad.label': 'Drawing pad: draw with the mouse, a finger or a pen',
    'input.label': 'The 28 × 28 input: each square is one number. Arrow keys move the lens.',
    'input.summary': 'Point at a square (or focus the grid and use the arrow keys) to read its number.',
    'input.cell': 'Row {row}, column {col}: {value}. This is input x[{index}] of 784 ({row} × 28 + {col}).',
  },
  ko: {
    'pad.label': '그림판: 마우스, 손가락, 펜으로 그리세요',
    'input.label': '28 × 28 입력: 한 칸이 숫자 하나입니다. 화살표 키로 돋보기를 움직입니다.',
    'input.summary': '칸을 가리키면(또는 격자를 선택하고 화살표 키를 누르면) 그 칸의 숫자가 보입니다.',
    'input.cell': '{row}행 {col}열: {value}. 784개 입력 중 x[{index}]입니다 ({row} × 28 + {col}).',
  },
};
const pixelText = translator(PIXEL_STRINGS);

const W = {
  draw: { en: 'Draw here', ko: '여기에 그리세요' },
  sees: { en: 'What the network reads: 28 × 28', ko: '네트워크가 읽는 것: 28 × 28' },
  vector: { en: 'The same numbers in one row: x[0] … x[783]', ko: '같은 숫자를 한 줄로: x[0] … x[783]' },
  stripLabel: { en: 'The 784 inputs as one vector, x[0] on the left, x[783] on the right', ko: '784개 입력을 한 줄로 늘어놓은 벡터, 왼쪽이 x[0], 오른쪽이 x[783]' },
  clear: { en: 'Clear', ko: '지우기' },
  undo: { en: 'Undo stroke', ko: '한 획 취소' },
  example: { en: 'Draw an example 3', ko: '예시로 3 그리기' },
  count: { en: 'Non-zero inputs: {n} of 784', ko: '0이 아닌 입력: 784개 중 {n}개' },
};

// A "3" in pad units (two bowls), for readers who cannot draw with a pointer.
const EXAMPLE = [
  [0.32, 0.24, 0.42, 0.18, 0.56, 0.18, 0.66, 0.26, 0.65, 0.38, 0.55, 0.46, 0.44, 0.48],
  [0.44, 0.48, 0.58, 0.5, 0.68, 0.6, 0.67, 0.73, 0.56, 0.82, 0.42, 0.83, 0.3, 0.76],
];

const CSS = `
.lw-pixels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem 1.5rem; align-items: start; }
.lw-pixels h3 { margin: 0 0 .4rem; font-size: 15px; font-weight: 650; }
.lw-pixels .pad-frame { position: relative; border: 1px solid #c9d2dc; border-radius: 10px; overflow: hidden; max-width: 336px;
  background: linear-gradient(#eef2f6 1px, transparent 1px) 0 0 / 25% 25%, linear-gradient(90deg, #eef2f6 1px, transparent 1px) 0 0 / 25% 25%, #fff; }
.lw-pixels .pad { display: block; width: 100%; aspect-ratio: 1; touch-action: none; cursor: crosshair; }
.lw-pixels .input-view { display: flex; flex-direction: column; gap: 8px; }
.lw-pixels .grid { display: block; width: 100%; max-width: 336px; aspect-ratio: 1; border: 1px solid #c9d2dc; border-radius: 4px; cursor: crosshair; touch-action: manipulation; }
.lw-pixels .grid:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.lw-pixels .grid-readout { min-height: 3.2em; margin: 0; font-size: 14px; font-variant-numeric: tabular-nums; }
.lw-pixels .strip-box { grid-column: 1 / -1; }
.lw-pixels .strip { display: block; width: 100%; height: 36px; border: 1px solid #c9d2dc; border-radius: 4px; image-rendering: pixelated; }
.lw-pixels .strip-ends { display: flex; justify-content: space-between; font: 12px var(--mono); color: var(--muted); }
@media (max-width: 700px) { .lw-pixels { grid-template-columns: minmax(0, 1fr); } }
`;

export function inputPixels() {
  return (ctx) => {
    addStyle('input-pixels', CSS);
    const words = wordsFor(ctx.lang);
    const t = (key, params) => pixelText(words.lang, key, params);
    const listeners = new Set();
    const widget = { image: new Float32Array(N), nonZero: 0, source: null };
    const notify = () => { for (const fn of listeners) fn(widget); };

    const count = h('p', { class: 'lw-readout', 'aria-live': 'polite' });
    const strip = h('canvas', { class: 'strip', width: N, height: 1, role: 'img' });
    const view = new InputView({ t });
    let source = null;
    const pad = new SketchPad({
      change: (strokes, drawing) => {
        if (!drawing && source === 'example-pending') source = 'example';
        else if (drawing) source = 'pen';
        update(strokes);
      },
    });
    pad.canvas.setAttribute('tabindex', '-1');

    const update = (strokes) => {
      const image = strokes.length ? preprocess(strokes) : new Float32Array(N);
      widget.image = image;
      widget.nonZero = image.reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
      widget.source = strokes.length ? (source === 'example' ? 'example' : 'pen') : null;
      view.update(image);
      drawStrip();
      count.textContent = words.t(W.count, { n: widget.nonZero });
      notify();
    };

    const drawStrip = () => {
      const g = strip.getContext('2d');
      const data = g.createImageData(N, 1);
      const at = view.cursor ? view.cursor.r * SIZE + view.cursor.c : -1;
      for (let i = 0; i < N; i++) {
        const v = widget.image[i];
        const grey = Math.round(255 - (255 - 31) * v);
        const mark = i === at;
        data.data.set(mark ? [0, 114, 178, 255] : [grey, grey, Math.round(255 - (255 - 51) * v), 255], i * 4);
      }
      g.putImageData(data, 0, 0);
    };

    // The lens moves on pointer and key events of the grid; read it after InputView has.
    const lensMoved = () => setTimeout(() => { drawStrip(); notify(); }, 0);
    for (const type of ['pointermove', 'pointerdown', 'pointerleave', 'keydown', 'focus']) view.canvas.addEventListener(type, lensMoved);

    const button = (text, onclick) => h('button', { type: 'button', class: 'lw-button', onclick }, words.bind(h('span'), text));
    const tools = h('div', { class: 'lw-controls' },
      button(W.undo, () => pad.undo()),
      button(W.clear, () => { source = null; pad.clear(); }),
      button(W.example, () => { source = 'example-pending'; pad.set(EXAMPLE); }));

    const root = h('div', { class: 'lw-card' },
      h('div', { class: 'lw-pixels' },
        h('div', {}, words.bind(h('h3'), W.draw), pad.root, tools),
        h('div', {}, words.bind(h('h3'), W.sees), view.root, count),
        h('div', { class: 'strip-box' }, words.bind(h('h3'), W.vector), strip,
          h('div', { class: 'strip-ends', 'aria-hidden': 'true' }, h('span', {}, 'x[0]'), h('span', {}, 'x[783]')))));

    const setLang = (lang) => {
      words.setLang(lang);
      relabel(root, t);
      view.relabel(t);
      strip.setAttribute('aria-label', words.t(W.stripLabel));
      count.textContent = words.t(W.count, { n: widget.nonZero });
    };
    setLang(ctx.lang);
    update([]);

    return Object.assign(widget, {
      root,
      setLang,
      pad,
      view,
      onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    });
  };
}
