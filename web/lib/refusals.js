// Refusing a bad setting out loud, the same way in every element.
//
// A teacher writes settings by hand: attributes (dataset="spirals"), a URL hash
// (#lr=abc&layers=4,100), a message to an embedded page. A value that is not allowed is never
// swapped for a default in silence. It becomes a SettingProblem, which names the setting, the
// value given and what is allowed, and the element goes on with every other value. Then
// RefusalNote.refuse(element, problems) does both things an element owes its reader:
//
//   - the note lists the problems in the element's language, and stays until the reader
//     dismisses it (or a good value for the setting arrives: settled());
//   - the element dispatches the `error` event scripts listen for (refusedEvent), detail
//     {problems: [{setting, value, key, params, message}]}, `message` in English.
//
// The problem texts live here, in both languages, for every element (tests/js/i18n.test.mjs
// checks the table like the others).
import { h } from './dom.js';
import { translator } from './i18n.js';

export const REFUSAL_STRINGS = {
  en: {
    'refusal.title': 'Some settings were not used (the others apply):',
    'refusal.dismiss': 'Dismiss',
    'setting.unknown': 'unknown setting "{setting}"; the settings are: {allowed}',
    'setting.number': '{setting} must be a number, got "{value}"',
    'setting.whole': '{setting} must be a whole number, got {value}',
    'setting.range': '{setting} must be between {min} and {max}, got {value}',
    'setting.bool': '{setting} must be true or false, got "{value}"',
    'setting.oneOf': '{setting} must be one of {allowed}, got "{value}"',
    'setting.list': '{setting} must be a list of names from: {allowed}',
    'setting.listUnknown': '{setting}: unknown "{value}"; allowed: {allowed}',
    'setting.listTwice': '{setting} lists "{value}" twice',
    'setting.listShort': '{setting} needs at least {min} of: {allowed}',
    'setting.activations': '{setting} must list at least one activation from: {allowed}',
    'setting.layerCount': '{setting}: at most {max} hidden layers, got {value}',
    'setting.layerSize': '{setting}: each layer has 1 to {max} neurons, got {value}',
    'setting.escape': 'the address has a broken %-escape: "{value}"',
    'setting.origin': '{setting} must be an origin such as https://course.example (no path), got "{value}"',
    'setting.name': '{setting} must be a name of 1 to {max} letters, digits, "_", "." or "-", got "{value}"',
    'setting.together': 'lesson and widget go together (embed.html#lesson=…&widget=…); the address has only {setting}',
    'setting.notPlayground': 'the settings apply to a playground only; the widget "{value}" is not one',
    'setting.challenge': 'the challenge cannot be read: {problem}',
  },
  ko: {
    'refusal.title': '적용하지 않은 설정이 있습니다 (나머지는 적용했습니다):',
    'refusal.dismiss': '닫기',
    'setting.unknown': '"{setting}"(이)라는 설정은 없습니다. 설정 이름: {allowed}',
    'setting.number': '{setting} 값은 숫자여야 합니다. 받은 값: "{value}"',
    'setting.whole': '{setting} 값은 정수여야 합니다. 받은 값: {value}',
    'setting.range': '{setting} 값은 {min}에서 {max} 사이여야 합니다. 받은 값: {value}',
    'setting.bool': '{setting} 값은 true 또는 false여야 합니다. 받은 값: "{value}"',
    'setting.oneOf': '{setting} 값은 {allowed} 중 하나여야 합니다. 받은 값: "{value}"',
    'setting.list': '{setting} 값은 다음 이름들의 목록이어야 합니다: {allowed}',
    'setting.listUnknown': '{setting}: "{value}"(은)는 없는 이름입니다. 쓸 수 있는 이름: {allowed}',
    'setting.listTwice': '{setting}에 "{value}"(이)가 두 번 들어 있습니다',
    'setting.listShort': '{setting}에는 다음 중 {min}개 이상이 필요합니다: {allowed}',
    'setting.activations': '{setting}에는 활성화 함수가 하나 이상 있어야 합니다: {allowed}',
    'setting.layerCount': '{setting}: 은닉층은 {max}개까지입니다. 받은 값: {value}',
    'setting.layerSize': '{setting}: 층마다 뉴런은 1개에서 {max}개까지입니다. 받은 값: {value}',
    'setting.escape': '주소의 %-이스케이프가 깨져 있습니다: "{value}"',
    'setting.origin': '{setting} 값은 https://course.example 같은 출처(경로 없이)여야 합니다. 받은 값: "{value}"',
    'setting.name': '{setting} 값은 영문자, 숫자, "_", ".", "-"로 된 1~{max}자 이름이어야 합니다. 받은 값: "{value}"',
    'setting.together': 'lesson과 widget은 함께 써야 합니다(embed.html#lesson=…&widget=…). 주소에는 {setting}만 있습니다',
    'setting.notPlayground': '설정은 플레이그라운드에만 적용됩니다. 위젯 "{value}"은(는) 플레이그라운드가 아닙니다',
    'setting.challenge': '도전 과제를 읽을 수 없습니다: {problem}',
  },
};

const english = translator(REFUSAL_STRINGS);

/**
 * A refusal as text in the words of t(key, params): a refusal is {key, params}; params.details
 * (a list of refusals) fill its {message} and params.detail (one) its {detail}, so the specifics
 * of a refused file (which weight, which stroke) are said in the page's language too.
 */
export function problemText(p, t) {
  const params = { ...p.params };
  if (Array.isArray(params.details)) params.message = params.details.map((d) => problemText(d, t)).join('; ');
  if (params.detail) params.detail = problemText(params.detail, t);
  return t(p.key, params);
}

/** A refused setting: which one, the value given, and a string key with params saying what is allowed. */
export class SettingProblem extends Error {
  constructor(setting, value, key, params = {}) {
    const all = { setting, value: String(value), ...params };
    super(english('en', key, all));
    this.name = 'SettingProblem';
    this.setting = setting;
    this.value = String(value);
    this.key = key;
    this.params = all;
  }

  /** The problem in lang, with t a translator over a table that includes REFUSAL_STRINGS. */
  text(t) {
    return t(this.key, this.params);
  }

  toJSON() {
    return { setting: this.setting, value: this.value, key: this.key, params: this.params, message: this.message };
  }
}

/** value when it is one of allowed; else throws a SettingProblem naming them. */
export function mustBeOneOf(setting, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new SettingProblem(setting, value, 'setting.oneOf', { allowed: allowed.join(', ') });
}

/**
 * Attribute values checked against their choices ({name: allowed values}): `values` holds the
 * allowed ones, `problems` a SettingProblem for each other one. A null value (attribute not
 * set) is neither.
 */
export function readChoices(attributes, choices) {
  const values = {};
  const problems = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    try {
      values[name] = mustBeOneOf(name, value, choices[name]);
    } catch (err) {
      problems.push(err);
    }
  }
  return { values, problems };
}

/**
 * A list of tokens (hide="code, histograms"), comma- or space-separated: `tokens` holds the
 * allowed ones, `problems` a SettingProblem for each other one.
 */
export function readTokens(setting, text, allowed) {
  const tokens = [];
  const problems = [];
  for (const token of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (allowed.includes(token)) tokens.push(token);
    else problems.push(new SettingProblem(setting, token, 'setting.listUnknown', { allowed: allowed.join(', ') }));
  }
  return { tokens, problems };
}

/** A problem as plain data for an event or a message: a SettingProblem's fields, or {message}. */
export function problemData(problem) {
  return problem instanceof SettingProblem ? problem.toJSON() : { message: String(problem?.message ?? problem) };
}

/** The `error` event an element dispatches for refused settings (detail.problems as plain objects). */
export function refusedEvent(problems) {
  return new CustomEvent('error', { detail: { problems: problems.map(problemData) } });
}

/**
 * The note an element shows for refused settings: a title, one line per problem, a Dismiss
 * button. show(problems) adds to what it lists (a setting refused twice is listed once, its
 * latest value); relabel(t) puts it into another language; clear() hides it.
 */
export class RefusalNote {
  #problems = [];
  #t = null;

  constructor(t) {
    this.#t = t;
    this.list = h('ul', {});
    this.title = h('p', { class: 'refusal-title', t: 'refusal.title' });
    this.dismiss = h('button', { type: 'button', class: 'btn small refusal-dismiss', t: 'refusal.dismiss', onclick: () => this.clear() });
    this.root = h('div', { class: 'refusal', role: 'alert', hidden: true },
      h('div', { class: 'refusal-text' }, this.title, this.list), this.dismiss);
  }

  /** The problems listed now (SettingProblems). */
  get problems() {
    return [...this.#problems];
  }

  /**
   * Shows problems and dispatches their `error` event on target, in a microtask: a refusal made
   * while the element is being set up still reaches a listener the page adds right after.
   */
  refuse(target, problems) {
    if (!problems.length) return;
    this.show(problems);
    queueMicrotask(() => target.dispatchEvent(refusedEvent(problems)));
  }

  /**
   * Attribute values read with readChoices: refuses the bad ones, settles the good ones, and
   * returns the good ones ({name: value}).
   */
  checked(target, attributes, choices) {
    const { values, problems } = readChoices(attributes, choices);
    this.refuse(target, problems);
    this.settled(Object.keys(values));
    return values;
  }

  show(problems) {
    if (!problems.length) return;
    const others = this.#problems.filter((p) => !problems.some((q) => q.setting === p.setting));
    this.#problems = [...others, ...problems];
    this.root.hidden = false;
    this.relabel(this.#t);
  }

  /** Forgets the problems of these settings (a good value for them has arrived). */
  settled(settings) {
    this.#problems = this.#problems.filter((p) => !settings.includes(p.setting));
    if (!this.#problems.length) this.clear();
    else this.relabel(this.#t);
  }

  relabel(t) {
    this.#t = t;
    this.title.textContent = t('refusal.title');
    this.dismiss.textContent = t('refusal.dismiss');
    this.list.replaceChildren(...this.#problems.map((p) => h('li', {}, p.text(t))));
  }

  clear() {
    this.#problems = [];
    this.list.replaceChildren();
    this.root.hidden = true;
  }
}
