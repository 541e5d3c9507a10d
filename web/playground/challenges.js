// Challenges: a goal on the run's numbers under constraints on its settings, checked by
// outcome like the lessons' tasks. No DOM: the element shows the checklist and keeps progress.
//
// A challenge is written as clauses separated by ';' (the form a course author puts in the
// element's `challenge` attribute or the embed page's hash, docs/embedding.md):
//
//   title=Spiral, small; dataset=spiral; neurons<=20; testAccuracy>=0.95
//
//   name op value, op one of >= <= > < = !=
//   goal         testAccuracy, trainAccuracy (as fractions, 0.95), testLoss, trainLoss, epoch
//   constraint   any setting of the state table (dataset, optimizer, lr, layers, features, …),
//                neurons (all hidden neurons) or depth (hidden layers); lists compare as
//                written in the hash (layers=8,8)
//   title        the challenge's name as shown (optional)
//
// Done means: the run reached every goal at once, its settings met every constraint, and it
// got there by training, from weights its own build made, under those constraints all along.
// A run whose weights came from a file or from another run's timeline, or whose settings
// broke a constraint at any point since it was built, cannot complete one (it is "tainted")
// until it is built again (Reset). The built-in challenges may have two stages (first make it
// overfit, then fix it): a later stage keeps the values some settings had when the stage
// before it was done (`keep`), so "without more data" means the same points.
import { FIELDS, KEYS } from './state.js';

export const GOALS = ['testAccuracy', 'trainAccuracy', 'testLoss', 'trainLoss', 'epoch'];
const DERIVED = ['neurons', 'depth'];
const OPS = ['>=', '<=', '!=', '>', '<', '='];

export class ChallengeProblem extends Error {}

/** The clauses of a challenge's text: {title, clauses: [{name, op, value}]}; throws ChallengeProblem. */
export function parseChallenge(text) {
  if (typeof text !== 'string' || !text.trim()) throw new ChallengeProblem('a challenge needs clauses such as "testAccuracy>=0.9; dataset=spiral"');
  let title = null;
  const clauses = [];
  for (const raw of text.split(';').map((c) => c.trim()).filter(Boolean)) {
    if (raw.startsWith('title=')) {
      title = raw.slice(6).trim().slice(0, 120);
      continue;
    }
    const op = OPS.map((o) => [o, raw.indexOf(o)]).filter(([, i]) => i > 0).sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)[0]?.[0];
    if (!op) throw new ChallengeProblem(`"${raw}" is not a clause: write name, an operator (${OPS.join(' ')}) and a value`);
    const at = raw.indexOf(op);
    const name = raw.slice(0, at).trim();
    const value = raw.slice(at + op.length).trim();
    if (!GOALS.includes(name) && !DERIVED.includes(name) && !KEYS.includes(name)) {
      throw new ChallengeProblem(`"${name}" is not something a challenge can check; use ${[...GOALS, ...DERIVED].join(', ')} or a setting`);
    }
    if (value === '') throw new ChallengeProblem(`"${raw}" has no value`);
    const numeric = GOALS.includes(name) || DERIVED.includes(name) || ['int', 'number'].includes(FIELDS[name]?.kind);
    if (numeric && !Number.isFinite(Number(value))) throw new ChallengeProblem(`"${raw}": ${name} takes a number, not "${value}"`);
    if (!numeric && op !== '=' && op !== '!=') throw new ChallengeProblem(`"${raw}": ${name} can only be compared with = or !=`);
    const allowed = FIELDS[name]?.kind === 'enum' ? FIELDS[name].values : null;
    if (allowed && !allowed.includes(value)) throw new ChallengeProblem(`"${raw}": ${name} is one of ${allowed.join(', ')}`);
    clauses.push({ name, op, value: numeric ? Number(value) : value });
  }
  if (!clauses.some((c) => GOALS.includes(c.name))) throw new ChallengeProblem('a challenge needs a goal: testAccuracy, trainAccuracy, testLoss, trainLoss or epoch');
  return { title, clauses };
}

/** A setting's or derived value as a challenge compares it. */
export function valueOf(name, state, metrics) {
  if (GOALS.includes(name)) return metrics?.[name] ?? null;
  if (name === 'neurons') return state.layers.reduce((a, b) => a + b, 0);
  if (name === 'depth') return state.layers.length;
  const v = state[name];
  return Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? String(v) : v;
}

/** Whether one clause holds for a state and metrics. */
export function holds({ name, op, value }, state, metrics) {
  const v = valueOf(name, state, metrics);
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return false;
  switch (op) {
    case '>=': return v >= value;
    case '<=': return v <= value;
    case '>': return v > value;
    case '<': return v < value;
    case '!=': return String(v) !== String(value);
    default: return String(v) === String(value);
  }
}

const isGoal = (c) => GOALS.includes(c.name);
/** The constraints of a clause list (what the settings must be). */
export const constraintsOf = (clauses) => clauses.filter((c) => !isGoal(c));

/** A stage's clauses with the kept values of an earlier stage added as constraints. */
export function stageClauses(stage, kept = {}) {
  return [...stage.clauses, ...Object.entries(kept).map(([name, value]) => ({ name, op: '=', value: Array.isArray(value) ? value.join(',') : value }))];
}

// The built-in set: text as a course author would write it, the title and hint in both languages.
const stage = (text) => parseChallenge(text);
const challenge = (id, title, hint, ...stages) => ({ id, title, hint, stages });
export const CHALLENGES = Object.freeze([
  challenge('spiral-small',
    { en: '95% on the spiral with at most 20 neurons', ko: '뉴런 20개 이하로 나선 데이터 95%' },
    { en: 'More layers of a few neurons each bend the boundary more than one wide layer; features such as sin x₁ help too.', ko: '넓은 층 하나보다 뉴런 몇 개짜리 층 여러 개가 경계를 더 잘 휩니다. sin x₁ 같은 특성도 도움이 됩니다.' },
    stage('dataset=spiral; neurons<=20; testAccuracy>=0.95')),
  challenge('xor-sgd',
    { en: 'Train the XOR with plain SGD', ko: '기본 SGD로 XOR 학습하기' },
    { en: 'No momentum, no Adam: only the learning rate, the batch size, the network and the initialisation are yours.', ko: '모멘텀도 Adam도 없이, 학습률·배치 크기·네트워크·초기화만으로 해 보세요.' },
    stage('dataset=xor; optimizer=sgd; momentum=0; testAccuracy>=0.97')),
  challenge('circle-no-hidden',
    { en: 'Separate the circle with no hidden layer', ko: '은닉층 없이 원 데이터 분리하기' },
    { en: 'With no hidden layer the boundary is a line in the features: give it features in which the circle is a line.', ko: '은닉층이 없으면 경계는 특성 공간의 직선입니다. 원이 직선이 되는 특성을 주세요.' },
    stage('dataset=circle; depth=0; testAccuracy>=0.95')),
  challenge('overfit-fix',
    { en: 'Make it overfit, then fix it without more data', ko: '과적합을 만든 뒤, 데이터를 늘리지 않고 고치기' },
    { en: 'Few points, much noise and a big network overfit (test loss far above training loss). Then keep those points and use L2, dropout or a smaller network.', ko: '점이 적고 노이즈가 많고 네트워크가 크면 과적합합니다(테스트 손실이 학습 손실보다 훨씬 큼). 그다음 그 점들을 그대로 두고 L2, 드롭아웃, 더 작은 네트워크를 써 보세요.' },
    stage('trainAccuracy>=0.97; testAccuracy<=0.85'), { ...stage('testAccuracy>=0.9'), keep: ['dataset', 'noise', 'points', 'trainRatio', 'seed'] }),
]);

/** A challenge from an author's text: one stage, its id made from the text. */
export function customChallenge(text) {
  const { title, clauses } = parseChallenge(text);
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.codePointAt(0)) >>> 0;
  return { id: `custom-${hash.toString(36)}`, title: title ? { en: title, ko: title } : null, custom: true, stages: [{ clauses }] };
}

/**
 * One challenge followed over the runs of a playground. `store` keeps progress across visits:
 * {get(id) → {stage, kept, done} | undefined, set(id, progress)}.
 */
export class ChallengeTracker {
  #tainted = true; // no run seen yet

  constructor(challenge, store) {
    this.challenge = challenge;
    this.store = store;
  }

  get progress() {
    return this.store.get(this.challenge.id) ?? { stage: 0, kept: {}, done: null };
  }

  get done() {
    return Boolean(this.progress.done);
  }

  /** The clauses of the stage being worked on (with the kept values of the one before). */
  get clauses() {
    const { stage, kept } = this.progress;
    const stages = this.challenge.stages;
    return stageClauses(stages[Math.min(stage, stages.length - 1)], kept);
  }

  /** A new run was built: clean when its settings meet the constraints and its weights are its own. */
  startRun(state, { ownWeights = true } = {}) {
    this.#tainted = !ownWeights || !this.#constraintsHold(state);
  }

  /** Settings changed in place (the weights stay): breaking a constraint taints the run. */
  settingsChanged(state) {
    if (!this.#constraintsHold(state)) this.#tainted = true;
  }

  get tainted() {
    return this.#tainted;
  }

  /** After training: completes the stage when every clause holds; returns true when it did. */
  check(state, metrics) {
    if (this.done || this.#tainted || !(metrics.epoch >= 1)) return false;
    if (!this.clauses.every((c) => holds(c, state, metrics))) return false;
    const p = this.progress;
    const next = p.stage + 1;
    const keep = this.challenge.stages[next]?.keep ?? [];
    const kept = Object.fromEntries(keep.map((k) => [k, state[k]]));
    this.store.set(this.challenge.id, next >= this.challenge.stages.length
      ? { stage: next, kept: p.kept, done: Date.now() }
      : { stage: next, kept, done: null });
    if (next < this.challenge.stages.length) this.#tainted = !this.#constraintsHold(state);
    return true;
  }

  /** Each clause of the current stage with whether it holds now and the value it sees. */
  rows(state, metrics) {
    return this.clauses.map((c) => ({ ...c, ok: holds(c, state, metrics), now: valueOf(c.name, state, metrics) }));
  }

  #constraintsHold(state) {
    return constraintsOf(this.clauses).every((c) => holds(c, state, null));
  }
}
