// The first visit's tour of the playground: an offer under the toolbar ("New here?"), then five
// short steps, each pointing at one part (play, the data, the network, the output, the
// settings and their ⓘ buttons) with a card stuck to the bottom of the viewport. Skippable at
// any step (its button or Escape), and remembered: once taken or declined, the offer does not
// come back on this browser; the toolbar's Tour button starts it again at any time.
// The element shows it only when it has the `tour` attribute (the site's main page does).
import { h, newId, relabel } from '../lib/dom.js';

export const TOUR_KEY = 'layerwise.tour.v1';

/** Whether this browser has taken or declined the tour (storage that is off counts as yes). */
export function tourSeen(storage = globalThis.localStorage) {
  try {
    return storage.getItem(TOUR_KEY) !== null;
  } catch {
    return true;
  }
}

function remember(storage) {
  try {
    storage.setItem(TOUR_KEY, 'seen');
  } catch { /* storage may be off: the offer comes back next time, which is harmless */ }
}

export class Tour {
  /**
   * steps(): the steps as the tour starts, [{key, target()}] (a string key of the step's text;
   * the element it points at);
   * t: the element's translator (in its current language; relabelling the element relabels
   * the offer and the card, which are inside host); host: where the offer and the card go (the element's root);
   * after: the node the offer follows; fallback: what takes the focus at the end when what had
   * it is gone; onActive(on): the tour's card came or went.
   */
  constructor({ steps, t, host, after, fallback = null, onActive = () => {}, storage = globalThis.localStorage }) {
    this.fallback = fallback;
    this.steps = steps;
    this.list = [];
    this.t = t;
    this.host = host;
    this.after = after;
    this.onActive = onActive;
    this.storage = storage;
    this.index = -1;
    this.offerBox = null;
    this.card = null;
    this.target = null;
  }

  /** Offers the tour once per browser: true when the offer is now on screen. */
  offer() {
    if (tourSeen(this.storage) || this.offerBox) return false;
    this.offerBox = h('div', { class: 'tour-offer', role: 'note' },
      h('p', { t: 'tour.offer' }),
      h('div', { class: 'tour-buttons' },
        h('button', { type: 'button', class: 'btn small primary tour-start', t: 'tour.offer.start', onclick: () => this.start() }),
        h('button', { type: 'button', class: 'btn small tour-decline', t: 'tour.offer.no', onclick: () => this.#closeOffer(true) })));
    relabel(this.offerBox, this.t);
    this.after.after(this.offerBox);
    return true;
  }

  #closeOffer(decided) {
    this.offerBox?.remove();
    this.offerBox = null;
    if (decided) remember(this.storage);
  }

  get active() {
    return this.index >= 0;
  }

  start() {
    this.returnTo = this.host.getRootNode().activeElement ?? null; // where the focus goes back at the end
    this.#closeOffer(true);
    this.list = this.steps();
    if (!this.card) this.#buildCard();
    this.onActive(true);
    this.show(0);
  }

  #buildCard() {
    const title = newId('tour');
    const text = newId('tour-text');
    this.parts = {
      count: h('span', { class: 'tour-count' }),
      text: h('p', { class: 'tour-text', id: text }),
      back: h('button', { type: 'button', class: 'btn small tour-back', t: 'tour.back', onclick: () => this.show(this.index - 1) }),
      next: h('button', { type: 'button', class: 'btn small primary tour-next', onclick: () => this.show(this.index + 1) }),
    };
    this.card = h('div', { class: 'tour-card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': title, 'aria-describedby': text, tabindex: '-1',
      onkeydown: (e) => {
        if (e.key === 'Escape') this.end();
      } },
    h('div', { class: 'tour-head' },
      h('strong', { id: title, t: 'tour.title' }), this.parts.count,
      h('button', { type: 'button', class: 'tour-skip', t: 'tour.skip', onclick: () => this.end() })),
    this.parts.text,
    h('div', { class: 'tour-buttons' }, this.parts.back, this.parts.next));
  }

  /** Shows step i (past the last one ends the tour). */
  show(i) {
    if (i >= this.list.length) return this.end();
    this.index = Math.max(0, i);
    const step = this.list[this.index];
    this.target?.classList.remove('tour-target');
    this.target = step.target();
    this.target?.classList.add('tour-target');
    // a part taller than most of the screen shows its top; a smaller one sits in the middle
    const tall = (this.target?.getBoundingClientRect().height ?? 0) > innerHeight * 0.6;
    this.target?.scrollIntoView({ block: tall ? 'start' : 'center' });
    this.parts.text.dataset.t = step.key;
    this.parts.count.dataset.t = 'tour.count';
    this.parts.count.dataset.tParams = JSON.stringify({ n: this.index + 1, total: this.list.length });
    this.parts.next.dataset.t = this.index === this.list.length - 1 ? 'tour.done' : 'tour.next';
    this.parts.back.disabled = this.index === 0;
    relabel(this.card, this.t);
    if (!this.card.isConnected) this.host.append(this.card);
    this.card.focus({ preventScroll: true });
    return undefined;
  }

  end() {
    this.target?.classList.remove('tour-target');
    this.target = null;
    const hadFocus = this.card?.contains(this.host.getRootNode().activeElement);
    this.card?.remove();
    this.index = -1;
    // the card had the focus: it goes back to where the learner was (the offer's button is
    // gone: then the toolbar's Tour button, passed as `fallback`)
    if (hadFocus) (this.returnTo?.isConnected ? this.returnTo : this.fallback)?.focus();
    remember(this.storage);
    this.onActive(false);
  }
}
