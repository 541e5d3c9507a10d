// "A colour photo is three grids": a real photo at 32 × 32 (the size of a CIFAR-10 picture;
// NASA's portrait of Eileen Collins, public domain, assets/README.md) beside its red, green and
// blue channels, each a grid of 1,024 numbers from 0 to 255. Pointing at a pixel of any of the
// four pictures shows its three numbers, the 5 × 5 numbers around it in each channel, and where
// the three land among the 3,072 inputs in PyTorch's [C, H, W] order, scaled to [0, 1]:
//   x[c·H·W + r·W + col] = value / 255     (c = 0 red, 1 green, 2 blue).
// The pointer previews; a click, a tap or the arrow keys (the photo is the one tab stop) pick.
//
//   { widget: 'rgb', make: inputPhoto() }
//
// The widget object: { root, setLang, ready, size, cursor, picked, pixel(r, c) → [R, G, B],
// inputsAt(r, c) → [{ index, value }] per channel, pick(cell), onChange(fn) → unsubscribe }.
// `cursor` is the {r, c} shown (the pointer's, else the picked one), `picked` the last cell
// clicked, tapped or reached by the keys. `ready` resolves once the photo is read (or failed).
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, wordsFor } from './common.js';

const PHOTO = new URL('../assets/astronaut-32.png', import.meta.url);
const SIZE = 32;
const NEAR = 5; // numbers per side around the cursor
const START = { r: 22, c: 8 }; // the orange suit: much red, little blue

const CHANNELS = [
  { rgb: [1, 0, 0], name: { en: 'Red (R)', ko: '빨강(R)' } },
  { rgb: [0, 1, 0], name: { en: 'Green (G)', ko: '초록(G)' } },
  { rgb: [0, 0, 1], name: { en: 'Blue (B)', ko: '파랑(B)' } },
];

const W = {
  photo: { en: 'The photo, 32 × 32', ko: '사진 (32 × 32)' },
  photoLabel: { en: 'The 32 × 32 photo. Point at a pixel, or focus here and use the arrow keys, to read its three numbers.', ko: '32 × 32 사진. 픽셀을 가리키거나, 여기를 선택하고 화살표 키를 누르면 그 픽셀의 세 숫자가 보입니다.' },
  gridLabel: { en: 'The channel {name}: 32 × 32 numbers from 0 to 255, drawn as brightness', ko: '{name} 채널: 0부터 255까지의 숫자 32 × 32개를 밝기로 그린 격자' },
  nearLabel: { en: 'The channel {name}: the numbers around row {row}, column {col}', ko: '{name} 채널: {row}행 {col}열 주변의 숫자' },
  cell: { en: 'Row {row}, column {col}: R {r}, G {g}, B {b}', ko: '{row}행 {col}열: R {r}, G {g}, B {b}' },
  inputs: { en: 'As inputs (÷ 255): x[{ir}] = {xr}, x[{ig}] = {xg}, x[{ib}] = {xb}', ko: '입력으로는(÷ 255): x[{ir}] = {xr}, x[{ig}] = {xg}, x[{ib}] = {xb}' },
  count: {
    en: '3 channels × 32 × 32 = {n} inputs: first the 1,024 reds, x[0] … x[1023], then the greens, x[1024] … x[2047], then the blues, x[2048] … x[3071].',
    ko: '채널 3개 × 32 × 32 = 입력 {n}개. 빨강 1,024개(x[0] … x[1023])가 먼저, 그다음 초록(x[1024] … x[2047]), 마지막이 파랑(x[2048] … x[3071])입니다.',
  },
  loading: { en: 'Loading the photo…', ko: '사진을 불러오는 중…' },
  failed: { en: 'The photo could not be loaded ({message}). Reload the page to try again.', ko: '사진을 불러오지 못했습니다({message}). 페이지를 새로 고쳐 다시 시도해 보세요.' },
};

const CSS = `
.lw-rgb .panels { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1rem .75rem; align-items: start; }
.lw-rgb h3 { margin: 0 0 .35rem; font-size: 14px; font-weight: 650; }
.lw-rgb .frame { position: relative; border: 1px solid #c9d2dc; border-radius: 4px; overflow: hidden; cursor: crosshair; touch-action: manipulation; }
.lw-rgb .frame:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.lw-rgb .frame canvas { display: block; width: 100%; aspect-ratio: 1; image-rendering: pixelated; }
.lw-rgb .mark { position: absolute; box-sizing: border-box; border: 2px solid #fff; outline: 1.5px solid #0072b2; pointer-events: none; }
.lw-rgb .near { width: 100%; margin-top: .4rem; border-collapse: collapse; table-layout: fixed; font: 12px/1.9 var(--mono); text-align: center; }
.lw-rgb .near td { padding: 0; border: 1px solid var(--card); }
.lw-rgb .near td.here { outline: 2px solid #0072b2; outline-offset: -2px; font-weight: 700; }
.lw-rgb .swatch { margin-top: .4rem; height: 2.2rem; border: 1px solid #c9d2dc; border-radius: 4px; }
.lw-rgb .readout { margin: .75rem 0 0; font-variant-numeric: tabular-nums; font-size: 15px; }
.lw-rgb .readout + .readout { margin-top: .15rem; font: 14px var(--mono); overflow-wrap: anywhere; }
@media (max-width: 700px) { .lw-rgb .panels { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;

/** The photo's pixels as RGBA bytes, read through a canvas; rejects with a reason. */
async function readPhoto() {
  const img = new Image();
  img.src = PHOTO.href;
  await img.decode();
  if (img.naturalWidth !== SIZE || img.naturalHeight !== SIZE) throw new Error(`${img.naturalWidth} × ${img.naturalHeight}, not ${SIZE} × ${SIZE}`);
  const g = h('canvas', { width: SIZE, height: SIZE }).getContext('2d', { willReadFrequently: true });
  g.drawImage(img, 0, 0);
  return g.getImageData(0, 0, SIZE, SIZE).data;
}

/** A channel value's colour (black to full red, green or blue) and a legible text colour on it. */
const tint = (rgb, v) => `rgb(${rgb.map((k) => k * v).join(',')})`;
const inkOn = (rgb, v) => ((0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) * v > 140 ? '#1f2933' : '#fff');

export function inputPhoto() {
  return (ctx) => {
    addStyle('input-photo', CSS);
    const words = wordsFor(ctx.lang);
    const listeners = new Set();
    let rgba = null; // Uint8ClampedArray(32 · 32 · 4) once read
    let hover = null;
    let problem = null;

    const canvas = () => h('canvas', { width: SIZE, height: SIZE, role: 'img' });
    const mark = () => h('span', { class: 'mark', hidden: true });
    const frames = [{ canvas: canvas(), mark: mark() }, ...CHANNELS.map(() => ({ canvas: canvas(), mark: mark() }))];
    for (const f of frames) f.root = h('div', { class: 'frame' }, f.canvas, f.mark);
    const photoFrame = frames[0].root;
    photoFrame.setAttribute('tabindex', '0');
    const swatch = h('div', { class: 'swatch', 'aria-hidden': 'true' });
    const tables = CHANNELS.map(() => h('table', { class: 'near' }));
    const cellLine = h('p', { class: 'readout', 'aria-live': 'polite' });
    const inputsLine = h('p', { class: 'readout' });
    const countLine = h('p', { class: 'lw-readout' });

    const pixel = (r, c) => {
      const i = (r * SIZE + c) * 4;
      return [rgba[i], rgba[i + 1], rgba[i + 2]];
    };
    const inputsAt = (r, c) => pixel(r, c).map((v, ch) => ({ index: ch * SIZE * SIZE + r * SIZE + c, value: v / 255 }));

    function drawChannels() {
      const g0 = frames[0].canvas.getContext('2d');
      const photo = g0.createImageData(SIZE, SIZE);
      photo.data.set(rgba);
      g0.putImageData(photo, 0, 0);
      CHANNELS.forEach(({ rgb }, ch) => {
        const g = frames[ch + 1].canvas.getContext('2d');
        const img = g.createImageData(SIZE, SIZE);
        for (let p = 0; p < SIZE * SIZE; p++) {
          const v = rgba[p * 4 + ch];
          img.data.set([rgb[0] * v, rgb[1] * v, rgb[2] * v, 255], p * 4);
        }
        g.putImageData(img, 0, 0);
      });
    }

    function show() {
      const at = widget.cursor;
      if (problem || !rgba) {
        cellLine.textContent = problem ? words.t(W.failed, { message: problem }) : words.t(W.loading);
        inputsLine.textContent = '';
      } else {
        const [r, g, b] = pixel(at.r, at.c);
        const [ir, ig, ib] = inputsAt(at.r, at.c);
        cellLine.textContent = words.t(W.cell, { row: at.r, col: at.c, r, g, b });
        inputsLine.textContent = words.t(W.inputs, {
          ir: ir.index, ig: ig.index, ib: ib.index, xr: ir.value.toFixed(3), xg: ig.value.toFixed(3), xb: ib.value.toFixed(3),
        });
        swatch.style.background = `rgb(${r},${g},${b})`;
        CHANNELS.forEach((channel, ch) => showNear(tables[ch], channel, ch, at));
      }
      countLine.textContent = words.t(W.count, { n: formatReadout(3 * SIZE * SIZE) });
      frames[0].canvas.setAttribute('aria-label', words.t(W.photoLabel));
      CHANNELS.forEach(({ name }, ch) => frames[ch + 1].canvas.setAttribute('aria-label', words.t(W.gridLabel, { name: words.t(name) })));
      for (const f of frames) {
        f.mark.hidden = !rgba;
        Object.assign(f.mark.style, { left: pct(at.c), top: pct(at.r), width: pct(1), height: pct(1) });
      }
    }
    const pct = (cells) => `${(cells * 100) / SIZE}%`;

    // The NEAR × NEAR numbers of one channel around the cursor (blank past the edge).
    function showNear(table, { rgb, name }, ch, at) {
      const half = Math.floor(NEAR / 2);
      table.setAttribute('aria-label', words.t(W.nearLabel, { name: words.t(name), row: at.r, col: at.c }));
      table.replaceChildren(...Array.from({ length: NEAR }, (_, i) => h('tr', {}, ...Array.from({ length: NEAR }, (__, j) => {
        const r = at.r - half + i;
        const c = at.c - half + j;
        if (r < 0 || c < 0 || r >= SIZE || c >= SIZE) return h('td', {});
        const v = pixel(r, c)[ch];
        const td = h('td', { class: i === half && j === half ? 'here' : null }, String(v));
        Object.assign(td.style, { background: tint(rgb, v), color: inkOn(rgb, v) });
        return td;
      }))));
    }

    const notify = () => { for (const fn of listeners) fn(widget); };
    const moveTo = (cell, { pick = false } = {}) => {
      if (!rgba) return;
      if (pick) widget.picked = cell;
      const shown = hover ?? widget.picked;
      if (shown.r === widget.cursor.r && shown.c === widget.cursor.c && !pick) return;
      widget.cursor = shown;
      show();
      notify();
    };
    const cellAt = (frame, e) => {
      const box = frame.getBoundingClientRect();
      const c = Math.floor(((e.clientX - box.left) / box.width) * SIZE);
      const r = Math.floor(((e.clientY - box.top) / box.height) * SIZE);
      return r >= 0 && c >= 0 && r < SIZE && c < SIZE ? { r, c } : null;
    };
    for (const { root: frame } of frames) {
      frame.addEventListener('pointermove', (e) => {
        if (e.pointerType !== 'mouse') return;
        hover = cellAt(frame, e);
        if (hover) moveTo(hover);
      });
      frame.addEventListener('pointerleave', () => { hover = null; moveTo(widget.picked); });
      frame.addEventListener('pointerdown', (e) => {
        const cell = cellAt(frame, e);
        if (cell) { hover = null; moveTo(cell, { pick: true }); }
      });
    }
    photoFrame.addEventListener('keydown', (e) => {
      const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      if (!moves[e.key]) return;
      e.preventDefault();
      const step = e.shiftKey ? 4 : 1;
      const clamp = (v) => Math.max(0, Math.min(SIZE - 1, v));
      const [dr, dc] = moves[e.key];
      hover = null;
      moveTo({ r: clamp(widget.picked.r + dr * step), c: clamp(widget.picked.c + dc * step) }, { pick: true });
    });

    const column = (title, frame, under) => h('div', {}, words.bind(h('h3'), title), frame, under);
    const root = h('div', { class: 'lw-card lw-rgb' },
      h('div', { class: 'panels' },
        column(W.photo, photoFrame, swatch),
        ...CHANNELS.map(({ name }, ch) => column(name, frames[ch + 1].root, tables[ch]))),
      cellLine, inputsLine, countLine);

    const widget = {
      root,
      size: SIZE,
      cursor: START,
      picked: START,
      pixel,
      inputsAt,
      pick: (cell) => moveTo(cell, { pick: true }),
      setLang(lang) { words.setLang(lang); show(); },
      onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    };
    widget.ready = readPhoto().then((data) => {
      rgba = data;
      drawChannels();
    }, (error) => {
      problem = error?.message || String(error);
      console.warn('input-photo:', problem);
    }).then(show);
    show();
    return widget;
  };
}
