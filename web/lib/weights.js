// What the first layer learned. Each neuron of the first linear layer has 784 weights, one per
// input pixel (nn.Linear(784, n).weight is [n, 784]); laid out as a 28 × 28 picture they show
// the pattern that makes the neuron fire. The weights start as random noise (Xavier), and a
// pixel that no drawing ever inks gets no gradient, so the view draws what training changed:
// weights − starting weights, blue where ink now raises the output, orange where it lowers it
// (the playground's diverging map, each tile scaled to its own largest change). It starts
// blank and the patterns grow as the network trains. Without a hidden layer the first layer is
// the output layer, and each tile is a class's template.
//
//   const view = new WeightsView({ t });
//   view.update({ weights, start, rows, labels });   // Float32Array(rows × 784) each, or null
import { DIVERGING_STRONG, fillDiverging } from './palette.js';
import { SIZE } from './preprocess.js';
import { h, relabel, setText } from './dom.js';

const MAX_TILES = 32;

export class WeightsView {
  constructor({ t }) {
    this.t = t;
    this.tiles = [];
    this.grid = h('ol', { class: 'weight-tiles' });
    this.more = h('p', { class: 'hint weights-more' });
    this.empty = h('p', { class: 'hint', t: 'weights.none' });
    this.root = h('div', { class: 'weights' }, this.empty, this.grid, this.more);
    this.image = new ImageData(SIZE, SIZE);
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
  }

  update({ weights, start = null, rows, labels = null }) {
    this.empty.hidden = Boolean(weights);
    this.grid.hidden = !weights;
    this.more.hidden = !weights || rows <= MAX_TILES;
    if (!weights) return;
    const shown = Math.min(rows, MAX_TILES);
    while (this.tiles.length < shown) {
      const canvas = h('canvas', { class: 'weight-tile', width: SIZE, height: SIZE, role: 'img' });
      const caption = h('span', { class: 'weight-label' });
      this.tiles.push({ root: h('li', {}, canvas, caption), canvas, caption });
    }
    const tiles = this.tiles.slice(0, shown);
    if (this.grid.children.length !== shown) this.grid.replaceChildren(...tiles.map((tile) => tile.root));
    const n = SIZE * SIZE;
    const change = new Float32Array(n);
    tiles.forEach((tile, j) => {
      let scale = 0;
      for (let i = 0; i < n; i++) {
        change[i] = weights[j * n + i] - (start ? start[j * n + i] : 0);
        scale = Math.max(scale, Math.abs(change[i]));
      }
      fillDiverging(this.image.data, 0, change, 0, n, 0, scale, DIVERGING_STRONG);
      tile.canvas.getContext('2d').putImageData(this.image, 0, 0);
      tile.caption.hidden = !labels;
      tile.caption.textContent = labels ? labels[j] : '';
      tile.canvas.dataset.tLabel = labels ? 'weights.classTile' : 'weights.tile';
      tile.canvas.dataset.tParams = JSON.stringify({ n: j + 1, name: labels?.[j] ?? '' });
      relabel(tile.root, this.t);
    });
    if (rows > MAX_TILES) setText(this.more, 'weights.more', { count: rows - MAX_TILES }, this.t);
  }
}
