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
