// Making a lesson's widgets, for the two pages that show them: the lesson page (page.js) makes
// every widget of a lesson, the embed page (web/embed/page.js) one alone. A widget block of a
// content file ({widget, make, caption}, README.md) becomes its widget object in a slot, or a
// note there saying why it could not start; the context a widget and a task get is made here.
import { h } from '../lib/dom.js';
import { pick } from '../lib/i18n.js';
import { hashOf } from '../lib/hash.js';
import { embedURL, iframeSnippet } from '../lib/embed.js';
import { LESSONS, lessonIndex, pageText } from './catalog.js';

/** A lesson's content (content/<id>.js) with its id and title; null for an id not in the catalogue. */
export async function loadLesson(id) {
  const index = lessonIndex(id);
  if (index < 0) return null;
  const { default: lesson } = await import(`./content/${id}.js`);
  return { ...lesson, id, title: LESSONS[index].title };
}

/** A lesson's widget block by its id, and where it is in the content file; null when there is none. */
export function findWidget(lesson, id) {
  for (const [si, section] of lesson.sections.entries()) {
    const bi = section.blocks.findIndex((b) => b.widget === id);
    if (bi >= 0) return { block: section.blocks[bi], where: `sections[${si}].blocks[${bi}]` };
  }
  return null;
}

/**
 * What a widget's make(ctx) and a task's check(ctx, done) get: the language now (langOf()),
 * the lesson's id, another widget by id (from `widgets`, its id → widget object), and
 * t({en, ko}) in the language now.
 */
export function widgetContext(lesson, langOf, widgets) {
  return {
    get lang() { return langOf(); },
    lesson,
    widget: (id) => {
      const w = widgets[id];
      if (!w) throw new Error(`no widget "${id}" in lesson ${lesson}`);
      return w;
    },
    t: (text) => pick(text, langOf()),
  };
}

/**
 * Makes a block's widget and puts it into slot: returns the widget object ({root, …}; an
 * element made is wrapped as {root}), or null after a note in slot (and a console error) saying
 * why it could not start. prepare(widget), if given, runs between the making and the putting
 * (the embed page sets a playground's attributes there, before it connects).
 */
export function mountWidget(block, slot, ctx, prepare = null) {
  try {
    const made = block.make(ctx);
    const widget = made instanceof HTMLElement ? { root: made } : made;
    prepare?.(widget);
    slot.append(widget.root);
    return widget;
  } catch (error) {
    console.error(`lesson ${ctx.lesson}: widget ${block.widget}:`, error);
    slot.append(h('p', { class: 'widget-error', role: 'alert' }, pageText(ctx.lang, 'lesson.failed', { message: error.message })));
    return null;
  }
}

/**
 * The Embed snippets of a widget with no element of its own (not a playground): {url, iframe,
 * script: null}, the frame of the embed page showing it alone in `lang`.
 */
export function widgetSnippets({ lesson, widget }, lang) {
  const url = embedURL(hashOf([['lesson', lesson], ['widget', widget], ['lang', lang]]));
  return { url, iframe: iframeSnippet(url, { title: 'Layerwise', height: 560 }), script: null };
}
