// The embed page (embed.html#…): one piece of Layerwise alone, for an iframe in a course page.
//   embed.html#dataset=spiral&layers=8,8&hide=code,histograms&parent=https://course.example
//     a playground: every key of the state table (web/playground/state.js) becomes its
//     attribute, as do `hide` and `speed`;
//   embed.html#lesson=hidden&widget=spiral&lang=ko
//     one lesson widget with its caption (web/lessons/mount.js makes it as the lesson page
//     does); the state keys and `hide` also apply when the widget is a playground.
// It keeps no autosave unless the hash asks for one of its own (`autosave=name`: the entry
// "layerwise-playground:embed.name", which never is the main site's), and does not read the
// lessons' progress. Its language is the address's `lang`, else the site's (web/lib/i18n.js
// siteLang), as every page's. It tells the parent its height, its epochs and its state, and
// takes commands from the parent named by `parent=` (bridge.js has the origin rule;
// docs/embedding.md has every key and message). A key it does not know, or a bad value of its
// own, shows in a note that can be dismissed, and goes to the parent as an `error` message.
// The hash is read once: a parent that changes it gets the page loaded afresh.
import '../playground/element.js';
import { KEYS, toJSONState } from '../playground/state.js';
import { t as playgroundText } from '../playground/i18n.js';
import { pageText } from '../lessons/catalog.js';
import { findWidget, loadLesson, mountWidget, widgetContext } from '../lessons/mount.js';
import { inlineNodes } from '../lessons/markup.js';
import { h } from '../lib/dom.js';
import { RefusalNote, SettingProblem, problemData } from '../lib/refusals.js';
import { hashPairs } from '../lib/hash.js';
import { LANGS, pick, siteLang } from '../lib/i18n.js';
import { parentOrigin, startBridge } from './bridge.js';

const PAGE_KEYS = ['parent', 'autosave', 'hide', 'open', 'speed', 'challenge', 'lesson', 'widget'];
const COMMANDS = ['setState', 'getState', 'play', 'pause', 'step', 'reset'];
const AUTOSAVE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** The hash read: {settings: [[key, text]] of the state, options: {key: text}, problems}. */
export function readAddress(hash) {
  const settings = [];
  const options = {};
  const problems = [];
  const malformed = [];
  const pairs = hashPairs(hash, malformed);
  for (const part of malformed) problems.push(new SettingProblem('address', part, 'setting.escape'));
  for (const [key, value] of pairs) {
    if (KEYS.includes(key)) settings.push([key, value]);
    else if (PAGE_KEYS.includes(key)) options[key] = value;
    else problems.push(new SettingProblem(key, value, 'setting.unknown', { allowed: [...KEYS, ...PAGE_KEYS].join(', ') }));
  }
  if ('parent' in options) {
    try {
      options.parent = parentOrigin(options.parent);
    } catch (error) {
      if (!(error instanceof SettingProblem)) throw error;
      problems.push(error);
      delete options.parent;
    }
  }
  if ('autosave' in options && !AUTOSAVE_NAME.test(options.autosave)) {
    problems.push(new SettingProblem('autosave', options.autosave, 'setting.name', { max: 64 }));
    delete options.autosave;
  }
  if (('lesson' in options) !== ('widget' in options)) {
    problems.push(new SettingProblem('lesson' in options ? 'lesson' : 'widget', options.lesson ?? options.widget, 'setting.together'));
    delete options.lesson;
    delete options.widget;
  }
  return { settings, options, problems };
}

/**
 * The attributes the address gives a playground: its settings, hide (added to a lesson
 * widget's own), open, speed and its own autosave.
 */
function applyTo(element, { settings, options }) {
  for (const [key, value] of settings) element.setAttribute(key, value);
  if ('hide' in options) element.setAttribute('hide', [element.getAttribute('hide'), options.hide].filter(Boolean).join(','));
  if ('open' in options) element.setAttribute('open', options.open);
  if ('speed' in options) element.setAttribute('speed', options.speed);
  if ('challenge' in options) element.setAttribute('challenge', options.challenge);
  if ('autosave' in options) element.setAttribute('autosave', `embed.${options.autosave}`);
  else element.removeAttribute('autosave');
}

// The page's language: the address's `lang` (the teacher's), else the site's (web/lib/i18n.js:
// the learner's pick on the site where the frame can see it, else the browser's).
function langOf(settings) {
  const asked = settings.find(([key]) => key === 'lang')?.[1];
  if (LANGS.includes(asked)) return asked;
  return siteLang();
}

// The note over the content for problems of the address itself (web/lib/refusals.js: the
// elements' note, in the page's language, with its Dismiss button).
function note(main, lang, problems) {
  const refusal = new RefusalNote((key, params) => playgroundText(lang, key, params));
  refusal.show(problems.filter((p) => p instanceof SettingProblem));
  main.prepend(refusal.root);
}

// The height of what the page shows, each time it changes.
function reportHeight(main, bridge) {
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(main.getBoundingClientRect().height);
    if (height !== last) bridge.post('height', { height });
    last = height;
  }).observe(main);
}

// The parent's commands to a playground; anything else is answered with an `error` message.
function obey(element, data, bridge) {
  const fail = (message) => bridge.post('error', { problems: [{ message }] });
  if (!element) return fail(`this frame shows a lesson widget that takes no commands (got "${data.type}")`);
  switch (data.type) {
    case 'setState':
      if (!data.state || typeof data.state !== 'object') return fail('setState needs `state`, an object of settings, e.g. {dataset: "xor"}');
      element.state = data.state; // a bad value comes back as the element's `error` event
      return;
    case 'getState':
      return bridge.post('state', { state: toJSONState(element.state) });
    case 'play':
      return element.play();
    case 'pause':
      return element.pause();
    case 'reset':
      return element.reset().catch((error) => fail(error.message));
    case 'step':
      return element.step(data.epochs ?? 1).catch((error) => fail(error.message));
    default:
      return fail(`unknown command "${data.type}"; the commands are ${COMMANDS.join(', ')}`);
  }
}

// Forwards a playground's events to the parent.
function relay(element, bridge) {
  element.addEventListener('epoch', (e) => bridge.post('epoch', { ...e.detail }));
  element.addEventListener('statechange', (e) => bridge.post('statechange', { state: toJSONState(e.detail.state) }));
  element.addEventListener('error', (e) => {
    if (e.detail?.problems) bridge.post('error', { problems: e.detail.problems });
  });
}

// One lesson widget with its caption; null (and the reason on the page) when it cannot be shown.
async function mountLessonWidget(main, address, lang, bridge) {
  const { lesson: lessonId, widget: widgetId } = address.options;
  for (const href of ['../vendor/katex/katex.min.css', '../lessons/lessons.css']) {
    document.head.append(h('link', { rel: 'stylesheet', href: new URL(href, import.meta.url).href }));
  }
  document.body.classList.add('embed-lesson');
  const lesson = await loadLesson(lessonId);
  const found = lesson && findWidget(lesson, widgetId);
  if (!found) {
    const problem = lesson ? pageText(lang, 'embed.unknown', { lesson: lessonId, widget: widgetId }) : pageText(lang, 'lesson.unknown', { id: lessonId });
    main.append(h('p', { class: 'widget-error', role: 'alert' }, problem));
    return { widget: null, problems: [new Error(problem)] };
  }
  const widgets = {};
  const slot = h('figure', { class: 'widget', 'data-widget': widgetId });
  main.append(slot);
  const ctx = widgetContext(lesson.id, () => lang, widgets);
  const widget = mountWidget(found.block, slot, ctx, (w) => {
    if (w.element?.localName !== 'layerwise-playground') return;
    applyTo(w.element, address);
    relay(w.element, bridge); // before it connects: the `error` of bad settings comes at once
  });
  if (widget) widgets[widgetId] = widget;
  if (widget && found.block.caption) {
    const caption = h('figcaption');
    caption.append(inlineNodes(pick(found.block.caption, lang)));
    slot.append(caption);
  }
  const problems = [];
  if (!widget?.element && address.settings.some(([key]) => key !== 'lang')) {
    problems.push(new SettingProblem('widget', widgetId, 'setting.notPlayground'));
  }
  return { widget, problems };
}

async function main() {
  const root = document.getElementById('embed');
  const address = readAddress(location.hash);
  const lang = langOf(address.settings);
  document.documentElement.lang = lang;
  addEventListener('hashchange', () => location.reload());
  let element = null;
  const bridge = startBridge({ parent: address.options.parent ?? null, onCommand: (data) => obey(element, data, bridge) });
  reportHeight(root, bridge);
  let problems = address.problems;
  let ready;
  if ('lesson' in address.options) {
    const made = await mountLessonWidget(root, address, lang, bridge);
    problems = problems.concat(made.problems);
    element = made.widget?.element ?? null;
    ready = made.widget?.ready;
  } else {
    element = document.createElement('layerwise-playground');
    applyTo(element, address);
    relay(element, bridge); // before it connects: the `error` of bad settings comes at once
    root.append(element);
    ready = element.ready;
  }
  note(root, lang, problems);
  if (problems.length) bridge.post('error', { problems: problems.map(problemData) });
  // an engine that cannot start says so on the page; the parent hears it too
  await Promise.resolve(ready).catch((error) => bridge.post('error', { problems: [problemData(error)] }));
  const where = 'lesson' in address.options ? { lesson: address.options.lesson, widget: address.options.widget } : {};
  bridge.post('ready', { kind: element ? 'playground' : 'widget', ...where, ...(address.options.parent && element ? { state: toJSONState(element.state) } : {}) });
}

window.layerwiseEmbed = { ready: main() };
window.layerwiseEmbed.ready.catch((error) => console.error('embed:', error));
