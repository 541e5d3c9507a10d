// The embed page's messages to and from the page around its frame (docs/embedding.md lists
// them). Every message either way is an object with a `type`; the page's own carry
// `source: 'layerwise'` too, so a parent that hears other frames can tell them apart.
//
// The origin rule. The frame's address may name the one origin of the parent page allowed to
// talk to it (`parent=https://course.example`). Then:
//   - commands are taken only from that origin, and only from the window right above the frame
//     (a message from any other origin or window is dropped unread);
//   - every message the page sends goes to that origin only (the browser drops it if the parent
//     is anything else by then).
// With no parent named, no command is ever taken, and only the messages that say nothing about
// what the learner did go out, to any parent ('*'): `height`, `ready` and `epoch`. `statechange`,
// `state` and `error` carry the settings, which a learner may have made their own (restored from
// the frame's own autosave), so they wait for a named parent.
const OPEN = new Set(['height', 'ready', 'epoch']);

import { SettingProblem } from '../lib/refusals.js';

/** A parent origin as the hash writes it ('https://course.example'), or throws saying what is allowed. */
export function parentOrigin(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
    throw new SettingProblem('parent', text, 'setting.origin');
  }
  return url.origin;
}

/**
 * Starts the bridge in `self` (the frame's window) towards `target` (its parent). `parent` is
 * the origin named by the address, or null. onCommand(data) gets each command taken (an object
 * with a string `type`). Returns { post(type, fields) }, which sends (or, by the rule above,
 * drops) a message; nothing is sent when the page is not in a frame.
 */
export function startBridge({ parent = null, self = globalThis, target = self.parent, onCommand }) {
  const framed = Boolean(target) && target !== self;
  const post = (type, fields = {}) => {
    if (!framed) return;
    const message = { source: 'layerwise', type, ...fields };
    if (parent) target.postMessage(message, parent);
    else if (OPEN.has(type)) target.postMessage(message, '*');
  };
  self.addEventListener('message', (event) => {
    if (!parent || event.origin !== parent || event.source !== target) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') {
      post('error', { problems: [{ message: 'a command must be an object with a "type", e.g. {type: "play"}' }] });
      return;
    }
    onCommand(data);
  });
  return { post };
}
