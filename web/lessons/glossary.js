// The glossary page (glossary.html?lang=<en|ko>#<term>): the lessons' terms (glossary-terms.js)
// in Korean and English, each with a line of plain explanation in the page's language and a
// link to the lesson that introduces it; sorted by Korean (가나다) or English (A–Z), grouped by
// first letter, and narrowed by a filter box that searches both languages. A language switch
// draws the page again with the filter and the sort kept.
//
// For scripts and tests: each term is li.term#<id> with data-ko and data-en; its lesson link
// is a.term-lesson.
import { h } from '../lib/dom.js';
import { pick, siteLang } from '../lib/i18n.js';
import { LESSONS, lessonHref, lessonIndex, pageText } from './catalog.js';
import { checkText, inlineNodes } from './markup.js';
import { siteHeader } from './header.js';
import { TERMS } from './glossary-terms.js';

const app = document.getElementById('app');
let lang = siteLang();
let sortBy = null; // 'ko' | 'en' once the reader picks; until then the page's language
let query = '';

for (const [i, term] of TERMS.entries()) {
  const where = `glossary: ${term.id ?? i}`;
  for (const p of checkText(term.text, where)) console.error(p);
  if (!term.ko || !term.en) console.error(`${where}: a name is missing`);
  if (lessonIndex(term.lesson) < 0) console.error(`${where}: no lesson "${term.lesson}"`);
  for (const other of term.see ?? []) if (!TERMS.some((t) => t.id === other)) console.error(`${where}: no term "${other}" to see`);
}

// Hangul's initial consonants (the doubled ones filed with their single ones), for the groups.
const INITIALS = 'ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ';
function groupOf(name, by) {
  const code = name.codePointAt(0);
  if (by === 'ko' && code >= 0xac00 && code <= 0xd7a3) return INITIALS[Math.floor((code - 0xac00) / 588)];
  if (by === 'ko') return pageText(lang, 'glossary.other');
  return name[0].toUpperCase();
}

const folded = (text) => text.toLowerCase().normalize('NFC');
const matches = (term, q) => !q || [term.ko, term.en, term.text.en, term.text.ko].some((s) => folded(s).includes(q));

function termItem(term, by) {
  const other = by === 'ko' ? 'en' : 'ko';
  const n = lessonIndex(term.lesson);
  const meta = h('p', { class: 'term-meta' },
    h('a', { class: 'term-lesson', href: lessonHref(term.lesson, lang, term.section) },
      pageText(lang, 'glossary.in', { n: n + 1, title: LESSONS[n]?.title[lang] ?? term.lesson })));
  if (term.see?.length) {
    meta.append(' · ', pageText(lang, 'glossary.see'), ' ');
    term.see.forEach((id, i) => {
      const seen = TERMS.find((t) => t.id === id);
      if (!seen) return;
      if (i) meta.append(', ');
      meta.append(h('a', { href: `#${id}`, class: 'term-see' }, seen[by]));
    });
  }
  return h('li', { class: 'term', id: term.id, 'data-ko': term.ko, 'data-en': term.en },
    h('p', { class: 'term-names' },
      h('span', { class: 'term-main', lang: by }, inlineNodes(term[by])),
      h('span', { class: 'term-other', lang: other }, inlineNodes(term[other]))),
    h('p', { class: 'term-text' }, inlineNodes(pick(term.text, lang))),
    meta);
}

/** Shows the terms the filter lets through (and their groups) and says how many. */
function applyFilter(list, count) {
  const q = folded(query.trim());
  let shown = 0;
  for (const group of list.children) {
    let any = false;
    for (const item of group.querySelectorAll('li.term')) {
      const ok = matches(TERMS.find((t) => t.id === item.id), q);
      item.hidden = !ok;
      any ||= ok;
      shown += ok;
    }
    group.hidden = !any;
  }
  count.textContent = shown ? pageText(lang, 'glossary.count', { shown, total: TERMS.length }) : pageText(lang, 'glossary.none', { q: query.trim() });
}

function render() {
  const by = sortBy ?? lang;
  document.documentElement.lang = lang;
  document.title = `${pageText(lang, 'glossary')} · Layerwise`;
  const t = (key, params) => pageText(lang, key, params);
  const header = siteHeader(lang, [['index.html', 'lessons'], ['../index.html', 'playground'], ['glossary.html', 'glossary', 'glossary-link here']],
    (l) => { lang = l; render(); });
  header.querySelector('.here')?.setAttribute('aria-current', 'page');

  const sorted = [...TERMS].sort((a, b) => a[by].localeCompare(b[by], by, { sensitivity: 'base' }));
  const groups = new Map();
  for (const term of sorted) {
    const key = groupOf(term[by], by);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(term);
  }
  const list = h('div', { class: 'glossary-groups' }, ...[...groups].map(([key, terms]) => h('section', { class: 'glossary-group', 'data-group': key },
    h('h2', {}, key), h('ul', { class: 'terms' }, ...terms.map((term) => termItem(term, by))))));

  const count = h('p', { class: 'glossary-count', role: 'status' });
  const filter = h('input', { type: 'search', id: 'glossary-filter', value: query, autocomplete: 'off', spellcheck: 'false' });
  filter.addEventListener('input', () => { query = filter.value; applyFilter(list, count); });
  const sortButtons = ['ko', 'en'].map((key) => {
    const b = h('button', { type: 'button', class: 'lw-button', 'data-sort': key, 'aria-pressed': String(key === by) }, t(`glossary.sort.${key}`));
    b.addEventListener('click', () => {
      sortBy = key;
      render();
      app.querySelector(`[data-sort="${key}"]`).focus();
    });
    return b;
  });
  const tools = h('div', { class: 'glossary-tools' },
    h('div', { class: 'glossary-filter' }, h('label', { for: filter.id }, t('glossary.filter')), filter),
    h('div', { class: 'glossary-sort', role: 'group', 'aria-labelledby': 'sort-label' },
      h('span', { id: 'sort-label' }, t('glossary.sort')), ...sortButtons));

  app.replaceChildren(header, h('main', { class: 'index glossary' },
    h('h1', {}, t('glossary.title')), h('p', { class: 'lead' }, t('glossary.lead')), tools, count, list));
  applyFilter(list, count);
}

render();
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
