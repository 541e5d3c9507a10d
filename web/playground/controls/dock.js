// The dock: on a narrow screen, a bar stuck to the bottom of the viewport that keeps play, one
// epoch, the test loss and a small copy of the output plot in view while the learner scrolls to
// a setting, so a change and its effect are seen together. It shows only while the element is
// narrow (a phone, a narrow column) or the viewport short (a phone on its side), and the
// toolbar's buttons or the output plot have scrolled out of view; tapping its plot brings the output back. It holds no state: the panels mirror
// the play button, the epoch and the test loss into it, and it copies the boundary plot's
// canvas (`plot()` gives it) when it comes up and after each drawing (paint()).
import { ICONS, h, icon, relabelOne } from '../../lib/dom.js';

/** A play button as playing (pause icon, "Pause") or not: the toolbar's and the dock's. */
export function showPlaying(button, playing, t) {
  button.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
  button.setAttribute('aria-pressed', String(playing));
  button.dataset.tLabel = playing ? 'controls.pause' : 'controls.play';
  button.dataset.tTitle = playing ? 'controls.pause.tip' : 'controls.play.tip';
  button.classList.toggle('playing', playing);
  relabelOne(button, t);
}

const NARROW = 700; // px of the element's width, the layout's one-column breakpoint (playground.css)
const SHORT = 500; // px of the viewport's height: a phone held sideways

export class Dock {
  /** plot(): the output plot's canvas, or null; the rest are the buttons' actions. */
  constructor({ togglePlay, stepEpoch, showOutput, plot }) {
    this.plot = plot;
    this.play = h('button', { type: 'button', class: 'btn play dock-play', 't-label': 'controls.play', 't-title': 'controls.play.tip', 'aria-pressed': 'false', onclick: togglePlay },
      icon(ICONS.play));
    this.epoch = h('span', { class: 'dock-epoch' });
    this.loss = h('span', { class: 'dock-loss', t: 'dock.lossValue', params: { value: '–' } });
    this.canvas = h('canvas', { class: 'dock-plot', 'aria-hidden': 'true' });
    this.plotButton = h('button', { type: 'button', class: 'dock-show', 't-label': 'dock.show', 't-title': 'dock.show', onclick: showOutput }, this.canvas);
    this.root = h('div', { class: 'dock', role: 'region', 't-label': 'dock.label', hidden: true },
      this.play,
      h('button', { type: 'button', class: 'btn round', 't-label': 'controls.step', onclick: stepEpoch }, icon(ICONS.stepEpoch)),
      h('div', { class: 'dock-text' },
        h('span', { class: 'dock-counter' }, h('span', { class: 'dock-epoch-label', t: 'training.epoch' }), ' ', this.epoch),
        this.loss),
      this.plotButton);
    this.out = new Set();
    this.width = Infinity;
    this.suppressed = false;
    this.allowed = true;
    this.onResize = () => this.#show();
  }

  /** Starts watching: the dock shows while root is narrow and one of `watched` is out of view. */
  watch(root, watched) {
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting && e.intersectionRatio >= 0.6) this.out.delete(e.target);
        else this.out.add(e.target);
      }
      this.#show();
    }, { threshold: [0, 0.6, 1] });
    for (const w of watched) this.observer.observe(w);
    this.watched = watched;
    this.sizes = new ResizeObserver(([entry]) => {
      this.width = entry.contentRect.width;
      this.#show();
    });
    this.sizes.observe(root);
    this.attach();
  }

  /** The viewport's height counts too (a phone turned sideways): listened to while connected. */
  attach() {
    addEventListener('resize', this.onResize);
  }

  detach() {
    removeEventListener('resize', this.onResize);
  }

  /**
   * Whether the dock may show at all: not when the element hides its controls (hide="controls"
   * or "dock", a lesson's widget); its plot only while the output plot is there to copy.
   */
  allow(allowed) {
    this.allowed = allowed;
    this.#show();
  }

  /** Hides the dock whatever the scroll (the tour is on screen), or lets it show again. */
  suppress(on) {
    this.suppressed = on;
    this.#show();
  }

  #show() {
    // a watched part the element hides (hide="output") does not count as out of view
    const out = [...this.out].some((w) => !w.closest('[hidden]'));
    const was = this.root.hidden;
    const small = this.width <= NARROW || innerHeight <= SHORT;
    this.root.hidden = !(this.allowed && small && out && !this.suppressed);
    this.plotButton.hidden = !this.plot();
    if (was && !this.root.hidden) this.paint();
  }

  setPlaying(playing, t) {
    showPlaying(this.play, playing, t);
  }

  setEpoch(text) {
    this.epoch.textContent = text;
  }

  setLoss(text, t) {
    this.loss.dataset.tParams = JSON.stringify({ value: text });
    relabelOne(this.loss, t);
  }

  /** Copies the output plot into the dock's small canvas, when the dock is up. */
  paint() {
    const source = this.plot();
    if (this.root.hidden || !source?.width) return;
    const side = this.canvas.clientWidth || 72;
    const ratio = globalThis.devicePixelRatio || 1;
    const width = Math.round(side * ratio);
    const height = Math.round(width * (source.height / source.width));
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const ctx = this.canvas.getContext('2d');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, width, height);
  }
}
