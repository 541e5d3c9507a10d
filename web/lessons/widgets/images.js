// A <layerwise-images> set up for a lesson: Fashion-MNIST with the article's network (or a
// preset), the first so many training pictures, and the parts the lesson does not need hidden.
//
//   { widget: 'fashion', make: images({ pictures: 500, hide: 'confusion,gallery,draw,layers,weights' }) }
//
// The widget object: { root, element, ready, setLang(lang), embedCode(where) }; `element` is the
// images element (its layers, settings, history, step(n), play(), the `epoch` event), for tasks
// and tests. The Embed button offers the lesson's frame and the element itself, as it is now.
import '../../images/element.js';
import { elementSnippet } from '../../lib/embed.js';
import { widgetSnippets } from '../mount.js';

// The page around a lesson widget has its own title, introduction and language switch.
const ALWAYS_HIDDEN = ['brand', 'lang', 'intro'];

export function images(attrs = {}) {
  return (ctx) => {
    const element = document.createElement('layerwise-images');
    const hide = [...new Set([...ALWAYS_HIDDEN, ...String(attrs.hide ?? '').split(',').map((s) => s.trim()).filter(Boolean)])];
    for (const [k, v] of Object.entries({ ...attrs, hide: hide.join(',') })) element.setAttribute(k, String(v));
    element.setAttribute('lang', ctx.lang);
    const root = document.createElement('div');
    root.className = 'widget-images';
    root.append(element);
    return {
      root,
      element,
      get ready() { return element.ready; },
      setLang(lang) { element.setAttribute('lang', lang); },
      embedCode(where) {
        const lang = element.getAttribute('lang');
        const { pictures } = element.settings;
        const attributes = [...element.attributes].filter((a) => a.name !== 'pictures' && a.name !== 'lang').map((a) => [a.name, a.value]);
        if (pictures !== null) attributes.push(['pictures', String(pictures)]);
        return { ...widgetSnippets(where, lang), script: elementSnippet('layerwise-images', [...attributes, ['lang', lang]]) };
      },
    };
  };
}

/** Calls fn(detail, element) after each epoch an images element trains; returns the unsubscribe. */
export function onImagesEpoch(element, fn) {
  const listener = (e) => fn(e.detail, element);
  element.addEventListener('epoch', listener);
  return () => element.removeEventListener('epoch', listener);
}

/** The hidden layers' widths of a network of linear layers with ReLU after each ([256, 128, 64]); null for any other. */
export function reluWidths(layers) {
  const widths = [];
  for (let i = 0; i < layers.length; i += 2) {
    if (layers[i].type !== 'linear' || layers[i + 1]?.type !== 'relu') return null;
    widths.push(layers[i].out);
  }
  return widths;
}
