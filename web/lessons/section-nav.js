// Finding one's way in a long lesson: the lists of its sections (the contents box in the lesson,
// and the section navigation), with the section being read marked (aria-current) as the reader
// scrolls. The navigation is one element that lessons.css lays out for the width: from 1100 px
// a sticky column beside the lesson (the contents, the tasks done, back to top); narrower, a
// bar stuck to the top of the window (previous section, the current section's title opening
// the contents as a menu, next section). Moving to a section puts the focus on its heading.
//
// The page gives `labels` (page.js LessonPage): lang, sections [{id, node, title() now}] (filled
// before fill()), heading (the h1), page(node, key, params) and bind(node, content).
import { h } from '../lib/dom.js';
import { pageText } from './catalog.js';

export class SectionNav {
  current; // the section being read; null above the first (undefined until follow() has looked)
  lists = [];

  constructor(labels) {
    this.labels = labels;
  }

  /** An empty list of links to the sections (fill() fills every one made). */
  list() {
    const list = h('ol', { class: 'section-list' });
    this.lists.push(list);
    return list;
  }

  fill() {
    for (const list of this.lists) {
      list.append(...this.labels.sections.map((s) => h('li', {},
        this.labels.bind(h('a', { href: `#${s.id}`, 'data-section': s.id }), s.title))));
    }
  }

  /** The navigation element; `count` (the tasks done) shows in its contents. */
  element(count) {
    const { labels } = this;
    const step = (dir, key, glyph, by) => {
      const b = h('button', { type: 'button', class: `nav-step nav-${dir}` },
        h('span', { 'aria-hidden': 'true' }, glyph), labels.page(h('span', { class: 'visually-hidden' }), key));
      b.addEventListener('click', () => this.goTo(this.stepFrom(by)));
      return b;
    };
    this.prev = step('prev', 'nav.prev', '‹', -1);
    this.next = step('next', 'nav.next', '›', 1);
    this.title = labels.bind(h('span', { class: 'nav-current' }), () => this.currentTitle());
    this.toggle = h('button', { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'section-menu' },
      labels.page(h('span', { class: 'visually-hidden' }), 'nav.menu'), this.title, h('span', { class: 'nav-caret', 'aria-hidden': 'true' }, '▾'));
    this.toggle.addEventListener('click', () => this.open(this.node.dataset.open === undefined));
    const top = labels.page(h('button', { type: 'button', class: 'nav-top' }), 'nav.top');
    top.addEventListener('click', () => {
      this.open(false);
      window.scrollTo(0, 0);
      labels.heading.focus({ preventScroll: true });
    });
    this.menu = h('div', { class: 'nav-menu', id: 'section-menu' },
      labels.page(h('p', { class: 'nav-heading', 'aria-hidden': 'true' }), 'lesson.contents'), this.list(), count, top);
    this.node = h('nav', { class: 'section-nav' }, h('div', { class: 'nav-bar' }, this.prev, this.toggle, this.next), this.menu);
    // the menu closes on a choice, on Escape (the focus back on its button) and on a click elsewhere
    this.menu.addEventListener('click', (e) => { if (e.target.closest('a')) this.open(false); });
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || this.node.dataset.open === undefined) return;
      this.open(false);
      this.toggle.focus();
    });
    document.addEventListener('click', (e) => { if (!this.node.contains(e.target)) this.open(false); });
    return this.node;
  }

  relabel() {
    this.node.setAttribute('aria-label', pageText(this.labels.lang, 'nav.label'));
  }

  currentTitle() {
    return this.current ? this.current.title() : pageText(this.labels.lang, 'lesson.contents');
  }

  open(open) {
    this.node.toggleAttribute('data-open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  /** The section `by` places after (before, when negative) the current one; above the first, the next is the first. */
  stepFrom(by) {
    const { sections } = this.labels;
    const at = sections.indexOf(this.current);
    return sections[at < 0 ? (by > 0 ? 0 : -1) : at + by] ?? null;
  }

  goTo(section) {
    if (!section) return;
    section.node.scrollIntoView();
    section.node.querySelector('h2').focus({ preventScroll: true });
    this.follow();
  }

  /**
   * The section being read: the last whose top has passed the upper quarter of the window (the
   * last one once the page's end is reached); null above the first.
   */
  sectionAt() {
    const { sections } = this.labels;
    const line = Math.max(96, innerHeight / 4);
    if (scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 4) return sections.at(-1) ?? null;
    let current = null;
    for (const s of sections) if (s.node.getBoundingClientRect().top <= line) current = s;
    return current;
  }

  /** Marks the section being read in the lists and the bar; previous/next follow it. */
  follow() {
    const now = this.sectionAt();
    if (now === this.current) return;
    this.current = now;
    for (const list of this.lists) {
      for (const a of list.querySelectorAll('a')) {
        if (a.dataset.section === now?.id) a.setAttribute('aria-current', 'location');
        else a.removeAttribute('aria-current');
      }
    }
    this.prev.disabled = !this.stepFrom(-1);
    this.next.disabled = !this.stepFrom(1);
    this.title.replaceChildren(this.currentTitle());
    // the column keeps the marked section in sight when the contents are taller than the window
    const link = this.menu.querySelector('a[aria-current]');
    if (link && this.menu.scrollHeight > this.menu.clientHeight) {
      const top = link.offsetTop - this.menu.offsetTop;
      if (top < this.menu.scrollTop || top > this.menu.scrollTop + this.menu.clientHeight - link.offsetHeight) {
        this.menu.scrollTop = top - this.menu.clientHeight / 3;
      }
    }
  }

  /** Follows the reading from now on (once a frame at most). */
  watch() {
    let pending = false;
    const later = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.follow();
      });
    };
    window.addEventListener('scroll', later, { passive: true });
    window.addEventListener('resize', later);
    this.follow();
  }
}
