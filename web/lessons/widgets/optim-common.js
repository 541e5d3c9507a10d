// What the optimisers lesson's widgets share: the four optimisers that race (their colours, names, PyTorch
// defaults) and a small style for the coloured key beside each name.
import { h } from '../../lib/dom.js';
import { addStyle } from './common.js';

/** SGD, SGD with momentum 0.9, RMSprop and Adam; make(lw, target, lr) builds one for a model or a list of Float32Arrays. */
export const OPTIMISERS = Object.freeze([
  { id: 'sgd', color: '#D55E00', name: { en: 'plain SGD', ko: '기본 SGD' }, make: (lw, target, lr) => lw.optim.SGD(target, { lr }) },
  { id: 'momentum', color: '#E69F00', name: { en: 'SGD + momentum 0.9', ko: 'SGD + 모멘텀 0.9' }, make: (lw, target, lr) => lw.optim.SGD(target, { lr, momentum: 0.9 }) },
  { id: 'rmsprop', color: '#009E73', name: { en: 'RMSprop', ko: 'RMSprop' }, make: (lw, target, lr) => lw.optim.RMSprop(target, { lr }) },
  { id: 'adam', color: '#0072B2', name: { en: 'Adam', ko: 'Adam' }, make: (lw, target, lr) => lw.optim.Adam(target, { lr }) },
]);

/** A learning rate as people write it: 3 significant digits, no float noise. */
export const lrText = (lr) => String(Number(lr.toPrecision(3)));

/** The coloured line in front of an optimiser's name. */
export function swatch(color) {
  addStyle('optim-common', `
.optim-swatch { display: inline-block; width: 1.1rem; height: 4px; border-radius: 2px; vertical-align: middle; margin-right: .4rem; flex: none; }
`);
  return h('span', { class: 'optim-swatch', style: `background:${color}`, 'aria-hidden': 'true' });
}

/** Listeners for a widget's results: on(fn) returns the unsubscribe, emit(r) calls them all. */
export function listeners() {
  const set = new Set();
  return {
    on(fn) { set.add(fn); return () => set.delete(fn); },
    emit(r) { for (const fn of [...set]) fn(r); },
  };
}
