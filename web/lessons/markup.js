// The lessons' small text markup, rendered as DOM nodes:
//   $x^2$ inline formula (KaTeX)     **bold**     *italic*     `code`     [text](url)
// Display formulas are separate blocks (mathNode with display = true). The text between the
// marks becomes text nodes, never parsed HTML, so a lesson cannot inject markup by accident.
// checkText finds a text missing in a language (the pages report it).
// KaTeX builds its own nodes (katex.render), setting their sizes through CSSOM: its HTML string
// (renderToString) carries style="" attributes, which a strict Content Security Policy
// (style-src 'self', docs/embedding.md) would block, leaving the formulas misdrawn.
import katex from '../vendor/katex/katex.mjs';
import { h } from '../lib/dom.js';

/** KaTeX's nodes for a TeX formula; throwOnError so a typo is found by the tests, not readers. */
export function mathNode(tex, display = false) {
  const holder = document.createElement('span');
  katex.render(tex, holder, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
  return holder.firstChild;
}

// Inline pieces: formulas and code first (their content is not markup), then the rest.
const INLINE = /\$([^$]+)\$|`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** One paragraph of lesson markup as a DocumentFragment. */
export function inlineNodes(text) {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.append(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.append(mathNode(m[1]));
    else if (m[2] !== undefined) out.append(h('code', {}, m[2]));
    else if (m[3] !== undefined) out.append(h('strong', {}, inlineNodes(m[3])));
    else if (m[4] !== undefined) out.append(h('em', {}, inlineNodes(m[4])));
    else {
      const external = /^https?:/.test(m[6]);
      out.append(h('a', { href: m[6], rel: external ? 'noopener' : null, target: external ? '_blank' : null }, inlineNodes(m[5])));
    }
  }
  if (last < text.length) out.append(text.slice(last));
  return out;
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * The problems of a page's {en, ko} text, named by where: a language missing or empty, Korean
 * without Hangul (unless the text has no words and is the same in both), English with Hangul. The pages report them as console errors (the tests fail on
 * any) and show English where a language is missing.
 */
export function checkText(text, where) {
  const problems = [];
  if (!text || typeof text !== 'object') return [`${where}: not an {en, ko} object`];
  for (const lang of ['en', 'ko']) {
    if (typeof text[lang] !== 'string' || !text[lang].trim()) problems.push(`${where}: no ${lang} text`);
  }
  // (a text with no words, the same in both, needs no translation: a number, a formula)
  const wordless = text.ko === text.en && !/[A-Za-z]/.test(String(text.en).replace(/\$[^$]*\$|`[^`]*`/g, ''));
  if (typeof text.ko === 'string' && text.ko.trim() && !HANGUL.test(text.ko) && !wordless) problems.push(`${where}: the ko text is not Korean`);
  if (typeof text.en === 'string' && HANGUL.test(text.en)) problems.push(`${where}: the en text has Korean in it`);
  return problems;
}
