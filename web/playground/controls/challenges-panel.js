// The challenges panel: the built-in challenges (challenges.js) and a course author's own (the
// element's `challenge` attribute), one of them followed at a time, with a live checklist of
// its clauses; progress kept in this browser. The element tells it about runs (startRun when
// a network is built, settingsChanged when settings change in place) and calls update() with
// the run's numbers after each render.
import { h, relabel, setText } from '../../lib/dom.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { CHALLENGES, ChallengeTracker, GOALS, customChallenge } from '../challenges.js';

const STORE_KEY = 'layerwise.challenges.v1';

/**
 * Progress in localStorage ({id: {stage, kept, done}}), read once and again when another tab
 * writes it; without storage, for the visit.
 */
export function challengeStore(storage = globalThis.localStorage) {
  let memory = {};
  const read = () => {
    try {
      const v = JSON.parse(storage?.getItem(STORE_KEY) ?? 'null');
      if (v && typeof v === 'object' && !Array.isArray(v)) memory = v;
    } catch { /* keep what is in memory */ }
  };
  read();
  globalThis.addEventListener?.('storage', (e) => e.key === STORE_KEY && read());
  return {
    get: (id) => (Object.hasOwn(memory, id) ? memory[id] : undefined),
    set(id, progress) {
      read();
      memory[id] = progress;
      try { storage?.setItem(STORE_KEY, JSON.stringify(memory)); } catch { /* storage may be off */ }
    },
  };
}

const shown = (name, v) => {
  if (v === null || v === undefined) return '–';
  if (name.endsWith('Accuracy')) return formatPercent(v);
  return typeof v === 'number' ? formatNumber(v, 4) : String(v);
};

export class ChallengesPanel {
  #t;
  #lang = 'en';
  #trackers;
  #active;
  #store;
  #last = { state: null, metrics: null };
  #run = null; // the current run's build: {state, options}, and the settings since ({state})

  constructor({ t, store = challengeStore(), onDone = () => {} }) {
    this.#t = t;
    this.#store = store;
    this.onDone = onDone;
    this.#trackers = CHALLENGES.map((c) => new ChallengeTracker(c, store));
    this.#active = this.#trackers[0];
    this.list = h('ul', { class: 'challenge-list' });
    this.checklist = h('ul', { class: 'challenge-checklist', 'aria-live': 'polite' });
    this.head = h('p', { class: 'challenge-head' });
    this.status = h('p', { class: 'challenge-status', role: 'status' });
    this.hint = h('p', { class: 'challenge-hint' });
    this.details = h('details', { class: 'challenges-box' },
      h('summary', {}, h('h2', { t: 'challenge.title' }), h('span', { class: 'summary-tip', t: 'challenge.tip' })),
      h('div', { class: 'challenge-body' },
        this.list,
        h('div', { class: 'challenge-current' }, this.head, this.checklist, this.status, this.hint)));
    this.root = h('section', { class: 'panel challenges', 'data-panel': 'challenges' }, this.details);
    this.#renderList();
  }

  /** A course author's challenge (clauses text): it is listed first and followed. Throws ChallengeProblem. */
  setCustom(text) {
    this.#trackers = this.#trackers.filter((tr) => !tr.challenge.custom);
    if (text === null || text === '') {
      this.#active = this.#trackers[0];
    } else {
      const tracker = new ChallengeTracker(customChallenge(text), this.#store);
      if (this.#run) { // a challenge given to a running playground judges the run as it stands
        tracker.startRun(this.#run.built, this.#run.options);
        for (const state of this.#run.since) tracker.settingsChanged(state);
      }
      this.#trackers.unshift(tracker);
      this.#active = tracker;
      this.details.open = true;
    }
    this.#render();
  }

  get active() {
    return this.#active;
  }

  startRun(state, options) {
    this.#run = { built: state, options, since: [] };
    for (const tr of this.#trackers) tr.startRun(state, options);
    this.#render();
  }

  settingsChanged(state) {
    this.#run?.since.push(state);
    for (const tr of this.#trackers) tr.settingsChanged(state);
    this.#render();
  }

  /** The run's state and numbers ({epoch, trainLoss, ...}) after a render: checks and redraws. */
  update(state, metrics, lang) {
    this.#lang = lang;
    this.#last = { state, metrics };
    for (const tr of this.#trackers) if (tr.check(state, metrics)) this.onDone(tr.challenge);
    this.#render();
  }

  relabel(t) {
    this.#t = t;
    relabel(this.root, t);
    this.listKey = this.renderKey = '';
    this.#renderList();
    this.#render();
  }

  #title(c) {
    return c.title?.[this.#lang] ?? c.title?.en ?? this.#t('challenge.custom');
  }

  #renderList() {
    // rebuilt only when what it says changes, so a focused button keeps its focus
    const key = `${this.#lang}|${this.#active?.challenge.id}|${this.#trackers.map((tr) => `${tr.challenge.id}:${tr.progress.stage}:${tr.done}`).join()}`;
    if (key === this.listKey) return;
    this.listKey = key;
    this.list.replaceChildren(...this.#trackers.map((tr) => {
      const c = tr.challenge;
      const b = h('button', { type: 'button', class: 'challenge-pick', 'aria-pressed': String(tr === this.#active), 'data-challenge': c.id,
        onclick: () => { this.#active = tr; this.#renderList(); this.#render(); } }, this.#title(c));
      const badge = h('span', { class: `challenge-badge${tr.done ? ' done' : ''}` });
      setText(badge, tr.done ? 'challenge.done' : tr.progress.stage > 0 ? 'challenge.stage' : 'challenge.notDone',
        { n: tr.progress.stage + 1, of: c.stages.length }, this.#t);
      return h('li', {}, b, badge);
    }));
  }

  #render() {
    const t = this.#t;
    const tr = this.#active;
    if (!tr) return;
    const c = tr.challenge;
    const { state, metrics } = this.#last;
    const rows = state ? tr.rows(state, metrics) : [];
    const status = tr.done ? 'challenge.doneNote' : tr.tainted ? 'challenge.tainted' : 'challenge.working';
    // drawn again only when what it says changes: update() comes with every frame
    const key = [this.#lang, c.id, tr.progress.stage, status, ...rows.map((r) => `${r.ok}${shown(r.name, r.now)}`)].join('|');
    if (key !== this.renderKey) {
      this.renderKey = key;
      this.head.textContent = c.stages.length > 1 && !tr.done
        ? `${this.#title(c)} — ${t('challenge.stage', { n: tr.progress.stage + 1, of: c.stages.length })}` : this.#title(c);
      this.checklist.replaceChildren(...rows.map((r) => h('li', { class: r.ok ? 'ok' : 'no', 'data-clause': r.name },
        h('span', { class: 'mark', 'aria-hidden': 'true' }, r.ok ? '✓' : '○'),
        `${t(GOALS.includes(r.name) ? `challenge.goal.${r.name}` : 'challenge.setting', { name: r.name })} ${r.op} ${shown(r.name, r.value)} `,
        h('span', { class: 'now' }, t('challenge.now', { value: shown(r.name, r.now) })))));
      setText(this.status, status, null, t);
      this.status.className = `challenge-status ${tr.done ? 'done' : tr.tainted ? 'tainted' : ''}`.trim();
      this.hint.textContent = c.hint ? `${t('challenge.hint')} ${c.hint[this.#lang] ?? c.hint.en}` : '';
    }
    this.#renderList();
  }

}
