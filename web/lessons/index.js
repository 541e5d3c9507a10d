// The lesson index: the seven lessons with what each is about, how many of its tasks the
// reader has done, and where to pick up again.
import { h } from '../lib/dom.js';
import { LANGS, keepSiteLang, pick, siteLang, withLang } from '../lib/i18n.js';
import { LESSONS, LANG_NAMES, lessonHref, pageText } from './catalog.js';
import { countDone, forget, lastPlace } from './progress.js';
import { inlineNodes } from './markup.js';

const app = document.getElementById('app');
let lang = siteLang();
// Each lesson's content, for its lead and its task ids (a lesson that fails to load still gets its card).
const contents = await Promise.all(LESSONS.map((l) =>
  import(`./content/${l.id}.js`).then((m) => m.default, (error) => {
    console.error(`lesson ${l.id}:`, error);
    return null;
  })));
const taskIds = (content) => (content?.sections ?? []).flatMap((s) => s.blocks.filter((b) => 'task' in b).map((b) => b.task));

function render(message = '') {
  document.documentElement.lang = lang;
  document.title = `${pageText(lang, 'index.title')} · Layerwise`;
  const t = (key, params) => pageText(lang, key, params);
  const langButtons = LANGS.map((l) => {
    const b = h('button', { type: 'button', lang: l, 'aria-pressed': String(l === lang) }, LANG_NAMES[l]);
    b.addEventListener('click', () => {
      lang = l;
      keepSiteLang(l);
      const url = new URL(location.href);
      url.searchParams.set('lang', l);
      history.replaceState(null, '', url);
      render();
    });
    return b;
  });
  const site = (page) => withLang(page, lang); // another page of the site, in this language
  const header = h('header', { class: 'top' },
    h('a', { class: 'brand', href: site('../index.html') }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Layerwise'),
    h('nav', { class: 'top-links' }, h('a', { href: site('../index.html') }, t('playground')), h('a', { href: site('../sketch.html') }, t('sketch')), h('a', { href: site('../images.html') }, t('images'))),
    h('div', { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') }, ...langButtons));

  const list = h('ol', { class: 'lesson-list' });
  LESSONS.forEach((l, i) => {
    const ids = taskIds(contents[i]);
    const done = countDone(l.id, ids);
    const lead = h('p');
    if (contents[i]) lead.append(inlineNodes(pick(contents[i].lead, lang)));
    list.append(h('li', { class: 'lesson-card', 'data-lesson': l.id, 'data-complete': String(ids.length > 0 && done === ids.length) },
      h('span', { class: 'num', 'aria-hidden': 'true' }, String(i + 1)),
      h('h2', {}, h('a', { href: lessonHref(l.id, lang) }, l.title[lang])),
      lead,
      h('p', { class: 'progress' }, t('index.progress', { done, total: ids.length }))));
  });

  const last = lastPlace();
  const lastLesson = LESSONS.find((l) => l.id === last?.lesson);
  const reset = h('button', { type: 'button', class: 'lw-button' }, t('index.reset'));
  reset.addEventListener('click', () => { forget(); render(t('index.resetDone')); });
  const actions = h('div', { class: 'index-actions' },
    lastLesson
      ? h('a', { class: 'lw-button primary continue', href: lessonHref(lastLesson.id, lang, last.section) }, t('index.continue', { title: lastLesson.title[lang] }))
      : h('a', { class: 'lw-button primary continue', href: lessonHref(LESSONS[0].id, lang) }, t('index.start')),
    reset,
    h('span', { role: 'status', class: 'lw-readout' }, message));
  for (const a of actions.querySelectorAll('a.lw-button')) a.style.textDecoration = 'none';

  app.replaceChildren(header, h('main', { class: 'index' },
    h('h1', {}, t('index.title')), h('p', { class: 'lead' }, t('index.lead')), actions, list));
}
render();
