// The site's one language (web/lib/i18n.js): siteLang's order (the site page's ?lang=, the
// learner's pick, an element's remembered language, the browser's), keepSiteLang, withLang.
// The pages themselves: tests/browser/language.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SITE_LANG_KEY, keepSiteLang, keptSiteLang, siteLang, withLang } from '../../web/lib/i18n.js';

const SITE = new URL('../../web/', import.meta.url).href;

/** Runs fn with a page at href, a storage holding `stored`, and the browser's language. */
function onPage({ href, stored = {}, language = 'en-US' }, fn) {
  const store = new Map(Object.entries(stored));
  const replaced = [];
  const fakes = {
    location: new URL(href),
    localStorage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, String(v)) },
    navigator: { language },
    history: { state: null, replaceState: (state, title, url) => replaced.push(String(url)) },
  };
  const saved = Object.fromEntries(Object.keys(fakes).map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)]));
  for (const [k, v] of Object.entries(fakes)) Object.defineProperty(globalThis, k, { value: v, configurable: true, writable: true });
  try {
    return fn({ store, replaced });
  } finally {
    for (const [k, d] of Object.entries(saved)) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete globalThis[k];
    }
  }
}

test('siteLang: the address, then the pick, then what the element remembered, then the browser', () => {
  const page = `${SITE}sketch.html`;
  assert.equal(onPage({ href: `${page}?lang=ko`, stored: { [SITE_LANG_KEY]: 'en' } }, () => siteLang('en')), 'ko');
  assert.equal(onPage({ href: page, stored: { [SITE_LANG_KEY]: 'ko' }, language: 'en-US' }, () => siteLang('en')), 'ko');
  assert.equal(onPage({ href: page, language: 'en-US' }, () => siteLang('ko')), 'ko', 'no pick: the autosaved language');
  assert.equal(onPage({ href: page, language: 'ko-KR' }, () => siteLang()), 'ko');
  assert.equal(onPage({ href: page, language: 'ko-KR' }, () => siteLang('fr')), 'ko', 'a remembered value not in LANGS is ignored');
  assert.equal(onPage({ href: page, language: 'de-DE' }, () => siteLang()), 'en');
  assert.equal(onPage({ href: `${page}?lang=fr`, stored: { [SITE_LANG_KEY]: 'xx' }, language: 'ko' }, () => siteLang()), 'ko',
    'values that are no language are passed over');
  // a course page elsewhere: its own ?lang= is not the site's
  assert.equal(onPage({ href: 'https://course.example/view.php?lang=ko', language: 'en-US' }, () => siteLang()), 'en');
});

test('keepSiteLang stores the pick and moves a ?lang= in the site page\'s address along', () => {
  onPage({ href: `${SITE}index.html?lang=en#dataset=xor&lang=en` }, ({ store, replaced }) => {
    keepSiteLang('ko');
    assert.equal(store.get(SITE_LANG_KEY), 'ko');
    assert.equal(keptSiteLang(), 'ko');
    assert.deepEqual(replaced, [`${SITE}index.html?lang=ko#dataset=xor&lang=en`]);
    keepSiteLang('fr');
    assert.equal(store.get(SITE_LANG_KEY), 'ko', 'not a language: nothing kept');
  });
  onPage({ href: `${SITE}sketch.html` }, ({ replaced }) => {
    keepSiteLang('ko');
    assert.deepEqual(replaced, [], 'an address without ?lang= stays as it is');
  });
  onPage({ href: 'https://course.example/view.php?lang=en' }, ({ replaced }) => {
    keepSiteLang('ko');
    assert.deepEqual(replaced, [], 'a course page\'s address is its own');
  });
});

test('withLang sets the query\'s lang and keeps the rest of the address', () => {
  assert.equal(withLang('../sketch.html', 'ko'), '../sketch.html?lang=ko');
  assert.equal(withLang('lesson.html?id=hidden&lang=en#depth', 'ko'), 'lesson.html?id=hidden&lang=ko#depth');
  assert.equal(withLang('http://h/web/index.html#dataset=xor&lang=en', 'ko'), 'http://h/web/index.html?lang=ko#dataset=xor&lang=en');
  assert.equal(withLang(withLang('index.html', 'ko'), 'en'), 'index.html?lang=en', 'applied twice: one lang');
});
