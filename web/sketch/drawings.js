// The learner's classes and drawings: one card per class with its name (editable), its count,
// and a thumbnail of every drawing, each with a button that deletes it. Held-out drawings (the
// test set, dataset.js) have a dashed frame and a "test" tag. Cards and thumbnails are kept
// between updates (by class id and by drawing), so adding one drawing draws one thumbnail.
//
//   const view = new DrawingsView({ t, rename, removeClass, removeSample, addClass });
//   view.update(classes, { testEvery, colors, maxClasses });
import { flatStrokes } from '../lib/preprocess.js';
import { drawStrokes } from '../lib/pad.js';
import { ICONS, h, icon, relabel, setText } from '../lib/dom.js';
import { isTest } from './dataset.js';

const THUMB = 52; // CSS px

export class DrawingsView {
  constructor({ t, rename, removeClass, removeSample, addClass }) {
    this.t = t;
    this.actions = { rename, removeClass, removeSample, addClass };
    this.cards = new Map(); // class id -> {root, name, count, thumbs, empty, removeButton, index}
    this.thumbs = new WeakMap(); // drawing -> {root, canvas, del}
    this.list = h('div', { class: 'class-cards' });
    this.addButton = h('button', { type: 'button', class: 'btn add-class', onclick: () => this.actions.addClass() },
      icon(ICONS.plus), h('span', { t: 'classes.add' }));
    this.legend = h('p', { class: 'legend', t: 'classes.legend' });
    this.root = h('div', { class: 'drawings' }, this.list, h('div', { class: 'row' }, this.addButton, this.legend));
  }

  relabel(t) {
    this.t = t;
    relabel(this.root, t);
  }

  update(classes, { testEvery, colors, maxClasses }) {
    const seen = new Set();
    const order = [];
    classes.forEach((c, ci) => {
      seen.add(c.id);
      let card = this.cards.get(c.id);
      if (!card) {
        card = this.#card(c);
        this.cards.set(c.id, card);
      }
      order.push(card.root);
      card.index = ci;
      card.root.style.setProperty('--swatch', colors[ci]);
      if (card.name.value !== c.name && card.root.getRootNode().activeElement !== card.name) card.name.value = c.name;
      card.name.dataset.tParams = JSON.stringify({ n: ci + 1 });
      const held = c.samples.filter((_, k) => isTest(k, testEvery)).length;
      setText(card.count, held ? 'classes.countHeld' : 'classes.count', { count: c.samples.length, held }, this.t);
      card.removeButton.dataset.tParams = JSON.stringify({ name: c.name });
      const thumbs = c.samples.map((s, k) => {
        let thumb = this.thumbs.get(s);
        if (!thumb) {
          thumb = this.#thumb(s);
          this.thumbs.set(s, thumb);
        }
        thumb.del.dataset.tParams = JSON.stringify({ n: k + 1, name: c.name });
        thumb.del.onclick = () => this.#remove(card, k);
        const test = isTest(k, testEvery);
        thumb.root.classList.toggle('test', test);
        thumb.tag.hidden = !test;
        return thumb.root;
      });
      if (thumbs.length !== card.thumbs.children.length || thumbs.some((t, k) => card.thumbs.children[k] !== t)) card.thumbs.replaceChildren(...thumbs);
      card.empty.hidden = thumbs.length > 0;
      relabel(card.root, this.t);
    });
    for (const [id, card] of this.cards) if (!seen.has(id)) this.cards.delete(id);
    if (order.length !== this.list.children.length || order.some((el, k) => this.list.children[k] !== el)) this.list.replaceChildren(...order);
    this.addButton.disabled = classes.length >= maxClasses;
  }

  #card(c) {
    const card = {};
    card.name = h('input', {
      type: 'text', class: 'class-name', value: c.name, maxlength: '40', 't-label': 'classes.nameLabel', spellcheck: 'false',
      onchange: () => this.actions.rename(card.index, card.name.value),
      onkeydown: (e) => e.key === 'Enter' && card.name.blur(),
    });
    card.count = h('span', { class: 'class-count' });
    card.removeButton = h('button', { type: 'button', class: 'btn icon-only quiet', 't-label': 'classes.remove', 't-title': 'classes.remove',
      onclick: () => this.actions.removeClass(card.index) }, icon(ICONS.clear));
    card.thumbs = h('ul', { class: 'thumbs' });
    card.empty = h('p', { class: 'class-empty', t: 'classes.empty' });
    card.root = h('section', { class: 'class-card' },
      h('div', { class: 'class-head' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), card.name, card.count, card.removeButton),
      card.thumbs, card.empty);
    return card;
  }

  #thumb(sample) {
    const canvas = h('canvas', { class: 'thumb-canvas', width: THUMB * 2, height: THUMB * 2, 'aria-hidden': 'true' });
    const ctx = canvas.getContext('2d');
    ctx.setTransform(2, 0, 0, 2, 0, 0);
    drawStrokes(ctx, flatStrokes(sample.strokes), THUMB, '#1f2933');
    const del = h('button', { type: 'button', class: 'thumb-delete', 't-label': 'classes.removeDrawing', 't-title': 'classes.removeDrawing' }, icon(ICONS.close));
    const tag = h('span', { class: 'thumb-tag', t: 'classes.testTag' });
    return { root: h('li', { class: 'thumb' }, canvas, tag, del), canvas, del, tag };
  }

  // Deletes drawing k of a card and keeps the keyboard where it was: on the next drawing's
  // delete button (or the previous one, or the card's name).
  #remove(card, k) {
    const hadFocus = card.root.getRootNode().activeElement?.classList.contains('thumb-delete');
    this.actions.removeSample(card.index, k);
    if (!hadFocus) return;
    const buttons = card.thumbs.querySelectorAll('.thumb-delete');
    (buttons[k] ?? buttons[k - 1] ?? card.name).focus();
  }
}
