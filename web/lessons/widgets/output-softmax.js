// Three logits in, three softmax probabilities out (computed by the engine: a model that is
// only a softmax layer), drawn as bars that always add up to 1; buttons shift every logit by
// the same amount to show that only differences matter; a read-out of class 1 against class 2
// alone, which is the sigmoid of their difference.
//
//   { widget: 'softmax', make: softmaxWidget({ logits: [2, 1, 0.5] }) }
// Widget: { root, setLang, logits, probs, on(fn) } — fn({logits, probs}) after every change.
import { h } from '../../lib/dom.js';
import { formatReadout } from '../../lib/format.js';
import { addStyle, getEngine } from './common.js';
import { CLASS_COLORS } from '../../lib/palette.js';
import { bilingual, changes, slider } from './output-kit.js';

addStyle('output-softmax', `
.lw-softmax .bars { display: grid; gap: .4rem; margin: .75rem 0; }
.lw-softmax .bar { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr) 4rem; gap: .5rem; align-items: center; font-variant-numeric: tabular-nums; }
.lw-softmax .track { height: 22px; background: #eef1f4; border-radius: 4px; overflow: hidden; }
.lw-softmax .fill { height: 100%; border-radius: 4px; transition: width .12s; }
.lw-softmax .sliders { display: grid; gap: .35rem; }
`);

const CLASS = { en: 'Class {k}', ko: '클래스 {k}' };

export function softmaxWidget({ logits = [2, 1, 0.5] } = {}) {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    const z = [...logits];
    let probs = softmaxJS(z);
    let model = null;

    const sliders = z.map((v, k) => slider(words, {
      label: { en: `Logit of class ${k + 1}`, ko: `클래스 ${k + 1}의 로짓` },
      text: { en: `z${sub(k + 1)}`, ko: `z${sub(k + 1)}` },
      min: -8, max: 8, step: 0.1, value: v,
      onInput: (x) => { z[k] = x; update(); },
    }));
    const bars = z.map((_, k) => {
      const fill = h('div', { class: 'fill', style: `background:${CLASS_COLORS[k]}` });
      const value = h('span', { class: 'value' });
      const track = h('div', { class: 'track', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': '1' }, fill);
      words.attr(track, 'aria-label', { en: `Probability of class ${k + 1}`, ko: `클래스 ${k + 1}의 확률` });
      return { root: h('div', { class: 'bar' }, words.bind(h('span'), CLASS, { k: k + 1 }), track, value), fill, value, track };
    });
    let total = 1;
    let two = 0.5;
    let sig = 0.5;
    const sum = h('span');
    const pair = h('span');
    const refreshSum = words.live(sum, { en: 'Sum of the three: {s}', ko: '세 확률의 합: {s}' }, { s: () => total.toFixed(3) });
    const refreshPair = words.live(pair, {
      en: 'Class 1 against class 2 alone: p₁/(p₁+p₂) = {a}, σ(z₁ − z₂) = {b}',
      ko: '클래스 1과 클래스 2만 비교하면: p₁/(p₁+p₂) = {a}, σ(z₁ − z₂) = {b}',
    }, { a: () => formatReadout(two, 3), b: () => formatReadout(sig, 3) });
    const shift = (d) => { sliders.forEach((s, k) => { z[k] = Math.round((z[k] + d) * 10) / 10; s.set(z[k], { quiet: true }); }); update(); };
    const minus = h('button', { type: 'button', class: 'lw-button', onclick: () => shift(-1) });
    const plus = h('button', { type: 'button', class: 'lw-button', onclick: () => shift(1) });

    const root = h('div', { class: 'lw-card lw-softmax' },
      h('div', { class: 'sliders' }, ...sliders.map((s) => s.root)),
      h('div', { class: 'lw-controls' },
        words.bind(minus, { en: 'Every logit − 1', ko: '모든 로짓 − 1' }),
        words.bind(plus, { en: 'Every logit + 1', ko: '모든 로짓 + 1' })),
      h('div', { class: 'bars', 'aria-live': 'polite' }, ...bars.map((b) => b.root)),
      h('p', { class: 'lw-readout' }, sum),
      h('p', { class: 'lw-readout' }, pair));

    function update() {
      probs = model ? Array.from(model.forward(z, 1)) : softmaxJS(z);
      bars.forEach((b, k) => {
        b.fill.style.width = `${(probs[k] * 100).toFixed(2)}%`;
        b.value.textContent = probs[k].toFixed(3);
        b.track.setAttribute('aria-valuenow', probs[k].toFixed(3));
      });
      total = probs.reduce((a, b) => a + b, 0);
      two = probs[0] / (probs[0] + probs[1]);
      sig = 1 / (1 + Math.exp(-(z[0] - z[1])));
      refreshSum();
      refreshPair();
      events.emit({ logits: [...z], probs: [...probs] });
    }

    update();
    getEngine().then((lw) => {
      model = lw.Model.fromSpec({ input: [3], layers: [{ type: 'softmax' }] });
      update();
    }).catch((error) => console.error('softmax widget: engine', error));

    return {
      root,
      setLang: words.setLang,
      get logits() { return [...z]; },
      get probs() { return [...probs]; },
      get engine() { return model !== null; },
      on: events.on,
    };
  };
}

const sub = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);

function softmaxJS(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
