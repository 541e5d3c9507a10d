// Putting a piece of Layerwise into another page: the snippets an "Embed" button offers and the
// dialog that shows them. Two ways, as docs/embedding.md explains them:
//   - an iframe of the site's embed page (embed.html#…, web/embed/page.js), with the short
//     script that sizes the frame from the height messages the page posts (PARENT_SNIPPET);
//   - a script tag that loads the site's layerwise.js, then the element with its attributes.
// Every address is the site's own absolute one, found from where this module was loaded, so a
// snippet copied on a course page that loads Layerwise from another host still points there.
// The dialog's words come from its user's t(key, params), by the keys 'embed.title',
// 'embed.iframe', 'embed.iframe.tip', 'embed.script', 'embed.script.tip', 'embed.noScript',
// 'embed.copy', 'embed.copied', 'embed.copyFailed' and 'embed.close'.
import { h, newId, relabel } from './dom.js';

const SITE = new URL('../', import.meta.url); // web/lib/ is one folder below the site's root

/** The embed page's absolute address with a hash ('#lesson=…' or '' for the defaults). */
export const embedURL = (hash = '') => new URL(`embed.html${hash}`, SITE).href;

/** The absolute address of the site's layerwise.js, the one module a script tag loads. */
export const scriptURL = () => new URL('layerwise.js', SITE).href;

/**
 * What a parent page adds once, after its frames, so that each frame of the embed page takes
 * the height the page reports (docs/embedding.md shows it as it is here). It trusts no origin
 * and needs none: it only ever sets the height of the frame the message came from.
 */
export const PARENT_SNIPPET = `<script>
  // Layerwise: each embedded frame reports its height; give the frame that height.
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.source !== 'layerwise' || data.type !== 'height') return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === event.source) frame.height = String(Math.ceil(data.height));
    }
  });
</script>`;

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An iframe of `src` that the parent snippet after it sizes; `height` is its height until then. */
export function iframeSnippet(src, { title, height = 600 } = {}) {
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="${height}" loading="lazy"></iframe>\n${PARENT_SNIPPET}`;
}

/** The script tag of layerwise.js and the element `tag` with attributes ([name, value] pairs). */
export function elementSnippet(tag, attributes) {
  const attrs = attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  return `<script type="module" src="${escape(scriptURL())}"></script>\n<${tag}${attrs}></${tag}>`;
}

/**
 * Copies a textarea's text to the clipboard and says so in `status`; where the Clipboard API is
 * missing or refused (a page over plain HTTP, a frame without the permission), selects the text
 * instead and says to copy it by hand. Resolves with true when it was copied.
 */
export async function copyText(textarea, status, t) {
  try {
    await navigator.clipboard.writeText(textarea.value);
    status.textContent = t('embed.copied');
    return true;
  } catch {
    textarea.focus();
    textarea.select();
    status.textContent = t('embed.copyFailed');
    return false;
  }
}

/**
 * Shows the snippets in a modal dialog inside `container` (a shadow root or a page's element),
 * each in a read-only box with a Copy button: { iframe, script } (script null: the view has no
 * element of its own, and the dialog says the iframe is the way). The dialog goes away when
 * closed. Returns it (for tests: its textareas hold the snippets).
 */
export function openEmbedDialog(container, { iframe, script }, t) {
  const titleId = newId('embed');
  const section = (key, text) => {
    const box = h('textarea', { class: 'lw-embed-code', readonly: true, rows: key === 'iframe' ? 8 : 4, spellcheck: 'false', 'data-snippet': key, 't-label': `embed.${key}` });
    box.value = text;
    const status = h('span', { class: 'lw-embed-status', role: 'status' });
    // the first Copy button takes the focus, so the box shows its snippet from the top
    const copy = h('button', { type: 'button', class: 'btn lw-embed-copy', t: 'embed.copy', autofocus: key === 'iframe', onclick: () => copyText(box, status, t) });
    return h('section', { class: 'lw-embed-part' },
      h('h3', { t: `embed.${key}` }),
      h('p', { class: 'lw-embed-tip', t: `embed.${key}.tip` }),
      box,
      h('div', { class: 'lw-embed-row' }, copy, status));
  };
  const dialog = h('dialog', { class: 'lw-embed', 'aria-labelledby': titleId },
    h('h2', { id: titleId, t: 'embed.title' }),
    section('iframe', iframe),
    script === null ? h('p', { class: 'lw-embed-tip', t: 'embed.noScript' }) : section('script', script),
    h('form', { method: 'dialog', class: 'lw-embed-row lw-embed-end' },
      h('button', { type: 'submit', class: 'btn', t: 'embed.close' })));
  relabel(dialog, t);
  dialog.addEventListener('close', () => dialog.remove());
  container.append(dialog);
  dialog.showModal();
  return dialog;
}
