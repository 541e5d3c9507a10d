// What the lessons' own widgets share beyond web/lib/ (whose dom.js, format.js and i18n.js
// they use directly): per-widget styles, the engine on the main thread (for the small models a
// lesson trains in a few milliseconds), and words that follow the page's language.
import { loadLayerwise } from '../../engine/layerwise.mjs';
import { fill, pick } from '../../lib/i18n.js';

let engine;
/** The Layerwise engine (one per page), for widgets that train tiny models directly. */
export function getEngine() {
  engine ??= loadLayerwise();
  return engine;
}

const styled = new Set();
/**
 * Adds a widget's CSS to the page once (widgets live in the page, not in a shadow root). It
 * goes in as a constructable stylesheet the document adopts: a <style> element made by a script
 * would be blocked by a strict Content Security Policy (style-src 'self', docs/embedding.md).
 */
export function addStyle(id, css) {
  if (styled.has(id)) return;
  styled.add(id);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Text that follows the page's language: bind(node, {en, ko}) sets it now and on every
 * setLang(lang). A widget returns `{ root, setLang: words.setLang }`.
 *   const words = wordsFor(ctx.lang);
 *   h('button', {}, words.bind(h('span'), { en: 'Train', ko: '학습' }))
 */
export function wordsFor(lang) {
  const bound = [];
  const words = {
    lang,
    bind(node, text, params) {
      bound.push([node, text, params]);
      node.textContent = words.t(text, params);
      return node;
    },
    t(text, params) {
      return fill(typeof text === 'function' ? text(words.lang) : pick(text, words.lang), params);
    },
    setLang(next) {
      words.lang = next;
      for (const [node, text, params] of bound) node.textContent = words.t(text, params);
    },
  };
  return words;
}
