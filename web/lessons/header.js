// The bar on top of the lesson index and the glossary, two pages drawn again whole when the
// reader switches language: the brand, links to the site's pages in the page's language, and
// the language switch (which keeps the pick for the site, names it in the address and gives
// the focus back to the pressed button once the page is drawn again).
import { h } from '../lib/dom.js';
import { LANGS, keepSiteLang, withLang } from '../lib/i18n.js';
import { LANG_NAMES, pageText } from './catalog.js';

/**
 * The bar, in lang: links [[href (relative to web/lessons/), string key, class?], …];
 * redraw(lang) draws the page again in the language picked.
 */
export function siteHeader(lang, links, redraw) {
  const langButtons = LANGS.map((l) => {
    const b = h('button', { type: 'button', lang: l, 'aria-pressed': String(l === lang) }, LANG_NAMES[l]);
    b.addEventListener('click', () => {
      keepSiteLang(l);
      const url = new URL(location.href);
      url.searchParams.set('lang', l);
      history.replaceState(null, '', url);
      redraw(l);
      document.querySelector(`header.top .lang-switch button[lang="${l}"]`)?.focus();
    });
    return b;
  });
  return h('header', { class: 'top' },
    h('a', { class: 'brand', href: withLang('../index.html', lang) }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Layerwise'),
    h('nav', { class: 'top-links' }, ...links.map(([href, key, cls]) => h('a', { href: withLang(href, lang), class: cls ?? null }, pageText(lang, key)))),
    h('div', { class: 'lang-switch', role: 'group', 'aria-label': pageText(lang, 'lang.label') }, ...langButtons));
}
