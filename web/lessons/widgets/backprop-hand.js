// Backpropagation worked by hand on a 2-2-1 network: inputs x₁, x₂; two sigmoid hidden neurons
// h₁, h₂; one output neuron whose logit z is read as p = σ(z); binary cross-entropy on the logit
// (BCE with logits); one training example and one step of plain SGD.
//
//   drawing   a card per neuron, wired as the network is: each neuron's z, a (p and the loss L
//             for the output) and δ = ∂L/∂z, and in each card the weights coming into it with
//             their gradient ∂L/∂w and their value after the update w − η·∂L/∂w. Weights are
//             named as PyTorch stores them: w_ji = model[0].weight[j−1][i−1] goes from x_i
//             into h_j; v_j = model[2].weight[0][j−1] from h_j into the output; biases b_j, c.
//   numbers   the engine's (Model.traceStep on the lesson's weights); the widget only lays them
//             out. p = σ(z) is the one number it works out itself.
//   questions the step in order, forward, backward, update: each asks for the next number. A
//             number typed within TOLERANCE counts as predicted and shows; a wrong one brings a
//             hint (the formula with the numbers put in); "Show it" reveals it without credit.
//             A question may bring look-alikes with it (the output weights' three gradients).
//
// Widget: { root, setLang, ready, values, record, current, answer(text), reveal(), restart(), on(fn) }
//   values   the engine's numbers by key (valuesOf below: z1, a1, …, d for δ, gw11 for ∂L/∂w₁₁,
//            nw11 for w₁₁ after the update; w11 … for the starting weights)
//   record   {question key: 'predicted' | 'revealed'}
//   on(fn)   fn({predicted: {forward, backward, update}, record}) after every answer or reveal
import { h, newId } from '../../lib/dom.js';
import { NEGATIVE, POSITIVE } from '../../lib/palette.js';
import { addStyle, getEngine } from './common.js';
import { bilingual, changes } from './output-kit.js';

/** The lesson's network and example: readable starting weights, target 1, learning rate 0.5. */
export const NET = Object.freeze({
  x: [1, 0.5], y: 1, lr: 0.5,
  W: [[0.1, -0.2], [0.4, 0.3]], b: [0.1, -0.1], // into h₁ and h₂
  V: [0.5, -0.3], c: 0.2, // into the output
});

/** A typed number counts when it is within 2 % of the engine's, or within 0.0005 of it. */
export const TOLERANCE = { relative: 0.02, absolute: 0.0005 };
export const closeEnough = (typed, v) => Math.abs(typed - v) <= Math.max(TOLERANCE.relative * Math.abs(v), TOLERANCE.absolute);

const MINUS = '\u2212';
/** The widget's numbers: four decimals at most (as PyTorch prints a tensor), a true minus sign. */
export const show = (v) => String(Number(v.toFixed(4))).replace('-', MINUS);
const par = (v) => (v < 0 ? `(${show(v)})` : show(v));

/** Reads a learner's number: a true minus or a decimal comma are fine; null when it is no number. */
export function readNumber(text) {
  const s = String(text).trim().replace(/\u2212|\u2013/g, '-').replace(/^(-?\d*),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  return Number(s);
}

// The numbers of one step, from the engine's trace.
function valuesOf(trace) {
  const P = Object.fromEntries(trace.params.map((p) => [p.name, p]));
  const [z1, z2] = trace.layers[0].output;
  const [a1, a2] = trace.layers[1].output;
  const [d1, d2] = trace.layers[0].gradOutput;
  const z = trace.layers[2].output[0];
  const v = {
    x1: trace.input[0], x2: trace.input[1], y: NET.y, lr: NET.lr,
    z1, z2, a1, a2, z, p: 1 / (1 + Math.exp(-z)), L: trace.loss, d: trace.layers[2].gradOutput[0], d1, d2,
  };
  const named = { '0.weight': ['w11', 'w12', 'w21', 'w22'], '0.bias': ['b1', 'b2'], '2.weight': ['v1', 'v2'], '2.bias': ['c'] };
  for (const [name, keys] of Object.entries(named)) {
    keys.forEach((k, i) => {
      v[k] = P[name].value[i];
      v[`g${k}`] = P[name].grad[i];
      v[`n${k}`] = P[name].updated[i];
    });
  }
  return v;
}

// The questions, in the order of the step. `shows`: what the answer puts on the drawing (the key
// asked first). `hint(v)`: the formula with the numbers put in; `worked(v)`: the same, solved.
const Q = (phase, shows, ask, hint, worked) => ({ phase, key: shows[0], shows, ask, hint, worked });
const sig = (z) => `1 / (1 + exp(${MINUS}${par(z)}))`;
export const QUESTIONS = [
  Q('forward', ['z1'], { en: 'z₁, the weighted sum coming into h₁', ko: 'h₁로 들어가는 가중합 z₁' },
    (v) => `z₁ = w₁₁·x₁ + w₁₂·x₂ + b₁ = ${par(v.w11)}·${par(v.x1)} + ${par(v.w12)}·${par(v.x2)} + ${par(v.b1)}`,
    (v) => ` = ${show(v.z1)}`),
  Q('forward', ['a1'], { en: 'a₁ = σ(z₁), what h₁ passes on', ko: 'h₁이 다음 층으로 넘기는 값 a₁ = σ(z₁)' },
    (v) => `a₁ = σ(z₁) = ${sig(v.z1)}`,
    (v) => ` = ${show(v.a1)}`),
  Q('forward', ['a2', 'z2'], { en: 'a₂, the output of h₂ (its sum z₂ first)', ko: 'h₂의 출력 a₂ (가중합 z₂를 먼저 구하세요)' },
    (v) => `z₂ = w₂₁·x₁ + w₂₂·x₂ + b₂ = ${par(v.w21)}·${par(v.x1)} + ${par(v.w22)}·${par(v.x2)} + ${par(v.b2)};  a₂ = σ(z₂)`,
    (v) => ` = σ(${show(v.z2)}) = ${show(v.a2)}`),
  Q('forward', ['z'], { en: 'z, the output neuron’s logit', ko: '출력 뉴런의 로짓 z' },
    (v) => `z = v₁·a₁ + v₂·a₂ + c = ${par(v.v1)}·${par(v.a1)} + ${par(v.v2)}·${par(v.a2)} + ${par(v.c)}`,
    (v) => ` = ${show(v.z)}`),
  Q('forward', ['p'], { en: 'p = σ(z), the predicted probability that y = 1', ko: '예측 확률 p = σ(z) (y = 1일 확률)' },
    (v) => `p = σ(z) = ${sig(v.z)}`,
    (v) => ` = ${show(v.p)}`),
  Q('forward', ['L'], { en: 'L, the loss (the target is y = 1; log is the natural log)', ko: '손실 L (목표는 y = 1, log는 자연로그)' },
    (v) => `L = ${MINUS}[y·log p + (1 ${MINUS} y)·log(1 ${MINUS} p)] = ${MINUS}log ${show(v.p)}`,
    (v) => ` = ${show(v.L)}`),
  Q('backward', ['d'], { en: 'δ = ∂L/∂z, the output neuron’s error signal', ko: '출력 뉴런의 오차 신호 δ = ∂L/∂z' },
    (v) => `δ = p ${MINUS} y = ${show(v.p)} ${MINUS} ${show(v.y)}`,
    (v) => ` = ${show(v.d)}`),
  Q('backward', ['gv1', 'gv2', 'gc'], { en: '∂L/∂v₁, the gradient of the weight from h₁ to the output', ko: 'h₁에서 출력으로 가는 가중치의 기울기 ∂L/∂v₁' },
    (v) => `∂L/∂v₁ = δ·a₁ = ${par(v.d)}·${par(v.a1)}`,
    (v) => ` = ${show(v.gv1)}   (∂L/∂v₂ = δ·a₂ = ${show(v.gv2)},  ∂L/∂c = δ = ${show(v.gc)})`),
  Q('backward', ['d1'], { en: 'δ₁ = ∂L/∂z₁, h₁’s error signal', ko: 'h₁의 오차 신호 δ₁ = ∂L/∂z₁' },
    (v) => `δ₁ = σ′(z₁)·v₁·δ = a₁(1 ${MINUS} a₁)·v₁·δ = ${par(v.a1)}·(1 ${MINUS} ${show(v.a1)})·${par(v.v1)}·${par(v.d)}`,
    (v) => ` = ${show(v.d1)}`),
  Q('backward', ['d2'], { en: 'δ₂ = ∂L/∂z₂, h₂’s error signal', ko: 'h₂의 오차 신호 δ₂ = ∂L/∂z₂' },
    (v) => `δ₂ = a₂(1 ${MINUS} a₂)·v₂·δ = ${par(v.a2)}·(1 ${MINUS} ${show(v.a2)})·${par(v.v2)}·${par(v.d)}`,
    (v) => ` = ${show(v.d2)}`),
  Q('backward', ['gw11', 'gw12', 'gw21', 'gw22', 'gb1', 'gb2'], { en: '∂L/∂w₁₁, the gradient of the weight from x₁ to h₁', ko: 'x₁에서 h₁로 가는 가중치의 기울기 ∂L/∂w₁₁' },
    (v) => `∂L/∂w₁₁ = δ₁·x₁ = ${par(v.d1)}·${par(v.x1)}`,
    (v) => ` = ${show(v.gw11)}   (∂L/∂w_ji = δ_j·x_i,  ∂L/∂b_j = δ_j)`),
  Q('update', ['nw11', 'nw12', 'nw21', 'nw22', 'nb1', 'nb2', 'nv1', 'nv2', 'nc'], { en: 'w₁₁ after the step, with learning rate η = 0.5', ko: '학습률 η = 0.5로 한 번 갱신한 뒤의 w₁₁' },
    (v) => `w₁₁ ← w₁₁ ${MINUS} η·∂L/∂w₁₁ = ${par(v.w11)} ${MINUS} ${par(v.lr)}·${par(v.gw11)}`,
    (v, t) => ` = ${show(v.nw11)}   (${t({ en: 'every weight the same way', ko: '다른 가중치도 모두 같은 식으로' })})`),
];
export const PHASES = ['forward', 'backward', 'update'];
// The question each shown number belongs to (the starting weights and inputs belong to none).
const OWNER = Object.fromEntries(QUESTIONS.flatMap((q) => q.shows.map((k) => [k, q.key])));
const COUNT = Object.fromEntries(PHASES.map((ph) => [ph, QUESTIONS.filter((q) => q.phase === ph).length]));

const PHASE_NAMES = {
  forward: { en: 'Forward', ko: '순전파' },
  backward: { en: 'Backward', ko: '역전파' },
  update: { en: 'Update', ko: '갱신' },
};

addStyle('backprop-hand', `
.lw-bp { container-type: inline-size; }
.lw-bp-net { position: relative; display: grid; grid-template-columns: 6.5rem minmax(0, 17rem) minmax(0, 17rem);
  justify-content: space-between; align-items: center; column-gap: 2.5rem; padding: .25rem 0 .5rem; }
.lw-bp-col { position: relative; z-index: 1; display: flex; flex-direction: column; gap: 1.25rem; min-width: 0; }
.lw-bp-wires { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; overflow: visible; }
.lw-bp-wires path { fill: none; stroke-linecap: round; stroke-linejoin: round; opacity: .55; }
.lw-bp-card { background: var(--card); border: 1.5px solid var(--line); border-radius: 8px; padding: .45rem .55rem;
  font-size: 14px; font-variant-numeric: tabular-nums; line-height: 1.35; min-width: 0; }
.lw-bp-card.lw-bp-input { text-align: center; font-size: 15px; }
.lw-bp-name { font-weight: 700; display: flex; justify-content: space-between; gap: .5rem; }
.lw-bp-name span { font-weight: 400; color: var(--muted); font-size: 13px; }
.lw-bp-vals { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .1rem .6rem; margin: .2rem 0 .3rem; }
.lw-bp-vals > span { white-space: nowrap; }
.lw-bp-output .lw-bp-vals { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.lw-bp-params { border-collapse: collapse; width: 100%; font-size: 13px; }
.lw-bp-params th, .lw-bp-params td { padding: .05rem .2rem; text-align: right; white-space: nowrap; }
.lw-bp-params th:first-child { text-align: left; padding-left: 0; }
.lw-bp-params thead th { color: var(--muted); font-weight: 400; font-size: 12px; border-bottom: 1px solid var(--line); }
[data-key] { border-radius: 3px; }
[data-key][data-state="hidden"] { color: var(--muted); }
[data-key][data-state="asked"] { background: var(--task-bg, #fff8e6); outline: 2px solid var(--task-line, #e69f00); font-weight: 700; }
[data-key][data-state="predicted"] { color: var(--done, #00704f); font-weight: 700; }
.lw-bp-ask { margin-top: .5rem; padding-top: .6rem; border-top: 1px solid var(--line); }
.lw-bp-q { margin: 0 0 .4rem; font-weight: 600; }
.lw-bp-q .lw-bp-phase { color: var(--muted); font-weight: 400; margin-right: .4rem; }
.lw-bp-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.lw-bp-form input { font: inherit; width: 8rem; padding: .3rem .5rem; min-height: 40px; }
.lw-bp-feedback { margin: .4rem 0 0; min-height: 1.4em; font-size: 15px; }
.lw-bp-feedback[data-kind="right"] { color: var(--done, #00704f); }
.lw-bp-feedback[data-kind="wrong"], .lw-bp-feedback[data-kind="error"] { color: #9b1c0c; }
.lw-bp-hint, .lw-bp-worked { margin: .25rem 0 0; font-size: 14px; font-family: var(--mono); overflow-wrap: anywhere; }
.lw-bp-hint { color: var(--ink); }
.lw-bp-worked { color: var(--muted); }
.lw-bp-score { margin: .35rem 0 0; font-size: 13px; color: var(--muted); }
/* narrow: inputs and hidden neurons side by side as on a wide screen, the output under them;
   its wires come down a gutter on the right */
@container (max-width: 600px) {
  .lw-bp-net { grid-template-columns: 4rem minmax(0, 1fr); column-gap: 1rem; row-gap: 1.5rem; padding-right: 1.5rem; }
  .lw-bp-col:last-child { grid-column: 1 / -1; }
  .lw-bp-card { padding: .35rem .45rem; }
  .lw-bp-card.lw-bp-input { font-size: 13px; padding: .3rem 0; white-space: nowrap; }
  .lw-bp-card:not(.lw-bp-output) .lw-bp-vals { display: flex; flex-wrap: wrap; column-gap: .9rem; }
}
`);

export function backpropHandWidget() {
  return (ctx) => {
    const words = bilingual(ctx.lang);
    const events = changes();
    const cells = {};
    let values = null;
    let at = 0; // the question being asked; QUESTIONS.length when the step is done
    let tried = false; // a wrong answer to this question was given
    let record = {};
    let last = null; // {question, how} of the last answered question

    // ---- the drawing ----
    const cell = (key, tag = 'span') => (cells[key] = h(tag, { 'data-key': key }));
    const pair = (label, key) => [h('span', {}, `${label} `, cell(key))];
    const paramTable = (rows) => h('table', { class: 'lw-bp-params' },
      h('thead', {}, h('tr', {}, h('th', {}),
        words.bind(h('th'), { en: 'now', ko: '현재' }), h('th', {}, '∂L/∂·'),
        words.bind(h('th'), { en: 'after', ko: '갱신 후' }))),
      h('tbody', {}, ...rows.map(([label, key]) => h('tr', {}, h('th', {}, label), cell(key, 'td'), cell(`g${key}`, 'td'), cell(`n${key}`, 'td')))));
    const inputCard = (i) => h('div', { class: 'lw-bp-card lw-bp-input', 'data-node': `x${i}` }, ...pair(`x${'₁₂'[i - 1]} =`, `x${i}`));
    const hiddenCard = (j) => {
      const s = '₁₂'[j - 1];
      return h('div', { class: 'lw-bp-card', 'data-node': `h${j}` },
        h('div', { class: 'lw-bp-name' }, `h${s}`, words.bind(h('span'), { en: 'sigmoid', ko: '시그모이드' })),
        h('div', { class: 'lw-bp-vals' }, ...pair(`z${s}`, `z${j}`), ...pair(`a${s}`, `a${j}`), ...pair(`δ${s}`, `d${j}`)),
        paramTable([[`w${s}₁`, `w${j}1`], [`w${s}₂`, `w${j}2`], [`b${s}`, `b${j}`]]));
    };
    const yText = h('span');
    const outputCard = h('div', { class: 'lw-bp-card lw-bp-output', 'data-node': 'out' },
      h('div', { class: 'lw-bp-name' }, words.bind(h('b'), { en: 'output', ko: '출력' }), yText),
      h('div', { class: 'lw-bp-vals' }, ...pair('z', 'z'), ...pair('p', 'p'), ...pair('L', 'L'), ...pair('δ', 'd')),
      paramTable([['v₁', 'v1'], ['v₂', 'v2'], ['c', 'c']]));
    const wires = h('svg', { class: 'lw-bp-wires', 'aria-hidden': 'true' });
    const columns = [
      h('div', { class: 'lw-bp-col' }, inputCard(1), inputCard(2)),
      h('div', { class: 'lw-bp-col' }, hiddenCard(1), hiddenCard(2)),
      h('div', { class: 'lw-bp-col' }, outputCard),
    ];
    const net = h('div', { class: 'lw-bp-net', role: 'group' }, wires, ...columns);
    words.attr(net, 'aria-label', { en: 'The 2-2-1 network with every number of the step', ko: '학습 한 단계의 모든 숫자가 적힌 2-2-1 네트워크' });

    // ---- the question ----
    const phaseText = h('span', { class: 'lw-bp-phase' });
    const askText = h('span');
    const question = h('p', { class: 'lw-bp-q', id: newId('bp-question') }, phaseText, askText);
    const box = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': question.id });
    const check = words.bind(h('button', { type: 'submit', class: 'lw-button primary' }), { en: 'Check', ko: '확인' });
    const reveal = words.bind(h('button', { type: 'button', class: 'lw-button' }), { en: 'Show it', ko: '답 보기' });
    const again = words.bind(h('button', { type: 'button', class: 'lw-button', hidden: true }), { en: 'Start again', ko: '처음부터 다시' });
    const form = h('form', { class: 'lw-bp-form' }, box, check, reveal, again);
    const feedback = h('p', { class: 'lw-bp-feedback', role: 'status', 'aria-live': 'polite' });
    const hint = h('p', { class: 'lw-bp-hint', hidden: true });
    const worked = h('p', { class: 'lw-bp-worked', hidden: true });
    const score = h('p', { class: 'lw-bp-score' });
    const ask = h('div', { class: 'lw-bp-ask' }, question, form, feedback, hint, worked, score);
    const root = h('div', { class: 'lw-card lw-bp' }, net, ask);
    let said = null; // [text, params, kind] of the feedback line, re-said on a language switch

    const predicted = () => Object.fromEntries(PHASES.map((ph) => [ph,
      QUESTIONS.filter((q) => q.phase === ph && record[q.key] === 'predicted').length]));

    function say(text, params = {}, kind = '') {
      said = [text, params, kind];
      feedback.textContent = text ? words.t(text, params) : '';
      feedback.dataset.kind = kind;
    }

    function render() {
      const v = values;
      const current = QUESTIONS[at];
      for (const [key, node] of Object.entries(cells)) {
        const answered = record[OWNER[key]];
        const [state, text] = !v ? ['hidden', '·']
          : !(key in OWNER) ? ['given', show(v[key])]
            : current?.key === key ? ['asked', '?']
              : answered ? [answered, show(v[key])] : ['hidden', '·'];
        node.dataset.state = state;
        node.textContent = text;
      }
      yText.textContent = v ? `y = ${show(v.y)}` : '';
      const done = at >= QUESTIONS.length;
      question.hidden = done;
      box.hidden = check.hidden = reveal.hidden = done;
      again.hidden = !done;
      if (current) {
        const n = QUESTIONS.filter((q) => q.phase === current.phase);
        phaseText.textContent = `${words.t(PHASE_NAMES[current.phase])} ${n.indexOf(current) + 1}/${n.length} ·`;
        askText.textContent = words.t(current.ask);
        box.setAttribute('aria-label', words.t(current.ask));
      }
      hint.hidden = !(tried && current && v);
      if (!hint.hidden) hint.textContent = `${words.t({ en: 'Hint:', ko: '힌트:' })} ${current.hint(v)}`;
      worked.hidden = !(last && v);
      if (last && v) {
        const mark = last.how === 'predicted' ? '✓' : '→';
        worked.textContent = `${mark} ${last.question.hint(v)}${last.question.worked(v, words.t)}`;
      }
      const p = predicted();
      score.textContent = words.t({
        en: 'Predicted (not shown): forward {f} of {nf}, backward {b} of {nb}, update {u} of {nu}.',
        ko: '답을 보지 않고 맞힌 수: 순전파 {nf}개 중 {f}개, 역전파 {nb}개 중 {b}개, 갱신 {nu}개 중 {u}개',
      }, { f: p.forward, b: p.backward, u: p.update, nf: COUNT.forward, nb: COUNT.backward, nu: COUNT.update });
      if (said) feedback.textContent = said[0] ? words.t(said[0], said[1]) : '';
      drawWires();
    }

    function settle(how) {
      const q = QUESTIONS[at];
      record = { ...record, [q.key]: how };
      last = { question: q, how };
      at += 1;
      tried = false;
      box.value = '';
      if (at === QUESTIONS.length) {
        say({ en: 'That was the last one: every number of the step is on the network.', ko: '마지막 숫자였습니다. 이제 한 단계의 모든 숫자가 네트워크 그림에 있습니다.' }, {}, how === 'predicted' ? 'right' : '');
      }
      render();
      events.emit({ predicted: predicted(), record: { ...record } });
    }

    /** The learner's answer to the question asked: 'right', 'wrong' or 'error' (not a number). */
    function answer(text) {
      const q = QUESTIONS[at];
      if (!q || !values) return null;
      const typed = readNumber(text);
      if (typed === null) {
        say({ en: 'Type a number, such as 0.25 or −1.5.', ko: '0.25나 −1.5처럼 숫자를 입력하세요.' }, {}, 'error');
        return 'error';
      }
      if (closeEnough(typed, values[q.key])) {
        say({ en: 'Right.', ko: '맞았습니다.' }, {}, 'right');
        settle('predicted');
        return 'right';
      }
      tried = true;
      say({ en: 'Not quite: {typed} is more than 2% off. The hint below has the numbers filled in.', ko: '아쉽네요. 입력한 값({typed})은 정답과 2% 넘게 차이 납니다. 아래 힌트에 숫자를 넣은 식이 있습니다.' },
        { typed: show(typed) }, 'wrong');
      render();
      return 'wrong';
    }

    function showIt() {
      if (!QUESTIONS[at] || !values) return;
      say({ en: 'Shown. Try to predict the next one before you look.', ko: '답을 보여 드렸습니다. 다음 숫자는 먼저 예측해 보세요.' }, {}, '');
      settle('revealed');
    }

    function restart() {
      at = 0;
      tried = false;
      record = {};
      last = null;
      say(null);
      render();
      box.focus();
      events.emit({ predicted: predicted(), record: {} });
    }

    form.addEventListener('submit', (e) => { e.preventDefault(); answer(box.value); });
    reveal.addEventListener('click', showIt);
    again.addEventListener('click', restart);

    // Wires between the cards, from where the cards are now: left to right, or (a narrow screen,
    // the output under the hidden neurons) out of a hidden neuron's right side, down the gutter
    // and into the output's right side. Coloured by the starting weight's sign, as thick as it is large.
    function drawWires() {
      const frame = net.getBoundingClientRect();
      if (!frame.width || !values) return;
      const nodes = (c) => [...columns[c].children];
      const links = [];
      const Wt = [[values.w11, values.w12], [values.w21, values.w22]];
      nodes(0).forEach((a, i) => nodes(1).forEach((b, j) => links.push([a, b, Wt[j][i], 0])));
      nodes(1).forEach((a, j) => links.push([a, outputCard, values[`v${j + 1}`], j]));
      wires.replaceChildren(...links.map(([a, b, w, k]) => {
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const [ax, ay, bx, by] = [ra.right - frame.left, ra.top + ra.height / 2 - frame.top, rb.left - frame.left, rb.top + rb.height / 2 - frame.top];
        const gutter = frame.width - 14 + 7 * k;
        const d = rb.left >= ra.right - 1 ? `M${ax},${ay} L${bx},${by}`
          : `M${ax},${ay} H${gutter} V${by} H${rb.right - frame.left}`;
        return h('path', { d, stroke: w < 0 ? NEGATIVE : POSITIVE, 'stroke-width': (1 + 5 * Math.abs(w)).toFixed(1) });
      }));
    }
    new ResizeObserver(() => drawWires()).observe(net);

    const ready = getEngine().then((lw) => {
      const model = lw.Model.fromSpec({ input: [2], layers: [{ type: 'linear', out: 2 }, { type: 'sigmoid' }, { type: 'linear', out: 1 }] });
      model.setParameters([
        { name: '0.weight', data: NET.W.flat() }, { name: '0.bias', data: NET.b },
        { name: '2.weight', data: NET.V }, { name: '2.bias', data: [NET.c] },
      ]);
      const opt = lw.optim.SGD(model, { lr: NET.lr });
      const trace = model.traceStep(NET.x, [NET.y], 'bce_with_logits', opt);
      opt.dispose();
      model.dispose();
      values = valuesOf(trace);
      render();
    }).catch((error) => {
      console.error('backprop by hand: engine', error);
      say({ en: 'The engine could not start ({m}); reload the page to try again.', ko: '엔진을 시작하지 못했습니다({m}). 페이지를 새로 고쳐 다시 시도해 보세요.' }, { m: error.message }, 'error');
    });
    render();

    return {
      root,
      ready,
      setLang(lang) { words.setLang(lang); render(); },
      get values() { return values && { ...values }; },
      get record() { return { ...record }; },
      get current() { return QUESTIONS[at]?.key ?? null; },
      answer,
      reveal: showIt,
      restart,
      on: events.on,
    };
  };
}

/** A task's check: done once `count` questions of `phase` are predicted (typed right, not shown). */
export const predictedAtLeast = (id, phase, count) => (ctx, done) => {
  const test = ({ predicted }) => { if (predicted[phase] >= count) done(); };
  return ctx.widget(id).on(test);
};
