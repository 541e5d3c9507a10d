// The lessons' small text markup, rendered to HTML:
//   $x^2$ inline formula (KaTeX)     **bold**     *italic*     `code`     [text](url)
// Display formulas are separate blocks (renderMath with display = true). Text is escaped
// first, so a lesson cannot inject HTML by accident; KaTeX output is inserted as it comes.
import katex from '../vendor/katex/katex.mjs';

const escapeHTML = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** KaTeX HTML for a TeX formula; throwOnError so a typo is found by the tests, not readers. */
export function mathHTML(tex, display = false) {
  return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
}

// Inline pieces: formulas and code first (their content is not markup), then the rest.
const INLINE = /\$([^$]+)\$|`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** One paragraph of lesson markup as HTML. */
export function inlineHTML(text) {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHTML(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out += mathHTML(m[1]);
    else if (m[2] !== undefined) out += `<code>${escapeHTML(m[2])}</code>`;
    else if (m[3] !== undefined) out += `<strong>${inlineHTML(m[3])}</strong>`;
    else if (m[4] !== undefined) out += `<em>${inlineHTML(m[4])}</em>`;
    else {
      const href = m[6];
      const external = /^https?:/.test(href);
      out += `<a href="${escapeHTML(href)}"${external ? ' rel="noopener" target="_blank"' : ''}>${inlineHTML(m[5])}</a>`;
    }
  }
  return out + escapeHTML(text.slice(last));
}
