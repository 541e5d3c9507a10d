// The network's guess: one bar per class, its softmax probability, updated while the learner
// draws. The list is rebuilt only when the classes change; an update moves the bars.
//
//   const view = new GuessView({ t });
//   view.update({ names, colors, probabilities, hint });   // probabilities null: no guess yet
import { h, relabel, setText } from './dom.js';

export class GuessView {
  constructor({ t }) {
    this.t = t;
    this.rows = [];
    this.key = '';
    this.headline = h('p', { class: 'guess-headline' });
    this.list = h('ul', { class: 'guess-list' });
    this.hint = h('p', { class: 'guess-hint' });
    this.root = h('div', { class: 'guesses' }, this.headline, this.list, this.hint);
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
  }

  update({ names, colors, probabilities, hint = null, hintParams = null }) {
    const key = JSON.stringify([names, colors]);
    if (key !== this.key) {
      this.key = key;
      this.rows = names.map((name, k) => {
        const bar = h('span', { class: 'guess-fill' });
        const value = h('span', { class: 'guess-value' });
        const row = h('li', { class: 'guess', style: `--swatch: ${colors[k]}` },
          h('span', { class: 'guess-name' }, name),
          h('span', { class: 'guess-bar' }, bar),
          value);
        return { row, bar, value };
      });
      this.list.replaceChildren(...this.rows.map((r) => r.row));
    }
    let best = -1;
    if (probabilities) for (let k = 0; k < probabilities.length; k++) if (best < 0 || probabilities[k] > probabilities[best]) best = k;
    this.rows.forEach(({ row, bar, value }, k) => {
      const p = probabilities ? probabilities[k] ?? 0 : 0;
      bar.style.transform = `scaleX(${p})`;
      value.textContent = probabilities ? `${Math.round(p * 100)}%` : '–';
      row.classList.toggle('best', k === best);
    });
    if (probabilities && best >= 0) setText(this.headline, 'guess.best', { name: names[best], percent: Math.round(probabilities[best] * 100) }, this.t);
    else setText(this.headline, 'guess.none', null, this.t);
    this.headline.classList.toggle('muted', !probabilities);
    this.hint.hidden = !hint;
    if (hint) setText(this.hint, hint, hintParams, this.t);
  }
}
