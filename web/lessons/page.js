// A lesson page: lesson.html?id=<lesson>&lang=<en|ko>#<section>. Renders the lesson's content
// (content/<id>.js, format in README.md): prose with formulas, code side by side, widgets and
// "try this" tasks; keeps the reader's place and finished tasks (progress.js); switches
// language in place, keeping the widgets as they are and the reader where they were.
//
// For scripts and tests: window.layerwiseLesson = { id, lang, ready, widgets: {id: widget},
// tasks: {id: {done}} }; each task's box has data-task=<id> and data-done="true" once done.
// `ready` resolves when the page and every widget's own `ready` (if it has one) have settled.
import { h } from '../lib/dom.js';
import { LANGS, keepSiteLang, linkLang, pick, siteLang, withLang } from '../lib/i18n.js';
import { LESSONS, LANG_NAMES, lessonHref, lessonIndex, pageText } from './catalog.js';
import { inlineNodes, mathNode } from './markup.js';
import { highlight } from './highlight.js';
import { isDone, keepPlace, lastPlace, markDone } from './progress.js';
import { loadLesson, mountWidget, widgetContext, widgetSnippets } from './mount.js';
import { openEmbedDialog } from '../lib/embed.js';

// A screen this narrow wraps the code blocks' lines (lessons.css says the same width).
const NARROW = matchMedia('(max-width: 600px)');

const HANGUL = /[\uac00-\ud7a3]/;

/** Checks a lesson's {en, ko} text; what is missing is reported (console.error) and falls back to English. */
function checkText(text, where) {
  const problems = [];
  if (!text || typeof text !== 'object') return [`${where}: not an {en, ko} object`];
  for (const lang of LANGS) {
    if (typeof text[lang] !== 'string' || !text[lang].trim()) problems.push(`${where}: no ${lang} text`);
  }
  if (typeof text.ko === 'string' && text.ko.trim() && !HANGUL.test(text.ko)) problems.push(`${where}: the ko text is not Korean`);
  if (typeof text.en === 'string' && HANGUL.test(text.en)) problems.push(`${where}: the en text has Korean in it`);
  return problems;
}

class LessonPage {
  lang;
  texts = []; // [node, function giving its content now: nodes or plain text]
  widgets = {};
  tasks = {};
  sections = [];

  constructor(lesson, lang) {
    this.lesson = lesson;
    this.lang = lang;
    this.index = lessonIndex(lesson.id);
  }

  // ---- text that follows the language ----
  text(node, text, where) {
    for (const p of checkText(text, where)) console.error(`lesson ${this.lesson.id}: ${p}`);
    this.texts.push([node, () => inlineNodes(text?.[this.lang] || text?.en || '')]);
    return node;
  }

  page(node, key, params) {
    this.texts.push([node, () => pageText(this.lang, key, typeof params === 'function' ? params() : params)]);
    return node;
  }

  relabel() {
    for (const [node, content] of this.texts) node.replaceChildren(content());
    for (const w of Object.values(this.widgets)) w.setLang?.(this.lang);
    document.documentElement.lang = this.lang;
    document.title = `${this.lesson.title[this.lang]} · Layerwise`;
    for (const b of this.langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === this.lang));
    this.updateLinks();
  }

  updateLinks() {
    for (const [a, id] of this.lessonLinks) a.href = lessonHref(id, this.lang);
    linkLang(this.siteLinks, this.lang);
  }

  // ---- the page ----
  render(root) {
    const { lesson } = this;
    this.lessonLinks = [];
    const linkTo = (id, node) => { this.lessonLinks.push([node, id]); return node; };
    const site = (node) => { this.siteLinks.push(node); return node; }; // another page, in this language
    this.siteLinks = [];
    const indexLink = site(this.page(h('a', { href: 'index.html' }), 'lessons'));
    this.langButtons = LANGS.map((lang) => {
      const b = h('button', { type: 'button', 'data-lang': lang, lang }, LANG_NAMES[lang]);
      b.addEventListener('click', () => this.switchLang(lang));
      return b;
    });
    const header = h('header', { class: 'top' },
      site(h('a', { class: 'brand', href: '../index.html' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Layerwise')),
      h('nav', { class: 'top-links' }, indexLink,
        site(this.page(h('a', { href: '../index.html' }), 'playground'))),
      this.page(h('span', { class: 'visually-hidden', id: 'lang-label' }), 'lang.label'),
      h('div', { class: 'lang-switch', role: 'group', 'aria-labelledby': 'lang-label' }, ...this.langButtons));

    const main = h('main', { class: 'lesson', id: 'main' });
    main.append(
      this.page(h('p', { class: 'kicker' }), 'lesson.of', { n: this.index + 1, total: LESSONS.length }),
      this.text(h('h1'), lesson.title, 'title'),
      this.text(h('p', { class: 'lead' }), lesson.lead, 'lead'));

    const toc = h('ol');
    const taskCount = h('p', { class: 'toc-count' });
    main.append(h('nav', { class: 'toc', 'aria-labelledby': 'toc-title' },
      this.page(h('h2', { id: 'toc-title' }), 'lesson.contents'), toc, taskCount));
    this.taskCount = taskCount;
    this.page(taskCount, 'task.count', () => {
      const all = Object.values(this.tasks);
      return { done: all.filter((t) => t.done).length, total: all.length };
    });

    lesson.sections.forEach((section, si) => {
      const where = `sections[${si}]`;
      const h2 = this.text(h('h2'), section.title, `${where}.title`);
      const node = h('section', { id: section.id, 'aria-labelledby': `${section.id}-title` }, h2);
      h2.id = `${section.id}-title`;
      toc.append(h('li', {}, this.text(h('a', { href: `#${section.id}` }), section.title, `${where}.title`)));
      section.blocks.forEach((block, bi) => node.append(this.block(block, `${where}.blocks[${bi}]`)));
      this.sections.push(node);
      main.append(node);
    });

    const prev = LESSONS[this.index - 1];
    const next = LESSONS[this.index + 1];
    main.append(h('nav', { class: 'pager' },
      prev ? linkTo(prev.id, this.page(h('a', { class: 'prev', rel: 'prev' }), 'lesson.prev', () => ({ title: prev.title[this.lang] }))) : h('span'),
      site(this.page(h('a', { class: 'all', href: 'index.html' }), 'lesson.index')),
      next ? linkTo(next.id, this.page(h('a', { class: 'next', rel: 'next' }), 'lesson.next', () => ({ title: next.title[this.lang] }))) : h('span')));
    root.replaceChildren(header, main);
    this.relabel();
  }

  block(block, where) {
    if ('p' in block) return this.text(h('p'), block.p, where);
    if ('note' in block) return this.text(h('aside', { class: 'note' }), block.note, where);
    if ('list' in block) return h('ul', {}, ...block.list.map((item, i) => this.text(h('li'), item, `${where}.list[${i}]`)));
    if ('math' in block) {
      // a formula is one TeX text, or {en, ko} when it has words in it
      const node = h('div', { class: 'math' });
      const tex = block.math;
      if (typeof tex === 'string') node.append(mathNode(tex, true));
      else {
        for (const p of checkText(tex, where)) console.error(`lesson ${this.lesson.id}: ${p}`);
        this.texts.push([node, () => mathNode(pick(tex, this.lang), true)]);
      }
      return node;
    }
    if ('code' in block) return this.codePair(block.code, where);
    if ('widget' in block) return this.widgetSlot(block, where);
    if ('task' in block) return this.taskBox(block, where);
    throw new Error(`lesson ${this.lesson.id}: ${where} is not a known block`);
  }

  // code: a string, or {en, ko} when its comments are worth translating
  codePair({ torch, js }, where) {
    const side = (key, code, lang, at) => {
      const text = () => (typeof code === 'string' ? code : pick(code, this.lang)).trim();
      if (typeof code !== 'string') for (const p of checkText(code, at)) console.error(`lesson ${this.lesson.id}: ${p}`);
      const copy = this.page(h('button', { type: 'button', class: 'copy' }), 'code.copy');
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(text());
          copy.textContent = pageText(this.lang, 'code.copied');
        } catch { /* no clipboard: the code can still be selected */ }
      });
      const body = h('code');
      this.texts.push([body, () => highlight(text(), lang)]);
      // long lines wrap on a narrow screen (no sideways scrolling; lessons.css); the learner
      // can switch either way
      const wrap = this.page(h('button', { type: 'button', class: 'wrap' }), 'code.wrap');
      const wrapped = () => figure.classList.contains('wrapped') || (NARROW.matches && !figure.classList.contains('nowrap'));
      const show = () => wrap.setAttribute('aria-pressed', String(wrapped()));
      wrap.addEventListener('click', () => {
        const on = !wrapped();
        figure.classList.toggle('wrapped', on);
        figure.classList.toggle('nowrap', !on);
        show();
      });
      NARROW.addEventListener('change', show);
      const figure = h('figure', { class: `code code-${lang}` },
        h('figcaption', {}, this.page(h('span'), key), h('span', { class: 'code-buttons' }, wrap, copy)),
        h('pre', { tabindex: '0' }, body));
      show();
      return figure;
    };
    return h('div', { class: 'code-pair' }, side('code.torch', torch, 'python', `${where}.torch`), side('code.js', js, 'js', `${where}.js`));
  }

  widgetSlot(block, where) {
    const slot = h('figure', { class: 'widget', 'data-widget': block.widget });
    this.pendingWidgets ??= [];
    this.pendingWidgets.push([block, slot, where]);
    return slot;
  }

  taskBox(block, where) {
    const status = h('span', { class: 'task-status', role: 'status' });
    const box = h('div', { class: 'task', 'data-task': block.task, 'data-done': 'false' },
      h('p', { class: 'task-label' }, this.page(h('span'), 'task.label'), status),
      this.text(h('p', { class: 'task-text' }), block.text, `${where}.text`));
    if (block.hint) {
      box.append(h('details', { class: 'task-hint' },
        this.page(h('summary'), 'task.hint'),
        this.text(h('p'), block.hint, `${where}.hint`)));
    }
    const done = this.text(h('p', { class: 'task-success' }), block.success ?? { en: '', ko: '' }, `${where}.success`);
    box.append(done);
    this.texts.push([status, () => pageText(this.lang, this.tasks[block.task].done ? 'task.done' : 'task.todo')]);
    this.tasks[block.task] = { done: false, block, box, status };
    return box;
  }

  // Widgets are made after the page is in the document (custom elements measure themselves).
  startWidgets() {
    const ctx = this.context();
    for (const [block, slot, where] of this.pendingWidgets ?? []) {
      const widget = mountWidget(block, slot, ctx);
      if (!widget) continue;
      this.widgets[block.widget] = widget;
      if (block.caption) slot.append(this.text(h('figcaption'), block.caption, `${where}.caption`));
      slot.append(this.embedButton(block.widget, widget));
    }
    this.relabel();
  }

  // The widget's Embed button: its iframe snippet (embed.html#lesson=…&widget=…), and a
  // playground's script-tag snippet too, for the widget as it is now (web/lib/embed.js).
  embedButton(id, widget) {
    const button = this.page(h('button', { type: 'button', class: 'widget-embed', 'data-embed': id }), 'embed.button');
    button.addEventListener('click', () => {
      const where = { lesson: this.lesson.id, widget: id };
      const code = widget.embedCode?.(where) ?? widgetSnippets(where, this.lang);
      openEmbedDialog(document.body, code, (key, params) => pageText(this.lang, key, params));
    });
    return h('div', { class: 'widget-tools' }, button);
  }

  startTasks() {
    const ctx = this.context();
    for (const [id, task] of Object.entries(this.tasks)) {
      if (isDone(this.lesson.id, id)) {
        this.finish(id, { earlier: true });
        continue;
      }
      try {
        task.stop = task.block.check(ctx, () => this.finish(id));
      } catch (error) {
        console.error(`lesson ${this.lesson.id}: task ${id}:`, error);
      }
    }
    this.countTasks();
  }

  finish(id, { earlier = false } = {}) {
    const task = this.tasks[id];
    if (task.done) return;
    task.done = true;
    if (typeof task.stop === 'function') task.stop();
    if (!earlier) markDone(this.lesson.id, id);
    task.box.dataset.done = 'true';
    if (earlier) task.box.dataset.earlier = 'true';
    task.status.textContent = pageText(this.lang, 'task.done');
    this.countTasks();
    this.taskCount.dispatchEvent(new CustomEvent('taskdone', { bubbles: true, detail: { id } }));
  }

  countTasks() {
    const all = Object.values(this.tasks);
    this.taskCount.textContent = pageText(this.lang, 'task.count', { done: all.filter((t) => t.done).length, total: all.length });
  }

  context() {
    return widgetContext(this.lesson.id, () => this.lang, this.widgets);
  }

  // ---- the reader's place ----
  currentSection() {
    let current = this.sections[0];
    for (const s of this.sections) if (s.getBoundingClientRect().top <= 120) current = s;
    return current;
  }

  switchLang(lang) {
    if (lang === this.lang) return;
    const section = this.currentSection();
    const offset = section ? section.getBoundingClientRect().top : 0;
    this.lang = lang;
    keepSiteLang(lang);
    this.relabel();
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    // Text above the reader changes length, and widgets relabel on their next frames: hold the
    // section where it was on the screen until the page has settled.
    if (!section) return;
    const hold = () => window.scrollBy(0, section.getBoundingClientRect().top - offset);
    hold();
    const until = performance.now() + 600;
    const frame = () => {
      hold();
      if (performance.now() < until) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  trackPlace() {
    let pending = false;
    const save = () => {
      pending = false;
      const s = this.currentSection();
      if (s) keepPlace(this.lesson.id, s.id);
    };
    window.addEventListener('scroll', () => {
      if (!pending) { pending = true; setTimeout(save, 300); }
    }, { passive: true });
    // a link to a section is a place; opening the lesson at its top keeps the place saved in it
    const last = lastPlace();
    if (location.hash || last?.lesson !== this.lesson.id) keepPlace(this.lesson.id, location.hash.slice(1) || this.sections[0]?.id);
  }
}

const api = { widgets: {}, tasks: {} };
window.layerwiseLesson = api;

async function main() {
  const root = document.getElementById('app');
  const lang = siteLang();
  const id = new URLSearchParams(location.search).get('id') ?? LESSONS[0].id;
  Object.assign(api, { id, lang });
  if (lessonIndex(id) < 0) {
    root.replaceChildren(h('main', { class: 'lesson' }, h('h1', {}, pageText(lang, 'lesson.unknown', { id })),
      h('p', {}, h('a', { href: withLang('index.html', lang) }, pageText(lang, 'lesson.index')))));
    return;
  }
  const page = new LessonPage(await loadLesson(id), lang);
  page.render(root);
  page.startWidgets();
  page.startTasks();
  api.widgets = page.widgets;
  api.tasks = page.tasks;
  Object.defineProperty(api, 'lang', { get: () => page.lang, set() {}, configurable: true });
  // ready = every widget built (a widget may expose its own `ready` promise, e.g. a playground's
  // first network), so that scripts and tests start from a settled page; then the reader's place
  await Promise.allSettled(Object.values(page.widgets).map((w) => w.ready));
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  page.trackPlace();
}

api.ready = main();
api.ready.catch((error) => console.error('lesson:', error));
