// The lesson index: the lessons, each with a picture of what it is about (pictures.js), its lead,
// how many of its tasks the reader has done and of its recap questions answered right; where
// to pick up again; the glossary.
import { h } from '../lib/dom.js';
import { pick, siteLang } from '../lib/i18n.js';
import { LESSONS, lessonHref, pageText } from './catalog.js';
import { siteHeader } from './header.js';
import { countDone, forget, lastPlace, recapRight } from './progress.js';
import { inlineNodes } from './markup.js';
import { lessonPicture } from './pictures.js';

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
  const header = siteHeader(lang, [['../index.html', 'playground'], ['../sketch.html', 'sketch'], ['../images.html', 'images'],
    ['glossary.html', 'glossary', 'glossary-link']], (l) => { lang = l; render(); });

  const list = h('ol', { class: 'lesson-list' });
  LESSONS.forEach((l, i) => {
    const ids = taskIds(contents[i]);
    const done = countDone(l.id, ids);
    const recap = Array.isArray(contents[i]?.recap) ? contents[i].recap : [];
    const lead = h('p', { class: 'card-lead' });
    if (contents[i]) lead.append(inlineNodes(pick(contents[i].lead, lang)));
    list.append(h('li', { class: 'lesson-card', 'data-lesson': l.id, 'data-complete': String(ids.length > 0 && done === ids.length) },
      h('div', { class: 'card-pic' }, lessonPicture(l.id), h('span', { class: 'num', 'aria-hidden': 'true' }, String(i + 1))),
      h('div', { class: 'card-text' },
        h('h2', {}, h('a', { href: lessonHref(l.id, lang) }, l.title[lang])),
        lead,
        h('p', { class: 'progress' }, t('index.progress', { done, total: ids.length })),
        recap.length ? h('p', { class: 'recap-progress' }, t('index.recap', { right: recapRight(l.id, recap), total: recap.length })) : null)));
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
