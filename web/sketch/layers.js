// The layer editor: the network drawn as a row of layers, 784 inputs → hidden layers → one
// output per class, with buttons that halve or double a hidden layer, add or remove one, a
// choice of activation, and "size to the data" (network.js's autoHidden: the seed's shape,
// scaled). Editing a size turns "size to the data" off.
//
//   const editor = new LayerEditor({ t, change: ({ hidden, auto, activation }) => … });
//   editor.update({ hidden, auto, activation, classes });
import { ACTIVATIONS, INPUTS, MAX_LAYERS, MAX_NEURONS, MIN_NEURONS, SEED_HIDDEN, parameterCount } from './network.js';
import { ICONS, h, icon, newId, relabel, setText } from '../lib/dom.js';

export class LayerEditor {
  constructor({ t, change }) {
    this.t = t;
    this.change = change;
    this.value = { hidden: [...SEED_HIDDEN], auto: true, activation: 'relu', classes: 2 };
    this.row = h('ol', { class: 'layer-row' });
    this.more = h('button', { type: 'button', class: 'btn small', 't-label': 'layers.addLabel', 't-title': 'layers.addLabel', onclick: () => this.#layers(+1) }, icon(ICONS.plus), h('span', { t: 'layers.add' }));
    this.fewer = h('button', { type: 'button', class: 'btn small', 't-label': 'layers.removeLabel', 't-title': 'layers.removeLabel', onclick: () => this.#layers(-1) }, icon(ICONS.minus), h('span', { t: 'layers.remove' }));
    this.activation = h('select', { id: newId('act'), onchange: () => this.#emit({ activation: this.activation.value }) },
      ...ACTIVATIONS.map((a) => h('option', { value: a, t: `activation.${a}` })));
    const autoBox = h('input', { type: 'checkbox', id: newId('auto'), onchange: () => this.#emit({ auto: autoBox.checked }) });
    this.auto = autoBox;
    this.count = h('p', { class: 'param-count' });
    this.root = h('div', { class: 'layers' },
      this.row,
      h('div', { class: 'row layer-tools' },
        this.more, this.fewer,
        h('label', { class: 'inline-field', for: this.activation.id }, h('span', { t: 'layers.activation' }), this.activation)),
      h('label', { class: 'toggle', for: autoBox.id, 't-title': 'layers.auto.tip' }, autoBox, h('span', { t: 'layers.auto' })),
      this.count);
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
    this.#render();
  }

  update(value) {
    this.value = { ...value, hidden: [...value.hidden] };
    this.#render();
  }

  #emit(changes) {
    const next = { hidden: this.value.hidden, auto: this.value.auto, activation: this.value.activation, ...changes };
    this.change(next);
  }

  #layers(delta) {
    const hidden = [...this.value.hidden];
    if (delta > 0 && hidden.length < MAX_LAYERS) hidden.push(Math.max(8, Math.floor((hidden.at(-1) ?? 64) / 2)));
    if (delta < 0 && hidden.length > 0) hidden.pop();
    this.#emit({ hidden, auto: false });
  }

  #resize(i, factor) {
    const hidden = [...this.value.hidden];
    hidden[i] = Math.min(MAX_NEURONS, Math.max(MIN_NEURONS, factor > 1 ? hidden[i] * 2 : Math.floor(hidden[i] / 2)));
    this.#emit({ hidden, auto: false });
  }

  #render() {
    const { hidden, auto, activation, classes } = this.value;
    const t = this.t;
    // the row is rebuilt: keep the keyboard on the button it was on
    const focused = this.row.getRootNode().activeElement;
    const focusKey = this.row.contains(focused) ? focused.dataset.key : null;
    // each layer after the first carries its arrow, so a wrapped row never ends in one
    const arrow = () => h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→');
    const cells = [h('li', { class: 'step' }, h('span', { class: 'layer fixed' }, h('strong', {}, String(INPUTS)), h('small', { t: 'layers.inputs' })))];
    hidden.forEach((n, i) => {
      cells.push(h('li', { class: 'step' }, arrow(), h('span', { class: 'layer' },
        h('strong', {}, String(n)),
        h('small', { t: 'layers.hidden', params: { n: i + 1 } }),
        h('span', { class: 'neurons' },
          h('button', { type: 'button', class: 'btn round tiny', 't-label': 'layers.halve', params: { n: i + 1 }, 'data-key': `halve-${i}`, disabled: n <= MIN_NEURONS, onclick: () => this.#resize(i, 0.5) }, icon(ICONS.minus)),
          h('button', { type: 'button', class: 'btn round tiny', 't-label': 'layers.double', params: { n: i + 1 }, 'data-key': `double-${i}`, disabled: n >= MAX_NEURONS, onclick: () => this.#resize(i, 2) }, icon(ICONS.plus))))));
    });
    cells.push(h('li', { class: 'step' }, arrow(), h('span', { class: 'layer fixed output' }, h('strong', {}, String(classes)), h('small', { t: 'layers.outputs' }))));
    this.row.replaceChildren(...cells);
    relabel(this.row, t);
    if (focusKey) this.row.querySelector(`[data-key="${focusKey}"]:not(:disabled)`)?.focus();
    this.more.disabled = hidden.length >= MAX_LAYERS;
    this.fewer.disabled = hidden.length === 0;
    this.activation.value = activation;
    this.activation.disabled = hidden.length === 0;
    this.auto.checked = auto;
    const shape = [INPUTS, ...hidden, classes].join(' → ');
    setText(this.count, 'layers.count', { count: parameterCount(hidden, classes).toLocaleString(t('locale')), shape }, t);
  }
}
