// The views of <layerwise-images> that only it has: the confusion matrix, the gallery of test
// pictures with their top-3 guesses, the first convolution's filters, and every layer's
// outputs for one picture. Each is a class with a `root` to place, `relabel(t)` and
// `update(...)`; they draw what they are given (the element computes it with model.js) and keep
// no training state. Pictures are drawn grey (0 black, 1 white, as Fashion-MNIST stores them);
// weights in the playground's diverging map (web/lib/palette.js), each tile scaled to its own
// largest value.
//
//   const matrix = new ConfusionView({ t, pick: (truth, guess) => … });
//   matrix.update({ matrix, classes, names, count, right, selected });
//   const gallery = new GalleryView({ t, pick: (index) => … });
//   gallery.update({ items: [{index, pixels, truth, top}], names, total, cell });
//   new FiltersView({ t }).update({ weight, shape });       // [C, in, kh, kw]
//   new LayersView({ t }).update({ input, layers, names, what });   // predict's layers
import { CLASS_COLORS, DIVERGING_STRONG, fillDiverging, rgbToCss, tint } from '../lib/palette.js';
import { h, relabel, setText } from '../lib/dom.js';

const MAX_FILTERS = 32;
const MAX_MAPS = 8;

// The canvas at w × h pixels, its context and a blank ImageData of that size.
function pixelsOf(canvas, w, hgt) {
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== hgt) canvas.height = hgt;
  const ctx = canvas.getContext('2d');
  return { ctx, image: ctx.createImageData(w, hgt) };
}

/** Draws `count` values of `values` from `at` as a w × h grey picture on canvas (lo black, hi white). */
export function drawGrey(canvas, values, at, w, hgt, lo = 0, hi = 1) {
  const { ctx, image } = pixelsOf(canvas, w, hgt);
  const k = hi > lo ? 255 / (hi - lo) : 0;
  for (let i = 0; i < w * hgt; i++) {
    const v = Math.max(0, Math.min(255, (values[at + i] - lo) * k));
    image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** Draws `count` signed values as a w × h picture in the diverging map, scaled to their largest magnitude. */
function drawSigned(canvas, values, at, w, hgt) {
  let scale = 0;
  for (let i = 0; i < w * hgt; i++) scale = Math.max(scale, Math.abs(values[at + i]));
  const { ctx, image } = pixelsOf(canvas, w, hgt);
  fillDiverging(image.data, 0, values, at, w * hgt, 0, scale, DIVERGING_STRONG);
  ctx.putImageData(image, 0, 0);
}

const percent = (p) => Math.round(100 * p);

// A view that draws from its last state again when the language changes.
class View {
  constructor(t) {
    this.t = t;
    this.state = null;
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
    if (this.state) this.update(this.state);
  }
}

export class ConfusionView extends View {
  constructor({ t, pick }) {
    super(t);
    this.pick = pick;
    this.summary = h('p', { class: 'confusion-summary' });
    this.grid = h('div', { class: 'confusion-grid', role: 'grid' });
    this.empty = h('p', { class: 'hint', t: 'confusion.none' });
    this.root = h('div', { class: 'confusion' }, this.summary, this.grid, this.empty);
  }

  update(state) {
    this.state = state;
    const { matrix, classes = 10, names, count, right, selected } = state;
    this.empty.hidden = Boolean(matrix);
    this.grid.hidden = !matrix;
    this.summary.hidden = !matrix;
    if (!matrix) return;
    setText(this.summary, 'confusion.summary', { right, count, percent: (100 * right / count).toFixed(1) }, this.t);
    const cells = [h('span', { class: 'corner', 'aria-hidden': 'true' }, `${this.t('confusion.truth')} ↓ ${this.t('confusion.guess')} →`)];
    for (let g = 0; g < classes; g++) cells.push(h('span', { class: 'col-head', title: names[g] }, String(g)));
    for (let r = 0; r < classes; r++) {
      let rowTotal = 0;
      for (let g = 0; g < classes; g++) rowTotal += matrix[r * classes + g];
      cells.push(h('span', { class: 'row-head', title: names[r] }, h('span', { class: 'row-num' }, String(r)), ' ', names[r]));
      for (let g = 0; g < classes; g++) {
        const n = matrix[r * classes + g];
        const share = rowTotal ? n / rowTotal : 0;
        const base = r === g ? CLASS_COLORS[1] : CLASS_COLORS[3];
        const bg = n === 0 ? '#fff' : rgbToCss(tint(base, 1 - Math.min(1, 0.12 + 0.88 * Math.sqrt(share))));
        const dark = n > 0 && share > 0.3;
        cells.push(h('button', {
          type: 'button',
          class: `cell${r === g ? ' diag' : ''}${selected && selected[0] === r && selected[1] === g ? ' selected' : ''}${dark ? ' dark' : ''}`,
          style: `background: ${bg}`,
          'data-truth': String(r),
          'data-guess': String(g),
          'aria-label': this.t('confusion.cell', { count: n, truth: names[r], guess: names[g] }),
          title: this.t('confusion.cell', { count: n, truth: names[r], guess: names[g] }),
          disabled: n === 0,
          onclick: () => this.pick(r, g),
        }, n ? String(n) : ''));
      }
    }
    this.grid.replaceChildren(...cells);
  }
}

export class GalleryView extends View {
  constructor({ t, pick, showAll }) {
    super(t);
    this.pick = pick;
    this.note = h('p', { class: 'gallery-note' });
    this.all = h('button', { type: 'button', class: 'btn small', t: 'gallery.all', onclick: () => showAll() });
    this.list = h('ol', { class: 'gallery-list' });
    this.more = h('p', { class: 'hint' });
    this.empty = h('p', { class: 'hint', t: 'gallery.none' });
    this.root = h('div', { class: 'gallery' }, h('div', { class: 'row' }, this.note, this.all), this.list, this.more, this.empty);
  }

  update(state) {
    this.state = state;
    const { items, names, total, cell, picked } = state;
    this.empty.hidden = Boolean(items);
    this.list.hidden = !items;
    this.note.hidden = !cell;
    this.all.hidden = !cell;
    this.more.hidden = !items || total <= items?.length;
    if (!items) return;
    if (cell) setText(this.note, 'gallery.cell', { truth: names[cell[0]], guess: names[cell[1]], count: total }, this.t);
    if (total > items.length) setText(this.more, 'gallery.more', { count: total - items.length }, this.t);
    this.list.replaceChildren(...items.map(({ index, pixels, at, truth, top }) => {
      const canvas = h('canvas', { class: 'picture', width: 28, height: 28 });
      drawGrey(canvas, pixels, at, 28, 28, 0, 255);
      const wrong = top[0].index !== truth;
      const label = this.t('gallery.item', { n: index + 1, truth: names[truth], guess: names[top[0].index], percent: percent(top[0].value) });
      return h('li', {},
        h('button', { type: 'button', class: `shot${wrong ? ' wrong' : ''}${picked === index ? ' picked' : ''}`, 'aria-label': label, title: label, 'data-index': String(index), onclick: () => this.pick(index) },
          canvas,
          h('span', { class: 'truth' }, names[truth]),
          h('ol', { class: 'top3' }, ...top.map((g, k) => h('li', { class: g.index === truth ? 'right' : k === 0 ? 'miss' : '' },
            h('span', { class: 'top-name' }, names[g.index]), h('span', { class: 'top-value' }, `${percent(g.value)}%`))))));
    }));
  }
}

export class FiltersView {
  constructor({ t }) {
    this.t = t;
    this.list = h('ol', { class: 'filter-tiles' });
    this.empty = h('p', { class: 'hint', t: 'filters.none' });
    this.root = h('div', { class: 'filters' }, this.list, this.empty);
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
  }

  /** weight: the first conv2d layer's weight, shape [C, in, kh, kw] (channel 0 of each filter drawn). */
  update({ weight, shape }) {
    this.empty.hidden = Boolean(weight);
    this.list.hidden = !weight;
    if (!weight) return;
    const [c, cin, kh, kw] = shape;
    const shown = Math.min(c, MAX_FILTERS);
    this.list.replaceChildren(...Array.from({ length: shown }, (_, j) => {
      const canvas = h('canvas', { class: 'filter-tile', role: 'img', 't-label': 'filters.tile', params: { n: j + 1 } });
      drawSigned(canvas, weight, j * cin * kh * kw, kw, kh);
      return h('li', {}, canvas);
    }));
    relabel(this.list, this.t);
  }
}

export class LayersView extends View {
  constructor({ t }) {
    super(t);
    this.what = h('p', { class: 'layers-what' });
    this.list = h('ol', { class: 'layer-list' });
    this.empty = h('p', { class: 'hint', t: 'layers.pick' });
    this.root = h('div', { class: 'layers-view' }, this.what, this.list, this.empty);
  }

  /** input: the picture's 784 values in [0, 1]; layers: predict's [{layer, type, shape, data}]. */
  update(state) {
    this.state = state;
    const { input, layers, typeName, what } = state;
    this.empty.hidden = Boolean(layers);
    this.list.hidden = !layers;
    this.what.hidden = !layers;
    if (!layers) return;
    this.what.textContent = this.t('layers.picked', { what });
    const picture = h('canvas', { class: 'map' });
    drawGrey(picture, input, 0, 28, 28);
    const rows = [h('li', { class: 'layer-row' }, h('span', { class: 'layer-title' }, this.t('layers.inputPicture'), ' [1, 28, 28]'), h('div', { class: 'maps' }, picture))];
    for (const { layer, type, shape, data } of layers) {
      const title = h('span', { class: 'layer-title' }, this.t('layers.layer', { n: layer + 1, type: typeName(type), shape: `[${shape.join(', ')}]` }));
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of data) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      const signed = lo < 0;
      const maps = h('div', { class: 'maps' });
      if (shape.length === 3) {
        const [c, hh, ww] = shape;
        const shown = Math.min(c, MAX_MAPS);
        for (let j = 0; j < shown; j++) {
          const canvas = h('canvas', { class: 'map' });
          if (signed) drawSigned(canvas, data, j * hh * ww, ww, hh);
          else drawGrey(canvas, data, j * hh * ww, ww, hh, 0, hi);
          maps.append(canvas);
        }
        if (c > shown) title.append(' · ', this.t('layers.maps', { shown, count: c }));
      } else {
        const n = data.length;
        const w = n === 784 ? 28 : n <= 16 ? n : Math.ceil(Math.sqrt(n));
        const hgt = Math.ceil(n / w);
        const padded = new Float32Array(w * hgt);
        padded.set(data);
        const canvas = h('canvas', { class: `map${hgt === 1 ? ' strip' : ''}` });
        if (signed) drawSigned(canvas, padded, 0, w, hgt);
        else drawGrey(canvas, padded, 0, w, hgt, 0, hi);
        maps.append(canvas);
      }
      rows.push(h('li', { class: 'layer-row' }, title, maps));
    }
    this.list.replaceChildren(...rows);
  }
}
