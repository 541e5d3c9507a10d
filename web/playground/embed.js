// The Embed button's snippets for a <layerwise-playground> as it is now: its settings as the
// embed page's URL hash (an iframe) and as the element's attributes (a script tag); the
// snippets themselves and their dialog are web/lib/embed.js's.
import { settingsOf } from './state.js';
import { hashOf } from '../lib/hash.js';
import { elementSnippet, embedURL, iframeSnippet } from '../lib/embed.js';

const kebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * {url, iframe, script} for a playground: `state` its state, `preset` the state keys it has
 * attributes for (a lesson's preset: written even when back at their defaults, so that they
 * win over the preset again), `hide` its hide attribute, `open` its open attribute and `speed` its speed. Written are
 * the keys not at their defaults, the preset's, and `lang`; `hide` gets `embed` (the page the
 * snippet goes into rarely wants the button again); `open` when there is one; `speed` when not
 * `fast`. `where`
 * ({lesson, widget}) makes the address a lesson widget's (embed.html#lesson=…&widget=…&…).
 */
export function playgroundSnippets(state, { preset = [], hide = '', open = '', speed = 'fast' } = {}, where = null) {
  const settings = settingsOf(state, [...preset, 'lang']);
  const tokens = [...new Set([...String(hide ?? '').split(/[\s,]+/).filter(Boolean), 'embed'])].join(',');
  const extra = [['hide', tokens], ...(open ? [['open', open]] : []), ...(speed === 'fast' ? [] : [['speed', speed]])];
  const place = where ? [['lesson', where.lesson], ['widget', where.widget]] : [];
  const url = embedURL(hashOf([...place, ...settings, ...extra]));
  return {
    url,
    iframe: iframeSnippet(url, { title: 'Layerwise', height: where ? 640 : 900 }),
    script: elementSnippet('layerwise-playground', [...settings.map(([k, v]) => [kebab(k), v]), ...extra]),
  };
}
