// One way to put text into the reader's language, for every page: the playground, the sketch
// pad, the lessons and their widgets.
//
// A component keeps its strings beside its code in one table of both languages,
//
//   export const PAD_STRINGS = { en: { 'pad.undo': 'Undo stroke', … }, ko: { 'pad.undo': '한 획 취소', … } };
//   const t = translator(PAD_STRINGS);          // or translator(A, B, …) over several tables
//   t('ko', 'train.go', { n: 30 })              // → '30 에포크 학습'
//
// or, for a widget's few words, inline {en, ko} objects read with pick(text, lang).
//
// The rules, the same everywhere:
// - Lookup: the key in the asked language, else in English, else the key itself (so a missing
//   string shows its key instead of nothing).
// - Placeholders are {name} (letters, digits, _), filled by fill(text, params): a param that is
//   a function is called and its result used (a bound text can show a live value); a param
//   that is absent, undefined or null leaves its placeholder as written, so a forgotten value
//   is visible instead of vanishing; any other value is written with String(value).
// - Both languages of a key have the same placeholders, and every key has both languages:
//   the tests check each table with placeholders() and missingKeys().

export const LANGS = Object.freeze(['en', 'ko']);

/** The browser's language among LANGS: Korean for ko, ko-KR, …; English otherwise. */
export function browserLang() {
  return /^ko\b/i.test(globalThis.navigator?.language ?? '') ? 'ko' : 'en';
}

// ---- one language across the site ----
//
// Every page (the playground, the sketch pad, the images page, the lessons, the embed page)
// takes its language by one rule, siteLang(): what the page's address asks for (?lang=, which
// every link between the site's pages carries, see withLang), else the learner's last pick in
// any page's language control (kept by keepSiteLang under SITE_LANG_KEY), else what an
// element remembered itself (its autosave, from before there was a pick), else the browser's.
// An element's own `lang` attribute, or a playground's URL hash, is explicit and wins over all
// of it; the element asks siteLang() only when it has none.

/** The localStorage key of the learner's language, shared by every page of the site. */
export const SITE_LANG_KEY = 'layerwise.lang';

// The site's root (web/lib/ is one folder below it). Only the site's own pages have their
// ?lang= read and rewritten: a course page holding an element keeps its address as it is (a
// learning platform may use ?lang= for its own language).
const SITE_ROOT = new URL('../', import.meta.url).href;

function queryLang() {
  if (!globalThis.location?.href.startsWith(SITE_ROOT)) return null;
  const asked = new URLSearchParams(location.search).get('lang');
  return LANGS.includes(asked) ? asked : null;
}

/** The learner's last pick (keepSiteLang), or null. */
export function keptSiteLang() {
  try {
    const kept = globalThis.localStorage?.getItem(SITE_LANG_KEY);
    return LANGS.includes(kept) ? kept : null;
  } catch {
    return null; // storage may be off
  }
}

/**
 * The site's language now: the address's ?lang= (on a page of the site), else the learner's last pick, else
 * `remembered` (an element's autosaved language, when it is one of LANGS), else the browser's.
 */
export function siteLang(remembered = null) {
  return queryLang() ?? keptSiteLang() ?? (LANGS.includes(remembered) ? remembered : browserLang());
}

/**
 * The learner picked `lang` in a language control: every page opened from now on takes it.
 * An address that names a language (?lang=) is changed to name this one, so that reloading
 * the page keeps the pick.
 */
export function keepSiteLang(lang) {
  if (!LANGS.includes(lang)) return;
  try { globalThis.localStorage?.setItem(SITE_LANG_KEY, lang); } catch { /* storage may be off */ }
  if (queryLang() && queryLang() !== lang) {
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }
}

/**
 * href (absolute or relative, with or without a query and a hash) with its query's `lang`
 * set to lang: the address of another page of the site, in the language of this one.
 */
export function withLang(href, lang) {
  const cut = href.indexOf('#');
  const [rest, hash] = cut < 0 ? [href, ''] : [href.slice(0, cut), href.slice(cut)];
  const q = rest.indexOf('?');
  const [path, query] = q < 0 ? [rest, ''] : [rest.slice(0, q), rest.slice(q + 1)];
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params}${hash}`;
}

/** Points each link (an <a> to another page of the site) at its page in lang. */
export function linkLang(links, lang) {
  for (const a of links) if (a) a.setAttribute('href', withLang(a.getAttribute('href'), lang));
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** text with each {name} filled from params (the rule above); text itself without params. */
export function fill(text, params) {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (written, name) => {
    let value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (typeof value === 'function') value = value();
    return value === undefined || value === null ? written : String(value);
  });
}

/** The {name} placeholders of a text, sorted, each once. */
export function placeholders(text) {
  return [...new Set([...String(text).matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** An inline {en, ko} text in lang (English when it lacks lang). */
export function pick(text, lang) {
  return text[lang] ?? text.en;
}

function lookup(tables, lang, key) {
  for (const table of tables) {
    const texts = table[lang];
    if (texts && Object.hasOwn(texts, key)) return texts[key];
  }
  return undefined;
}

/**
 * t(lang, key, params) over one or more {en, ko} tables: the key's text in lang, else in
 * English, else the key; then filled from params.
 */
export function translator(...tables) {
  return (lang, key, params) => fill(lookup(tables, lang, key) ?? lookup(tables, 'en', key) ?? key, params);
}

/**
 * One frozen {en, ko} table holding the keys of several, for a component made of parts that
 * each keep their own table. Each key belongs to one part (the parts' tests check it).
 */
export function combine(...tables) {
  return Object.freeze(Object.fromEntries(LANGS.map((lang) =>
    [lang, Object.freeze(Object.assign({}, ...tables.map((table) => table[lang])))])));
}

/** Keys the table's English has and `lang` lacks (or leaves empty), in English's order. */
export function missingKeys(table, lang) {
  const texts = table[lang] ?? {};
  return Object.keys(table.en).filter((k) => typeof texts[k] !== 'string' || texts[k].trim() === '');
}
