// Colours for the lessons' code: comments, strings, numbers and keywords of Python and
// JavaScript, as spans around text nodes. A small scanner, not a parser: enough for short, tidy
// examples.
import { h } from '../lib/dom.js';

const KEYWORDS = {
  python: new Set(['import', 'from', 'as', 'def', 'return', 'for', 'in', 'if', 'else', 'elif', 'while', 'with',
    'class', 'lambda', 'not', 'and', 'or', 'is', 'None', 'True', 'False', 'pass', 'break', 'continue', 'yield', 'print']),
  js: new Set(['import', 'from', 'export', 'const', 'let', 'var', 'function', 'return', 'for', 'of', 'in', 'if', 'else',
    'while', 'new', 'await', 'async', 'class', 'true', 'false', 'null', 'undefined', 'throw', 'try', 'catch', 'typeof']),
};

// one token at a time: comment | string | number | word
const TOKEN = {
  python: /(#[^\n]*)|('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|(\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b)|([A-Za-z_]\w*)/g,
  js: /(\/\/[^\n]*)|('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|(\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b)|([A-Za-z_$][\w$]*)/g,
};

/** A DocumentFragment of code in 'python' or 'js': its text, coloured tokens in spans. */
export function highlight(code, lang) {
  const words = KEYWORDS[lang];
  const out = document.createDocumentFragment();
  let last = 0;
  for (const m of code.matchAll(TOKEN[lang])) {
    out.append(code.slice(last, m.index));
    last = m.index + m[0].length;
    const [text, comment, string, number, word] = m;
    const cls = comment ? 'c' : string ? 's' : number ? 'n' : word && words.has(word) ? 'k' : null;
    out.append(cls ? h('span', { class: `hl-${cls}` }, text) : text);
  }
  out.append(code.slice(last));
  return out;
}
