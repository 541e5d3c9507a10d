// A <layerwise-playground> set up for a lesson: a preset (state keys as attributes), the panels
// the lesson does not need hidden, and a link that opens the same network, as it is now, in
// the full playground.
//
//   { widget: 'spiral', make: playground({ dataset: 'spiral', layers: '8,8', hide: 'code,files' }) }
//   playground({ dataset: 'xor', show: 'stepper', open: 'stepper' })  // a panel the widget hides
//                                                                     // shown, and open at the start
//
// The widget object: { root, element, ready, setLang(lang), embedCode(where) }; `element` is the playground (its state,
// step(n), play(), the `epoch` and `statechange` events), for tasks and tests.
import { LayerwisePlayground } from '../../playground/element.js';
import { pageText } from '../catalog.js';

const PLAYGROUND_PAGE = new URL('../../index.html', import.meta.url);

// The page around a lesson widget has its own brand, language switch, files and Embed button,
// and its own tasks; the playground's A/B runs, challenges and stepper are a link away (the
// widget's "open in the playground"). `show` takes tokens out of this list.
const ALWAYS_HIDDEN = ['brand', 'lang', 'files', 'embed', 'compare', 'challenges', 'stepper', 'dock'];

const tokensOf = (text) => String(text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export function playground({ show, ...attrs } = {}) {
  return (ctx) => {
    const element = document.createElement('layerwise-playground');
    const shown = tokensOf(show);
    const hide = [...new Set([...ALWAYS_HIDDEN, ...tokensOf(attrs.hide)])].filter((t) => !shown.includes(t));
    for (const [k, v] of Object.entries({ speed: 'fast', ...attrs, hide: hide.join(',') })) element.setAttribute(k, String(v));
    element.setAttribute('lang', ctx.lang);
    const link = document.createElement('a');
    link.className = 'open-playground';
    link.target = '_blank';
    link.rel = 'noopener';
    const update = () => { link.href = playgroundHref(element.state); };
    element.addEventListener('statechange', update);
    for (const type of ['pointerdown', 'focus']) link.addEventListener(type, update);
    const root = document.createElement('div');
    root.className = 'widget-playground';
    root.append(element, link);
    const widget = {
      root,
      element,
      get ready() { return element.ready; },
      embedCode: (where) => element.embedCode(where),
      setLang(lang) {
        element.setAttribute('lang', lang);
        link.textContent = pageText(lang, 'widget.open') + ' ↗';
      },
    };
    widget.setLang(ctx.lang);
    queueMicrotask(update);
    return widget;
  };
}

/**
 * The full playground's address for a state (the defaults with `changes`, keys of the state
 * table, e.g. {dataset: 'spiral', layers: [16, 16], lang: 'ko'}), for a playground widget's
 * link and for widgets that are not playgrounds but can be rebuilt in one. Throws on a bad value.
 */
export function playgroundHref(changes) {
  return PLAYGROUND_PAGE.pathname + LayerwisePlayground.hashOf(changes);
}

/** Calls fn(detail) after each epoch event of a playground; returns the unsubscribe. */
export function onEpoch(element, fn) {
  const listener = (e) => fn(e.detail, element.state);
  element.addEventListener('epoch', listener);
  return () => element.removeEventListener('epoch', listener);
}
