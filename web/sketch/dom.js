// DOM helpers for the sketch element: its own ids and icons, and the playground's builders
// (web/playground/controls/dom.js), whose relabel() puts the element into another language in
// place: drawings, focus and the run stay as they are.

let uid = 0;
/** A page-unique id with a readable prefix. */
export const newId = (prefix) => `lws-${prefix}-${++uid}`;

// h, relabel, setText and icon are the playground's: one DOM helper for both elements.
export { h, icon, relabel, relabelOne, setText } from '../playground/controls/dom.js';

export const ICONS = {
  train: 'M8 5v14l11-7z',
  stop: 'M6 6h12v12H6z',
  undo: 'M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.9 7.9 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.5 10.5 0 0 0 12.5 8z',
  clear: 'M6 19a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2V7H6zM19 4h-3.5l-1-1h-5l-1 1H5v2h14z',
  close: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  minus: 'M5 11h14v2H5z',
  download: 'M11 4h2v8l3-3 1.4 1.4L12 15.8 6.6 10.4 8 9l3 3zM5 18h14v2H5z',
  upload: 'M11 16h2V8l3 3 1.4-1.4L12 4.2 6.6 9.6 8 11l3-3zM5 18h14v2H5z',
  sparkle: 'M12 2l2.2 6.3L20.5 10l-6.3 2.2L12 18.5l-2.2-6.3L3.5 10l6.3-1.7zM19 15l1 2.7 2.7 1-2.7 1L19 22.5l-1-2.8-2.7-1 2.7-1z',
  reset: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
};
